/**
 * The table seen from above: a rounded dark table, one seat per role around it with the
 * decision-maker at the head (left end). A seat is the role's portrait in a ring of its colour,
 * its short name (in `legibleOn(colour)`), a person/bot icon, a white halo and a "To act" tag on
 * the acting seat, and the seat's answer to the package on the table (icon + word). The centre
 * of the table holds the round/turn indicator, the timer and the last bot's one-line reason.
 * The whole picture is one readable text region for screen readers.
 *
 * The view is kept for the whole game and `setSeats` moves it on: every move changes who acts,
 * an answer or the reason, and building the table again each time (two dozen objects, a text
 * canvas per label, laid out by trial) was the largest part of a move's cost on a slow
 * machine. The table, portraits and names are drawn once; each tag is made the first time a
 * seat shows it and then shown or hidden; the centre lines get new words only when they change.
 */
import Phaser from 'phaser';
import type { Role } from '../../scenario/schema.ts';
import { type IconName, iconKey, portraitKey } from '../theme/assets.ts';
import { TEXT_SIZE } from '../theme/fonts.ts';
import { colour, legibleOn, SURFACE, TEXT } from '../theme/palette.ts';
import { COLOURS } from '../theme.ts';
import { bakedShape } from '../ui/baked-shape.ts';
import type { UiContext } from '../ui/context.ts';
import { svgImage } from '../ui/svg-image.ts';
import { setTextFit } from '../ui/text-fit.ts';
import { type Box, choosePlaces, clashOf } from './label-places.ts';
import type { Rect } from './layout.ts';

export interface SeatState {
  role: Role;
  head: boolean;
  bot: boolean;
  /** "you" when the viewer plays it. */
  you: boolean;
  acting: boolean;
  answer: 'support' | 'oppose' | 'waiting' | 'proposer' | 'amender' | null;
  reason: string | null;
}

/** What of a seat stays the same from move to move (a new view when it changes). */
export type SeatFace = Pick<SeatState, 'role' | 'head' | 'bot' | 'you'>;

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
  amender: 'Amended',
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

/** A seat's tag as it looks (the acting seat's, or an answer); null: no tag. */
interface TagLook {
  words: string;
  icon: IconName;
  bg: string;
  fg: string;
  /** The tag box of the acting seat is dark (its icon stays white), the others its colour. */
  box: number;
}

function tagLook(s: Pick<SeatState, 'acting' | 'answer'>): TagLook | null {
  const words = s.acting
    ? s.answer === 'waiting'
      ? 'To answer now'
      : 'To act'
    : s.answer
      ? ANSWER_WORDS[s.answer]
      : null;
  if (!words) return null;
  const icon: IconName =
    s.answer === 'support'
      ? 'support'
      : s.answer === 'oppose'
        ? 'oppose'
        : s.acting
          ? 'next'
          : s.answer === 'proposer' || s.answer === 'amender'
            ? 'propose'
            : 'timer';
  const bg = s.acting
    ? TEXT.primary.css
    : s.answer === 'support'
      ? '#1d4d40'
      : s.answer === 'oppose'
        ? '#5a2a12'
        : '#2a3142';
  return {
    words,
    icon,
    bg,
    fg: s.acting ? TEXT.ink.css : TEXT.primary.css,
    box: s.acting ? SURFACE.table.hex : colour(bg).hex,
  };
}

/** A tag's objects, made the first time a seat shows it. */
interface Tag {
  bg: Phaser.GameObjects.Rectangle;
  icon: Phaser.GameObjects.Image;
  /** The word; null when compact (the icon alone). */
  text: Phaser.GameObjects.Text | null;
  width: number;
  height: number;
}

/** A seat's objects that stay, and where it sits. */
interface Seat {
  face: SeatFace;
  x: number;
  y: number;
  side: Side;
  halo: Phaser.GameObjects.Graphics;
  name: Phaser.GameObjects.Text;
  tags: Map<string, Tag>;
  shown: Tag | null;
}

type Placement = { labelSide: 'left' | 'right'; compact: boolean };

/** A seat's places for its label, in the order it prefers them. */
function placesFor(side: Side): Placement[] {
  const right = { labelSide: 'right', compact: false } as const;
  const rightCompact = { labelSide: 'right', compact: true } as const;
  // Seats above and below the table have their labels beside them, either side.
  if (side === 'top' || side === 'bottom')
    return [
      right,
      { labelSide: 'left', compact: false },
      rightCompact,
      { labelSide: 'left', compact: true },
    ];
  return [right, rightCompact];
}

type LineKind = 'round' | 'turn' | 'timer' | 'reason';

export class SeatsView extends Phaser.GameObjects.Container {
  /** The timer line in the middle of the table (the scene updates it). */
  readonly timer: Phaser.GameObjects.Text;

  private readonly ui: UiContext;
  private readonly r: Rect;
  private readonly portrait: number;
  private readonly iconSize: number;
  private readonly table: Rect;
  private readonly seats: Seat[] = [];
  private readonly lines: Record<Exclude<LineKind, 'timer'>, Phaser.GameObjects.Text>;
  /** What each centre line was last fitted from (words and wrap): unchanged, it is left be. */
  private readonly fitted = new Map<Phaser.GameObjects.Text, string>();
  private readonly labelRight = new Map<Side, number>();
  private readonly labelLeft = new Map<Side, number>();

  constructor(ui: UiContext, r: Rect, faces: readonly SeatFace[]) {
    super(ui.scene, 0, 0);
    this.ui = ui;
    this.r = r;
    const scene = ui.scene;
    const theme = ui.theme;
    const f = theme.font.factor;
    const portrait = Math.round(52 + (f - 1) * 8);
    this.portrait = portrait;
    this.iconSize = Math.round(theme.font.size.small + 2);
    const seatR = portrait / 2 + 4;
    const inset = seatR + 14;
    const table = {
      x: r.x + inset + 40,
      y: r.y + inset,
      width: r.width - 2 * (inset + 40),
      height: r.height - 2 * inset,
    };
    this.table = table;
    // The table top with its shadow (4, 6 px down and right) and rims, drawn once (baked): 2 px
    // of room around it for the outer rim's stroke.
    const { width: tw, height: th } = table;
    const top = bakedShape(
      scene,
      `seat-table:${tw}x${th}`,
      table.x - 2,
      table.y - 2,
      tw + 8,
      th + 10,
      (g) => {
        g.fillStyle(0x000000, 0.35);
        g.fillRoundedRect(6, 8, tw, th, 48);
        g.fillStyle(SURFACE.panel.hex, 1);
        g.fillRoundedRect(2, 2, tw, th, 48);
        g.lineStyle(3, SURFACE.divider.hex, 1);
        g.strokeRoundedRect(2, 2, tw, th, 48);
        g.lineStyle(1, SURFACE.divider.hex, 1);
        g.strokeRoundedRect(14, 14, tw - 24, th - 24, 38);
      },
    );
    this.add(top);

    const cy = table.y + table.height / 2;
    const head = faces.find((s) => s.head);
    const others = faces.filter((s) => !s.head);
    if (head) this.addSeat(head, r.x + seatR + 6, cy, 'left');
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
      this.addSeat(s, x, y, slot.side);
    });

    const cx = table.x + table.width / 2;
    const line = (role: 'small' | 'body', color: string, bold: boolean) => {
      // As wide as the table: the canvas keeps its size when the words change (a new size is a
      // new canvas to allocate), and the words stay centred in it.
      const wide = {
        ...theme.text(role, { color, bold, align: 'center' }),
        fixedWidth: table.width,
      };
      const t = scene.add.text(cx, 0, '', wide).setOrigin(0.5, 0).setVisible(false);
      this.add(t);
      return t;
    };
    this.lines = {
      round: line('small', COLOURS.textMuted, false),
      turn: line('body', TEXT.primary.css, true),
      reason: line('small', TEXT.primary.css, false),
    };
    // Set every half second: never wrapped (its lines would stack up).
    this.timer = line('small', TEXT.primary.css, false);
    // Every tag a seat can show, made now rather than in the middle of the game's first moves
    // (a text each): the acting seat's two, and the five answers.
    const states: Pick<SeatState, 'acting' | 'answer'>[] = [
      { acting: true, answer: null },
      { acting: true, answer: 'waiting' },
      { acting: false, answer: 'support' },
      { acting: false, answer: 'oppose' },
      { acting: false, answer: 'waiting' },
      { acting: false, answer: 'proposer' },
      { acting: false, answer: 'amender' },
    ];
    for (const seat of this.seats) {
      for (const state of states) {
        const look = tagLook(state);
        if (look) this.tag(seat, look, false);
      }
    }
    scene.add.existing(this);
  }

  private addSeat(face: SeatFace, x: number, y: number, side: Side): void {
    const scene = this.ui.scene;
    const theme = this.ui.theme;
    const size = this.portrait;
    const roleColour = colour(face.role.colour);
    const halo = scene.add.graphics();
    halo.lineStyle(5, TEXT.primary.hex, 1);
    halo.strokeCircle(x, y, size / 2 + 10);
    halo.setVisible(false);
    const ring = scene.add.graphics();
    ring.fillStyle(roleColour.hex, 1);
    ring.fillCircle(x, y, size / 2 + 5);
    const img = svgImage(scene, x, y, portraitKey(face.role.portrait), size);
    // Person/bot icon on a dark disc at the lower right of the portrait.
    const ix = x + size / 2 - 2;
    const iy = y + size / 2 - 2;
    const disc = scene.add
      .circle(ix, iy, this.iconSize / 2 + 3, SURFACE.table.hex)
      .setStrokeStyle(2, roleColour.hex);
    const icon = svgImage(scene, ix, iy, iconKey(face.bot ? 'bot' : 'human'), this.iconSize);
    // Name (and "you" / "bot"), beside the portrait for top and bottom seats, below it at the ends.
    const big = theme.font.factor > 1.2;
    const label = `${face.role.shortName.text}${face.you ? ' (you)' : face.bot && !big ? ' (bot)' : ''}`;
    // On a plate of the table's colour: a label over the table's rim (the bottom seat's, beside
    // its portrait) hides the rim's line rather than being crossed by it.
    const name = scene.add.text(0, 0, label, {
      ...labelStyle(theme, legibleOn(roleColour, SURFACE.table).css),
      backgroundColor: SURFACE.table.css,
      padding: { x: 3, y: 0 },
    });
    this.add([halo, ring, img, disc, icon, name]);
    this.seats.push({ face, x, y, side, halo, name, tags: new Map(), shown: null });
  }

  /** The seat's tag that looks so, made the first time it is asked for. */
  private tag(seat: Seat, look: TagLook, compact: boolean): Tag {
    const key = `${look.words}|${look.icon}|${look.bg}|${compact}`;
    const kept = seat.tags.get(key);
    if (kept) return kept;
    const scene = this.ui.scene;
    const th = labelPx(this.ui.theme) + 6;
    // Compact (a crowded table): the icon alone; the word is in the seats' screen-reader text.
    const text = compact
      ? null
      : scene.add.text(0, 0, look.words, {
          ...labelStyle(this.ui.theme, look.fg),
          backgroundColor: look.bg,
          padding: { x: 4, y: 1 },
        });
    const h = text ? text.height : th;
    const bg = scene.add.rectangle(0, 0, th, h, look.box).setOrigin(0);
    // Alone, the acting seat's dark icon box is outlined in the light colour of its word: the
    // tag stays as bright as the full one.
    const wordColour = colour(look.bg).hex;
    if (!text && look.box !== wordColour) bg.setStrokeStyle(2, wordColour);
    // The icon stays white (the Canvas renderer ignores tints): on the light "to act" tag its
    // box is dark instead.
    const icon = svgImage(scene, 0, 0, iconKey(look.icon), th - 6);
    const made: Tag = { bg, icon, text, width: th + (text?.width ?? 0), height: h };
    // Just over the seat's name: under the seats placed after it and the centre lines, as when
    // each seat was drawn in turn (a crowded table's later name then stays readable).
    this.addAt(text ? [bg, icon, text] : [bg, icon], this.getIndex(seat.name) + 1);
    for (const o of [bg, icon, text]) o?.setVisible(false);
    seat.tags.set(key, made);
    return made;
  }

  /** Shows who acts, the answers and the centre lines (the reason comes from `seats`). */
  setSeats(seats: readonly SeatState[], centre: TableCentre): void {
    const byRole = new Map(seats.map((s) => [s.role.id, s]));
    const size = this.portrait;
    const r = this.r;
    const table = this.table;
    // The seats first: the centre block then goes in the band their labels leave free — below
    // the top seats' labels and above the end seats' labels (which sit under their portraits
    // and reach into the table at large text sizes).
    let top = table.y + 12;
    let bottom = table.y + table.height - 12;
    // Each seat's label has its places, in the order it prefers them — beside the portrait on
    // the right, then on the left, then the same with the tag as an icon only — and the places
    // are chosen for all the seats together: none runs into another label or portrait or off
    // the table's area, or, on a table too crowded for that (large text), as little as can be.
    const portraits: Box[] = this.seats.map((p) => ({
      x0: p.x - size / 2 - 12,
      y0: p.y - size / 2 - 12,
      x1: p.x + size / 2 + 12,
      y1: p.y + size / 2 + 12,
    }));
    const area: Box = { x0: r.x, y0: r.y - 4, x1: r.x + r.width, y1: r.y + r.height + 8 };
    const looks = this.seats.map((seat) => {
      const s = byRole.get(seat.face.role.id);
      seat.halo.setVisible(s?.acting ?? false);
      return s ? tagLook(s) : null;
    });
    const places = this.seats.map((seat, i) => {
      const look = looks[i] ?? null;
      const others = portraits.filter((_, j) => j !== i);
      return placesFor(seat.side).map((place) => {
        const box = this.labelBox(seat, look ? this.tag(seat, look, place.compact) : null, place);
        return { place, box, clash: clashOf(box, area, others) };
      });
    });
    const chosen = choosePlaces(places);
    this.seats.forEach((seat, i) => {
      const look = looks[i] ?? null;
      const at = places[i]?.[chosen[i] ?? 0]?.place ?? { labelSide: 'right', compact: false };
      const laid = this.place(seat, look ? this.tag(seat, look, at.compact) : null, at);
      if (seat.side === 'top') top = Math.max(top, laid.bottom + 4);
      else bottom = Math.min(bottom, laid.top - 4);
    });
    this.updateCentre(seats, centre, top, bottom);
  }

  /** Where the label (name and tag) of `seat` goes for placement `at`. */
  private labelBox(seat: Seat, tag: Tag | null, at: Placement): Box & { alignRight: boolean } {
    const size = this.portrait;
    const { name, side, x, y } = seat;
    const labelW = Math.max(name.width, tag?.width ?? 0);
    const labelH = name.height + (tag ? 2 + tag.height : 0);
    let left: number;
    let top: number;
    if (side === 'top' || side === 'bottom') {
      left = at.labelSide === 'right' ? x + size / 2 + 14 : x - size / 2 - 14 - labelW;
      top = y - name.height / 2 - (tag ? this.ui.theme.font.size.small * 0.6 : 0);
    } else {
      // Below the portrait and clear of the person/bot disc at its lower right.
      top = y + size / 2 + Math.max(8, Math.round(this.iconSize / 2) + 4);
      left = x - labelW / 2;
      if (side === 'left') left = Math.max(x - size / 2 - 6, left);
      if (side === 'right') left = Math.min(x + size / 2 + 6 - labelW, left);
    }
    // Right-aligned when the label sits left of the portrait or under the right-hand seat.
    const alignRight =
      (at.labelSide === 'left' && (side === 'top' || side === 'bottom')) || side === 'right';
    return { x0: left, y0: top, x1: left + labelW, y1: top + labelH, alignRight };
  }

  /**
   * Puts the seat's name and `tag` (hiding the tag it showed before) in placement `at`; returns
   * the label's box and the top and bottom of the seat.
   */
  private place(
    seat: Seat,
    tag: Tag | null,
    at: Placement,
  ): { box: Box; top: number; bottom: number } {
    const box = this.labelBox(seat, tag, at);
    const { name, side, y } = seat;
    const size = this.portrait;
    const labelW = box.x1 - box.x0;
    const x = (w: number) => (box.alignRight ? box.x0 + labelW - w : box.x0);
    name.setPosition(x(name.width), box.y0);
    if (seat.shown && seat.shown !== tag) {
      for (const o of [seat.shown.bg, seat.shown.icon, seat.shown.text]) o?.setVisible(false);
    }
    seat.shown = tag;
    if (tag) {
      const th = labelPx(this.ui.theme) + 6;
      const tx = x(tag.width);
      const ty = box.y0 + name.height + 2;
      tag.bg.setPosition(tx, ty).setVisible(true);
      tag.icon.setPosition(tx + th / 2, ty + tag.height / 2).setVisible(true);
      tag.text?.setPosition(tx + th, ty).setVisible(true);
    }
    if (side === 'left' || side === 'right') {
      this.labelRight.set(side, box.x1);
      this.labelLeft.set(side, box.x0);
    }
    const portraitTop = y - size / 2 - (seat.halo.visible ? 12 : 5);
    const seatTop = side === 'left' || side === 'right' ? box.y0 : Math.min(portraitTop, box.y0);
    return { box, top: seatTop, bottom: Math.max(box.y1, y + size / 2 + 5) };
  }

  /**
   * Centre: round, turn, the timer (when the game has one) and the last bot's one-line reason
   * (a bubble beside a seat collided with the seat labels, worst at large text), in the band
   * between `top` and `bottom`.
   */
  private updateCentre(
    seats: readonly SeatState[],
    centre: TableCentre,
    top: number,
    bottom: number,
  ): void {
    const theme = this.ui.theme;
    const small = (role: 'small' | 'body') => Math.ceil(theme.font.size[role] * 1.35) + 2;
    const speaker = seats.find((s) => s.reason);
    const wrap = this.table.width - 56;
    const lines: { role: 'small' | 'body'; kind: LineKind }[] = [];
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
    for (const t of [this.lines.round, this.lines.turn, this.lines.reason]) t.setVisible(false);
    let timerY = y;
    for (const line of lines) {
      if (line.kind === 'timer') {
        timerY = y;
      } else {
        const words =
          line.kind === 'round'
            ? centre.round
            : line.kind === 'turn'
              ? centre.turn
              : (speaker?.reason ?? '');
        const width = line.kind === 'reason' && y + small('small') > bottom ? this.gap(wrap) : wrap;
        // Reasons already open with the role's name; the full reason is in the log and in the
        // seats' screen-reader text.
        this.fit(this.lines[line.kind], words, width).setY(y).setVisible(true);
      }
      y += small(line.role);
    }
    this.timer.setY(centre.timed ? timerY : y).setVisible(true);
  }

  /** `t` shows `words` cut to one line of `width`; rasterised again only when either changed. */
  private fit(t: Phaser.GameObjects.Text, words: string, width: number): Phaser.GameObjects.Text {
    const key = `${width}\u0000${words}`;
    if (this.fitted.get(t) === key) return t;
    const style = t.style;
    const rewrap = style.wordWrapWidth !== width || style.wordWrapUseAdvanced;
    if (rewrap) {
      // Set without drawing: the text is drawn once below, with its new words.
      style.wordWrapWidth = width;
      style.wordWrapUseAdvanced = false;
      style.fixedWidth = width;
      if (t.text === words) t.setText('');
    }
    setTextFit(t, words, 1);
    this.fitted.set(t, key);
    return t;
  }

  /** The width between the labels of the end seats, around the table's centre line. */
  private gap(fallback: number): number {
    const centreX = this.table.x + this.table.width / 2;
    const left = this.seats.find((p) => p.side === 'left');
    const right = this.seats.find((p) => p.side === 'right');
    const half = Math.min(
      left ? centreX - (this.labelRight.get('left') ?? left.x) : fallback / 2,
      right ? (this.labelLeft.get('right') ?? right.x) - centreX : fallback / 2,
    );
    return Math.max(120, Math.min(fallback, 2 * half - 16));
  }
}
