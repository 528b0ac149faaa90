/**
 * The balance triangle: corners Trust (top), Security (bottom left), Privacy (bottom right); a
 * dot placed by barycentric weights of the three meters' health (rules' `meterHealth`: 1 at the
 * middle of the band, 0.5 at its edges, 0 at 0 or 100), so a dot at the centre means the meters
 * are equally healthy and a dot pulled to a corner means the other two are suffering. The dot
 * tweens from where it was. Beside it: the balance score and a "?" control whose accessible
 * description is the rule in plain words (BALANCE_RULE_TEXT); activating it calls `onInfo` (the
 * table opens the rule in full, with each meter's score, where it has room).
 *
 * A triangle is kept while its "?" stays pressed or not, and `setBalance` moves it on: the
 * meters change with most agreed or rejected packages, and only the dot and the score change.
 */
import Phaser from 'phaser';
import { BALANCE_RULE_TEXT, meterHealth } from '../../rules/scoring.ts';
import { METER_IDS, type MeterId, type Scenario } from '../../scenario/schema.ts';
import type { ControlHandle } from '../a11y/layer.ts';
import { iconKey } from '../theme/assets.ts';
import { METERS, SURFACE, TEXT } from '../theme/palette.ts';
import { COLOURS } from '../theme.ts';
import type { Region } from '../tween-region.ts';
import type { UiContext } from '../ui/context.ts';
import { focusRing } from '../ui/draw.ts';
import { svgImage } from '../ui/svg-image.ts';
import { tweenValue } from './motion.ts';

export interface Point {
  x: number;
  y: number;
}

/** The dot's place as weights of the corners (trust, security, privacy), summing to 1. */
export function balanceWeights(scenario: Scenario, meters: Record<MeterId, number>): number[] {
  const h = METER_IDS.map((m) => meterHealth(meters[m], scenario.meters[m].band));
  const sum = h.reduce((a, b) => a + b, 0);
  return sum <= 0 ? [1 / 3, 1 / 3, 1 / 3] : h.map((v) => v / sum);
}

export interface BalanceTriangleOptions {
  x: number;
  y: number;
  width: number;
  scenario: Scenario;
  meters: Record<MeterId, number>;
  balance: number;
  /** Where the dot was drawn last, as weights (null: first draw). */
  previous: number[] | null;
  /** The rule is open (the "?" is drawn pressed). */
  infoOpen: boolean;
  onInfo: () => void;
  group: string;
}

export class BalanceTriangle extends Phaser.GameObjects.Container {
  readonly heightPx: number;
  /** Where the dot is going (or is), as weights of the corners. */
  weights: number[];
  private readonly control: ControlHandle;
  private readonly scenario: Scenario;
  private readonly ui: UiContext;
  private readonly score: Phaser.GameObjects.Text;
  private readonly corners: [Point, Point, Point];
  private readonly drawMarker: (p: Point) => void;
  /** Where the dot is drawn now (it may be on its way to `weights`). */
  private dot: Point;
  private tween: Phaser.Tweens.Tween | null = null;
  /** The marker's tweens redraw only inside the triangle (tween-region.ts). */
  private readonly region: Region;
  private readonly infoLabel: (balance: number) => string;
  /** Puts the "?" just right of the score again (its width changed). */
  private readonly placeInfo: () => void;

  constructor(ui: UiContext, o: BalanceTriangleOptions) {
    super(ui.scene, 0, 0);
    this.ui = ui;
    this.scenario = o.scenario;
    const scene = ui.scene;
    const theme = ui.theme;
    const small = theme.font.size.small;
    const side = Math.min(130, o.width * 0.48);
    const triH = (side * Math.sqrt(3)) / 2;
    const labelH = small + 10;
    const cx = o.x + side / 2 + 28;
    const top = o.y + labelH;
    const c0: Point = { x: cx, y: top };
    const c1: Point = { x: cx - side / 2, y: top + triH };
    const c2: Point = { x: cx + side / 2, y: top + triH };
    const corners: [Point, Point, Point] = [c0, c1, c2];
    this.corners = corners;
    const g = scene.add.graphics();
    g.fillStyle(SURFACE.panel.hex, 1);
    g.fillTriangle(c0.x, c0.y, c1.x, c1.y, c2.x, c2.y);
    g.lineStyle(2, SURFACE.outline.hex, 1);
    g.strokeTriangle(c0.x, c0.y, c1.x, c1.y, c2.x, c2.y);
    const centre = { x: cx, y: top + (2 * triH) / 3 };
    g.lineStyle(1, SURFACE.divider.hex, 1);
    for (const c of corners) g.lineBetween(centre.x, centre.y, c.x, c.y);
    g.fillStyle(SURFACE.outline.hex, 1);
    g.fillCircle(centre.x, centre.y, 3);
    this.add(g);

    // Corner markers: the meter's icon in its colour and its name.
    const iconSize = small + 4;
    METER_IDS.forEach((m, i) => {
      const c = corners[i] ?? c0;
      const style = METERS[m];
      const dot = scene.add.circle(c.x, c.y, iconSize / 2 + 3, style.colour.hex);
      const icon = svgImage(scene, c.x, c.y, iconKey(style.icon), iconSize - 4);
      icon.setTint(SURFACE.table.hex);
      const name = o.scenario.meters[m].name.text;
      const label = scene.add.text(
        c.x,
        c.y,
        name,
        theme.text('small', { color: TEXT.secondary.css }),
      );
      if (i === 0) label.setOrigin(0, 0.5).setPosition(c.x + iconSize / 2 + 8, c.y);
      else label.setOrigin(0.5, 0).setPosition(c.x, c.y + iconSize / 2 + 4);
      if (i === 1) label.setX(Math.max(o.x + label.width / 2, c.x));
      this.add([dot, icon, label]);
    });

    const marker = scene.add.graphics();
    this.add(marker);
    this.drawMarker = (p: Point) => {
      this.dot = p;
      marker.clear();
      marker.fillStyle(0x000000, 1);
      marker.fillCircle(p.x, p.y, 10);
      marker.fillStyle(TEXT.primary.hex, 1);
      marker.fillCircle(p.x, p.y, 8);
      marker.fillStyle(SURFACE.table.hex, 1);
      marker.fillCircle(p.x, p.y, 3);
    };
    // The marker (10 px round) moves inside the triangle: only that part is drawn again.
    this.region = {
      x: c1.x - 14,
      y: c0.y - 14,
      width: c2.x - c1.x + 28,
      height: c1.y - c0.y + 28,
    };
    // Drawn where it was last (a new triangle after the rule's box opened), then moved on below.
    this.weights = o.previous ?? balanceWeights(o.scenario, o.meters);
    this.dot = this.at(this.weights);
    this.drawMarker(this.dot);

    // Score and the "?" control to its right.
    const sx = cx + side / 2 + 24;
    const scoreLabel = scene.add.text(
      sx,
      top + triH * 0.2,
      'Balance',
      theme.text('small', { color: COLOURS.textMuted }),
    );
    const score = scene.add.text(
      sx,
      scoreLabel.y + scoreLabel.height,
      String(Math.round(o.balance)),
      theme.text('h2'),
    );
    this.score = score;
    const outOf = scene.add.text(
      sx,
      score.y + score.height - 4,
      'of 100',
      theme.text('small', { color: COLOURS.textMuted }),
    );
    this.add([scoreLabel, score, outOf]);
    // The "?" sits just right of the score, and moves with it when the score's width changes.
    const q = Math.max(32, small + 16);
    const qy = score.y + (score.height - q) / 2;
    const qat = () => sx + score.width + 8;
    let qx = qat();
    let focused = false;
    const qg = scene.add.graphics();
    const qt = scene.add
      .text(qx + q / 2, qy + q / 2, '?', theme.text('body', { bold: true }))
      .setOrigin(0.5);
    const drawQ = () => {
      qg.clear();
      if (focused) focusRing(qg, qx, qy, q, q, q / 2);
      qg.fillStyle(o.infoOpen ? COLOURS.surfaceHover : COLOURS.surfaceRaised, 1);
      qg.fillRoundedRect(qx, qy, q, q, q / 2);
      qg.lineStyle(2, COLOURS.borderStrong, 1);
      qg.strokeRoundedRect(qx, qy, q, q, q / 2);
    };
    drawQ();
    // A finger's target is 48 px across, larger than the disc (only the score's label and
    // "of 100", which take no input, lie under the extra).
    const pad = Math.max(0, (48 - q) / 2);
    const hit = scene.add
      .zone(qx - pad, qy - pad, q + 2 * pad, q + 2 * pad)
      .setOrigin(0)
      .setInteractive({ useHandCursor: true });
    hit.on(Phaser.Input.Events.GAMEOBJECT_POINTER_UP, () => o.onInfo());
    this.add([qg, qt, hit]);
    this.placeInfo = () => {
      if (qat() === qx) return;
      qx = qat();
      qt.setX(qx + q / 2);
      hit.setX(qx - pad);
      drawQ();
      this.control.update({ rect: { x: qx, y: qy, width: q, height: q } });
    };
    this.infoLabel = (balance) => `Balance ${Math.round(balance)} of 100: how is it scored?`;
    this.control = ui.a11y.registerControl({
      id: 'table.balance-info',
      label: this.infoLabel(o.balance),
      description: BALANCE_RULE_TEXT,
      role: 'button',
      pressed: o.infoOpen,
      rect: { x: qx, y: qy, width: q, height: q },
      group: o.group,
      owner: ui.owner,
      onActivate: () => o.onInfo(),
      onFocusChange: (f) => {
        focused = f;
        drawQ();
      },
    });
    this.once(Phaser.GameObjects.Events.DESTROY, () => this.control.remove());

    const bottom = top + triH + iconSize / 2 + small * 1.4 + 6;
    this.heightPx = bottom - o.y;
    this.setBalance(o.meters, o.balance);
    scene.add.existing(this);
  }

  /** Shows new meters and balance: the dot tweens from where it is, the score changes. */
  setBalance(meters: Record<MeterId, number>, balance: number): void {
    const words = String(Math.round(balance));
    if (this.score.text !== words) {
      this.score.setText(words);
      this.control.update({ label: this.infoLabel(balance) });
      this.placeInfo();
    }
    const weights = balanceWeights(this.scenario, meters);
    if (weights.every((w, i) => w === this.weights[i])) return;
    this.weights = weights;
    const from = this.dot;
    const to = this.at(weights);
    this.tween?.remove();
    this.tween = tweenValue(
      this,
      0,
      1,
      from.x === to.x && from.y === to.y ? 0 : this.ui.theme.motion.slow,
      (t) => this.drawMarker({ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t }),
      this.region,
    );
  }

  /** The point inside the triangle for `weights`. */
  private at(weights: readonly number[]): Point {
    return {
      x: this.corners.reduce((s, c, i) => s + c.x * (weights[i] ?? 0), 0),
      y: this.corners.reduce((s, c, i) => s + c.y * (weights[i] ?? 0), 0),
    };
  }
}
