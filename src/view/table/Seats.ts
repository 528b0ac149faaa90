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
import { colour, legibleOn, SURFACE, TEXT } from '../theme/palette.ts';
import { COLOURS } from '../theme.ts';
import type { UiContext } from '../ui/context.ts';
import { setTextFit } from '../ui/text-fit.ts';
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
      return [
        { side: 'top', t: 0.5 },
        { side: 'right', t: 0.5 },
        { side: 'bottom', t: 0.5 },
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
          { side: 'bottom', t: 0.75 },
          { side: 'bottom', t: 0.3 },
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

export interface TableCentre {
  round: string;
  turn: string;
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

    // Centre: round and turn, and the timer.
    const cx = table.x + table.width / 2;
    const cy = table.y + table.height / 2;
    const roundT = scene.add
      .text(
        cx,
        cy,
        centre.round,
        theme.text('small', { color: COLOURS.textMuted, align: 'center' }),
      )
      .setOrigin(0.5, 1)
      .setVisible(f <= 1.2);
    const turnT = scene.add
      .text(
        cx,
        f > 1.2 ? cy - theme.font.size.body : cy,
        '',
        theme.text('body', { bold: true, align: 'center', wrap: table.width - 40 }),
      )
      .setOrigin(0.5, 0);
    setTextFit(turnT, centre.turn, 1);
    this.timer = scene.add
      .text(
        cx,
        turnT.y + turnT.height + 2,
        '',
        theme.text('small', { color: TEXT.primary.css, align: 'center' }),
      )
      .setOrigin(0.5, 0);
    this.add([roundT, turnT, this.timer]);

    // The last bot's one-line reason, inside the table under the turn line: a bubble beside a
    // seat collided with the seat labels, worst at large text.
    const speaker = seats.find((s) => s.reason);
    if (speaker?.reason) {
      const said = scene.add
        .text(
          cx,
          this.timer.y + theme.font.size.small * 1.4,
          '',
          theme.text('small', { color: TEXT.primary.css, align: 'center', wrap: table.width - 56 }),
        )
        .setOrigin(0.5, 0);
      // One line: the bottom seat sits on the table's edge just below. Reasons already open with
      // the role's name; the full reason is in the log and the seats' screen-reader text.
      setTextFit(said, speaker.reason, 1);
      this.add(said);
    }

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

    for (const p of placed) this.drawSeat(ui, p.s, p.x, p.y, p.side, portrait);
    scene.add.existing(this);
  }

  private drawSeat(
    ui: UiContext,
    s: SeatState,
    x: number,
    y: number,
    side: Side,
    size: number,
  ): void {
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
    const img = scene.add.image(x, y, portraitKey(s.role.portrait)).setDisplaySize(size, size);
    this.add(img);
    // Person/bot icon on a dark disc at the lower right of the portrait.
    const iconSize = Math.round(theme.font.size.small + 2);
    const ix = x + size / 2 - 2;
    const iy = y + size / 2 - 2;
    const disc = scene.add
      .circle(ix, iy, iconSize / 2 + 3, SURFACE.table.hex)
      .setStrokeStyle(2, roleColour.hex);
    const icon = scene.add
      .image(ix, iy, iconKey(s.bot ? 'bot' : 'human'))
      .setDisplaySize(iconSize, iconSize);
    this.add([disc, icon]);

    // Name (and "you" / "bot"), beside the portrait for top and bottom seats, below it at the ends.
    const nameColour = legibleOn(roleColour, SURFACE.table).css;
    const big = theme.font.factor > 1.2;
    const label = `${s.role.shortName.text}${s.you ? ' (you)' : s.bot && !big ? ' (bot)' : ''}`;
    const name = scene.add.text(
      0,
      0,
      label,
      theme.text('small', { bold: true, color: nameColour }),
    );
    let nx: number;
    let ny: number;
    if (side === 'top' || side === 'bottom') {
      nx = x + size / 2 + 14;
      ny = y - name.height / 2 - (s.acting || s.answer ? theme.font.size.small * 0.6 : 0);
      name.setPosition(nx, ny);
    } else {
      nx = x - name.width / 2;
      ny = y + size / 2 + 8;
      if (side === 'left') nx = Math.max(x - size / 2 - 6, nx);
      if (side === 'right') nx = Math.min(x + size / 2 + 6 - name.width, nx);
      name.setPosition(nx, ny);
    }
    this.add(name);

    // Tag under the name: "To act" on the acting seat, or the answer to the package.
    const tagText = s.acting
      ? s.answer === 'waiting'
        ? 'To answer now'
        : 'To act'
      : s.answer
        ? ANSWER_WORDS[s.answer]
        : null;
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
      const th = theme.font.size.small + 6;
      const tx = name.x;
      const ty = name.y + name.height + 2;
      const t = scene.add.text(tx + th, ty, tagText, {
        ...theme.text('small', { bold: true, color: tagFg }),
        backgroundColor: tagBg,
        padding: { x: 4, y: 1 },
      });
      const bg = scene.add.rectangle(tx, ty, th, t.height, colour(tagBg).hex).setOrigin(0);
      const ti = scene.add
        .image(tx + th / 2, ty + t.height / 2, iconKey(tagIcon))
        .setDisplaySize(th - 6, th - 6);
      if (s.acting) ti.setTint(SURFACE.table.hex);
      if (side === 'right' || side === 'left') {
        const w = th + t.width;
        const left =
          side === 'left'
            ? Math.max(x - size / 2 - 6, x - w / 2)
            : Math.min(x + size / 2 + 6 - w, x - w / 2);
        bg.setX(left);
        ti.setX(left + th / 2);
        t.setX(left + th);
      }
      this.add([bg, ti, t]);
    }
  }
}
