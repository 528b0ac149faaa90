/**
 * The table seen from above: a rounded dark table, one seat per role around it with the
 * decision-maker at the head (left end). A seat is the role's portrait in a ring of its colour,
 * its short name (in `legibleOn(colour)`), a person/bot icon, a white halo and a "To act" tag on
 * the acting seat, and the seat's answer to the package on the table (icon + word). The centre
 * of the table holds the round/turn indicator, the timer and the last bot's one-line reason. The whole picture is one readable text region for screen readers.
 */
import Phaser from 'phaser';
import type { Role } from '../../scenario/schema.ts';
import { iconKey, portraitKey } from '../theme/assets.ts';
import { TEXT_SIZE } from '../theme/fonts.ts';
import { colour, legibleOn, SURFACE, TEXT } from '../theme/palette.ts';
import { COLOURS } from '../theme.ts';
import type { UiContext } from '../ui/context.ts';
import { svgImage } from '../ui/svg-image.ts';
import { fittedText } from '../ui/text-pool.ts';
import type { Rect } from './layout.ts';

export interface SeatState {
  role: Role;
  head: boolean;
  bot: boolean;
  /** "you" when the viewer plays it. */
  you: boolean;
  acting: boolean;
  answer: 'support' | 'oppose' | 'waiting' | 'proposer' | null;
  reason: string | null;
}

type Side = 'left' | 'right' | 'top' | 'bottom';

/** Slots for the seats other than the head, clockwise from the top left. */
function slots(n: number): { side: Side; t: number }[] {
  switch (n) {
    case 1:
      return [{ side: 'right', t: 0.5 }];
    case 2:
      return [
        { side: 'top', t: 0.55 },
        { side: 'bottom', t: 0.55 },
      ];
    case 3:
      // The bottom seat left of centre: its label (beside it, to the right) then stays clear of
      // the right-hand seat's label, which hangs under that seat's portrait.
      return [
        { side: 'top', t: 0.5 },
        { side: 'right', t: 0.5 },
        { side: 'bottom', t: 0.38 },
      ];
    case 4:
      return [
        { side: 'top', t: 0.3 },
        { side: 'top', t: 0.75 },
        { side: 'bottom', t: 0.75 },
        { side: 'bottom', t: 0.3 },
      ];
    default:
      return (
        [
          { side: 'top', t: 0.3 },
          { side: 'top', t: 0.75 },
          { side: 'right', t: 0.5 },
          { side: 'bottom', t: 0.62 },
          { side: 'bottom', t: 0.2 },
        ] as { side: Side; t: number }[]
      ).slice(0, n);
  }
}

const ANSWER_WORDS = {
  support: 'Supports',
  oppose: 'Opposes',
  waiting: 'To answer',
  proposer: 'Proposed',
} as const;

/**
 * Seat names and tags: the small size, but no larger than at 135 % — five labels and the
 * centre lines share a 1280×720 table, and larger ones would run into each other.
 */
function labelPx(theme: UiContext['theme']): number {
  return Math.min(theme.font.size.small, Math.round(TEXT_SIZE.small * 1.35));
}

function labelStyle(theme: UiContext['theme'], color: string) {
  return { ...theme.text('small', { bold: true, color }), fontSize: `${labelPx(theme)}px` };
}

export interface TableCentre {
  round: string;
  turn: string;
  /** The game has a turn or round timer: keep a line for it. */
  timed: boolean;
}

export class SeatsView extends Phaser.GameObjects.Container {
  /** The timer line in the middle of the table (the scene updates it). */
  readonly timer: Phaser.GameObjects.Text;

  constructor(ui: UiContext, r: Rect, seats: SeatState[], centre: TableCentre) {
    super(ui.scene, 0, 0);
    const scene = ui.scene;
    const theme = ui.theme;
    const f = theme.font.factor;
    const portrait = Math.round(52 + (f - 1) * 8);
    const seatR = portrait / 2 + 4;
    const inset = seatR + 14;
    const table = {
      x: r.x + inset + 40,
      y: r.y + inset,
      width: r.width - 2 * (inset + 40),
      height: r.height - 2 * inset,
    };
    const g = scene.add.graphics();
    g.fillStyle(0x000000, 0.35);
    g.fillRoundedRect(table.x + 4, table.y + 6, table.width, table.height, 48);
    g.fillStyle(SURFACE.panel.hex, 1);
    g.fillRoundedRect(table.x, table.y, table.width, table.height, 48);
    g.lineStyle(3, SURFACE.divider.hex, 1);
    g.strokeRoundedRect(table.x, table.y, table.width, table.height, 48);
    g.lineStyle(1, SURFACE.divider.hex, 1);
    g.strokeRoundedRect(table.x + 12, table.y + 12, table.width - 24, table.height - 24, 38);
    this.add(g);

    const cx = table.x + table.width / 2;
    const cy = table.y + table.height / 2;
    const others = seats.filter((s) => !s.head);
    const head = seats.find((s) => s.head);
    const placed: { s: SeatState; x: number; y: number; side: Side }[] = [];
    if (head) placed.push({ s: head, x: r.x + seatR + 6, y: cy, side: 'left' });
    const sl = slots(others.length);
    others.forEach((s, i) => {
      const slot = sl[i] ?? { side: 'right' as Side, t: 0.5 };
      const x = slot.side === 'right' ? r.x + r.width - seatR - 6 : table.x + table.width * slot.t;
      const y =
        slot.side === 'top'
          ? r.y + seatR + 2
          : slot.side === 'bottom'
            ? r.y + r.height - seatR - 2
            : cy;
      placed.push({ s, x, y, side: slot.side });
    });

    // The seats first: the centre block then goes in the band their labels leave free — below
    // the top seats' labels and above the end seats' labels (which sit under their portraits
    // and reach into the table at large text sizes).
    this.centreX = cx;
    let top = table.y + 12;
    let bottom = table.y + table.height - 12;
    // Each seat's label tries its places in turn — beside the portrait on the right, then on the
    // left, then the same with the tag as an icon only — and takes the first that runs into no
    // other portrait or label and stays on the table's area (crowded tables at large text).
    const portraits: Box[] = placed.map((p) => ({
      x0: p.x - portrait / 2 - 12,
      y0: p.y - portrait / 2 - 12,
      x1: p.x + portrait / 2 + 12,
      y1: p.y + portrait / 2 + 12,
    }));
    const labels: Box[] = [];
    const area: Box = { x0: r.x, y0: r.y - 4, x1: r.x + r.width, y1: r.y + r.height + 8 };
    placed.forEach((p, i) => {
      const beside = p.side === 'top' || p.side === 'bottom';
      const tries: { labelSide: 'left' | 'right'; compact: boolean }[] = beside
        ? [
            { labelSide: 'right', compact: false },
            { labelSide: 'left', compact: false },
            { labelSide: 'right', compact: true },
            { labelSide: 'left', compact: true },
          ]
        : [
            { labelSide: 'right', compact: false },
            { labelSide: 'right', compact: true },
          ];
      // How much of a try's label is off the table or on another portrait or label (0: none).
      const clash = (boxes: Box[]) => {
        let total = 0;
        for (const b of boxes) {
          total += area2(b) - area2(intersection(b, area));
          for (const [j, q] of portraits.entries()) if (j !== i) total += area2(intersection(b, q));
          for (const l of labels) total += area2(intersection(b, l));
        }
        return total;
      };
      let drawn: ReturnType<SeatsView['drawSeat']> | null = null;
      // When every place clashes (a crowded table at large text), the one that clashes least.
      let least = { k: -1, clash: Number.POSITIVE_INFINITY };
      for (const [k, opt] of tries.entries()) {
        const mark = this.list.length;
        drawn = this.drawSeat(ui, p.s, p.x, p.y, p.side, portrait, opt);
        const c = clash(drawn.boxes);
        if (c === 0) break;
        if (c < least.clash) least = { k, clash: c };
        if (k === tries.length - 1 && least.k === k) break;
        for (const o of this.list.slice(mark)) o.destroy();
        if (k === tries.length - 1) {
          const best = tries[least.k] ?? opt;
          drawn = this.drawSeat(ui, p.s, p.x, p.y, p.side, portrait, best);
        }
      }
      if (!drawn) return;
      labels.push(...drawn.boxes);
      if (p.side === 'top') top = Math.max(top, drawn.bottom + 4);
      else bottom = Math.min(bottom, drawn.top - 4);
    });

    // Centre: round, turn, the timer (when the game has one) and the last bot's one-line
    // reason (a bubble beside a seat collided with the seat labels, worst at large text).
    const small = (role: 'small' | 'body') => Math.ceil(theme.font.size[role] * 1.35) + 2;
    const speaker = seats.find((s) => s.reason);
    const wrap = table.width - 56;
    const lines: { role: 'small' | 'body'; kind: 'round' | 'turn' | 'timer' | 'reason' }[] = [];
    lines.push({ role: 'small', kind: 'round' });
    lines.push({ role: 'body', kind: 'turn' });
    if (centre.timed) lines.push({ role: 'small', kind: 'timer' });
    if (speaker?.reason) lines.push({ role: 'small', kind: 'reason' });
    const heightOf = () => lines.reduce((h, l) => h + small(l.role), 0);
    // Too tall for the free band: the round (also in the top bar) goes first.
    if (heightOf() > bottom - top) lines.shift();
    const blockH = heightOf();
    // Centred in the free band; when even that is too small, it keeps its top under the top
    // seats and the reason line narrows to the gap between the end seats' labels instead.
    let y = Math.max(top, Math.round((top + bottom - blockH) / 2));
    let timer: Phaser.GameObjects.Text | null = null;
    for (const line of lines) {
      const colour = line.kind === 'round' ? COLOURS.textMuted : TEXT.primary.css;
      const style = theme.text(line.role, {
        color: colour,
        bold: line.kind === 'turn',
        align: 'center',
        // The timer is set every half second: never wrapped (its lines would stack up).
        wrap:
          line.kind === 'timer'
            ? undefined
            : line.kind === 'reason' && y + small('small') > bottom
              ? this.gap(placed, wrap)
              : wrap,
      });
      // Reasons already open with the role's name; the full reason is in the log and in the
      // seats' screen-reader text.
      const words =
        line.kind === 'round'
          ? centre.round
          : line.kind === 'turn'
            ? centre.turn
            : line.kind === 'reason'
              ? (speaker?.reason ?? '')
              : null;
      const t = (
        words === null
          ? scene.add.text(cx, y, '', style)
          : fittedText(scene, cx, y, words, style, 1)
      ).setOrigin(0.5, 0);
      if (line.kind === 'timer') timer = t;
      this.add(t);
      y += small(line.role);
    }
    this.timer =
      timer ??
      scene.add.text(cx, y, '', theme.text('small', { align: 'center' })).setOrigin(0.5, 0);
    if (!timer) this.add(this.timer);

    scene.add.existing(this);
  }

  /** The width between the labels of the end seats, around the table's centre line. */
  private gap(placed: { x: number; side: Side }[], fallback: number): number {
    const left = placed.find((p) => p.side === 'left');
    const right = placed.find((p) => p.side === 'right');
    const half = Math.min(
      left ? this.centreX - (this.labelRight.get('left') ?? left.x) : fallback / 2,
      right ? (this.labelLeft.get('right') ?? right.x) - this.centreX : fallback / 2,
    );
    return Math.max(120, Math.min(fallback, 2 * half - 16));
  }

  private centreX = 0;
  private readonly labelRight = new Map<Side, number>();
  private readonly labelLeft = new Map<Side, number>();

  /**
   * Draws a seat with its label (name and tag) beside its portrait on the `labelSide` (top and
   * bottom seats; end seats have theirs underneath), or `compact` (the tag as its icon only).
   * Returns the top and bottom of the seat and the boxes its label covers.
   */
  private drawSeat(
    ui: UiContext,
    s: SeatState,
    x: number,
    y: number,
    side: Side,
    size: number,
    opt: { labelSide: 'left' | 'right'; compact: boolean },
  ): { top: number; bottom: number; boxes: Box[] } {
    const scene = ui.scene;
    const theme = ui.theme;
    const roleColour = colour(s.role.colour);
    const g = scene.add.graphics();
    if (s.acting) {
      g.lineStyle(5, TEXT.primary.hex, 1);
      g.strokeCircle(x, y, size / 2 + 10);
    }
    g.fillStyle(roleColour.hex, 1);
    g.fillCircle(x, y, size / 2 + 5);
    this.add(g);
    const img = svgImage(scene, x, y, portraitKey(s.role.portrait), size);
    this.add(img);
    // Person/bot icon on a dark disc at the lower right of the portrait.
    const iconSize = Math.round(theme.font.size.small + 2);
    const ix = x + size / 2 - 2;
    const iy = y + size / 2 - 2;
    const disc = scene.add
      .circle(ix, iy, iconSize / 2 + 3, SURFACE.table.hex)
      .setStrokeStyle(2, roleColour.hex);
    const icon = svgImage(scene, ix, iy, iconKey(s.bot ? 'bot' : 'human'), iconSize);
    this.add([disc, icon]);

    // Name (and "you" / "bot"), beside the portrait for top and bottom seats, below it at the ends.
    const nameColour = legibleOn(roleColour, SURFACE.table).css;
    const big = theme.font.factor > 1.2;
    const label = `${s.role.shortName.text}${s.you ? ' (you)' : s.bot && !big ? ' (bot)' : ''}`;
    const name = scene.add.text(0, 0, label, labelStyle(theme, nameColour));
    this.add(name);

    // Tag under the name: "To act" on the acting seat, or the answer to the package.
    const tagText = s.acting
      ? s.answer === 'waiting'
        ? 'To answer now'
        : 'To act'
      : s.answer
        ? ANSWER_WORDS[s.answer]
        : null;
    let tag: {
      bg: Phaser.GameObjects.Rectangle;
      icon: Phaser.GameObjects.Image;
      text: Phaser.GameObjects.Text | null;
      width: number;
      height: number;
    } | null = null;
    const th = labelPx(theme) + 6;
    if (tagText) {
      const tagIcon =
        s.answer === 'support'
          ? 'support'
          : s.answer === 'oppose'
            ? 'oppose'
            : s.acting
              ? 'next'
              : s.answer === 'proposer'
                ? 'propose'
                : 'timer';
      const tagBg = s.acting
        ? TEXT.primary.css
        : s.answer === 'support'
          ? '#1d4d40'
          : s.answer === 'oppose'
            ? '#5a2a12'
            : '#2a3142';
      const tagFg = s.acting ? TEXT.ink.css : TEXT.primary.css;
      // Compact (a crowded table): the icon alone; the word is in the seats' screen-reader text.
      const text = opt.compact
        ? null
        : scene.add.text(0, 0, tagText, {
            ...labelStyle(theme, tagFg),
            backgroundColor: tagBg,
            padding: { x: 4, y: 1 },
          });
      const h = text ? text.height : th;
      const bg = scene.add
        .rectangle(0, 0, th, h, s.acting ? SURFACE.table.hex : colour(tagBg).hex)
        .setOrigin(0);
      const ti = svgImage(scene, 0, 0, iconKey(tagIcon), th - 6);
      // The icon stays white (the Canvas renderer ignores tints): on the light "to act" tag its
      // box is dark instead.
      this.add(text ? [bg, ti, text] : [bg, ti]);
      tag = { bg, icon: ti, text, width: th + (text?.width ?? 0), height: h };
    }
    const labelW = Math.max(name.width, tag?.width ?? 0);
    const labelH = name.height + (tag ? 2 + tag.height : 0);

    let left: number;
    let top: number;
    if (side === 'top' || side === 'bottom') {
      left = opt.labelSide === 'right' ? x + size / 2 + 14 : x - size / 2 - 14 - labelW;
      top = y - name.height / 2 - (tag ? theme.font.size.small * 0.6 : 0);
    } else {
      // Below the portrait and clear of the person/bot disc at its lower right.
      top = y + size / 2 + Math.max(8, Math.round(iconSize / 2) + 4);
      left = x - labelW / 2;
      if (side === 'left') left = Math.max(x - size / 2 - 6, left);
      if (side === 'right') left = Math.min(x + size / 2 + 6 - labelW, left);
    }
    // Right-aligned when the label sits left of the portrait or under the right-hand seat.
    const alignRight = opt.labelSide === 'left' && (side === 'top' || side === 'bottom');
    const at = (w: number) => (alignRight || side === 'right' ? left + labelW - w : left);
    name.setPosition(at(name.width), top);
    if (tag) {
      const tx = at(tag.width);
      const ty = top + name.height + 2;
      tag.bg.setPosition(tx, ty);
      tag.icon.setPosition(tx + th / 2, ty + tag.height / 2);
      tag.text?.setPosition(tx + th, ty);
    }
    const boxes: Box[] = [{ x0: left, y0: top, x1: left + labelW, y1: top + labelH }];
    if (side === 'left' || side === 'right') {
      this.labelRight.set(side, left + labelW);
      this.labelLeft.set(side, left);
    }
    const portraitTop = y - size / 2 - (s.acting ? 12 : 5);
    const seatTop = side === 'left' || side === 'right' ? top : Math.min(portraitTop, top);
    return { top: seatTop, bottom: Math.max(top + labelH, y + size / 2 + 5), boxes };
  }
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The part of `a` inside `b` (empty when they do not meet). */
function intersection(a: Box, b: Box): Box {
  return {
    x0: Math.max(a.x0, b.x0),
    y0: Math.max(a.y0, b.y0),
    x1: Math.min(a.x1, b.x1),
    y1: Math.min(a.y1, b.y1),
  };
}

function area2(b: Box): number {
  return Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0);
}
