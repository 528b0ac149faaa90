/**
 * One meter as a horizontal bar: icon, name, band word and number on a line, then the bar with
 * its healthy band drawn on the track (a faint strip with end ticks; outside it vermillion
 * hatching), the fill in the meter's colour with its pattern on top. Colour is never the only
 * signal: icon + pattern + number + word. The fill and number tween from the last shown value,
 * and a "+4" / "−2" label flashes when the value changed.
 *
 * A bar is kept for the whole game and `setValue` moves it on: a change of the meters is
 * frequent (most agreed or rejected packages), and the icon, name, track and pattern stay.
 *
 * When the name line cannot hold the longest meter name, the longest band word (with its
 * warning icon) and "100" side by side (large text in a narrow column), the number goes to the
 * right of a shorter track instead, so the band word never runs into it ("Security Healthy57").
 * All three bars decide it from the longest name, so their tracks stay the same length.
 */
import Phaser from 'phaser';
import type { MeterId } from '../../scenario/schema.ts';
import { iconKey, patternKey } from '../theme/assets.ts';
import {
  BANDS,
  type BandState,
  bandState,
  METERS,
  OKABE_ITO,
  PATTERN_OVERLAY,
  TEXT,
} from '../theme/palette.ts';
import { COLOURS } from '../theme.ts';
import { markTweenRegion, type Region } from '../tween-region.ts';
import { bakedShape } from '../ui/baked-shape.ts';
import type { UiContext } from '../ui/context.ts';
import { hatch } from '../ui/draw.ts';
import { patternStrip } from '../ui/pattern-strip.ts';
import { svgImage } from '../ui/svg-image.ts';
import { measuredWidth } from '../ui/word-widths.ts';
import { signed, tweenValue } from './motion.ts';

export interface MeterBarOptions {
  x: number;
  y: number;
  width: number;
  meter: MeterId;
  name: string;
  /** Every meter's name: the bars share one layout, made for the longest name. */
  names: readonly string[];
  value: number;
  band: { low: number; high: number };
}

export class MeterBar extends Phaser.GameObjects.Container {
  readonly heightPx: number;
  /** The "+4" / "−2" label of the last change (null: none shown). */
  private flash: Phaser.GameObjects.Text | null = null;
  /** The labels for a rise and a fall, made once and shown again with new words. */
  private readonly labels: {
    up: Phaser.GameObjects.Text | null;
    down: Phaser.GameObjects.Text | null;
  } = { up: null, down: null };

  private readonly ui: UiContext;
  private readonly o: MeterBarOptions;
  private readonly iconSize: number;
  private readonly nameText: Phaser.GameObjects.Text;
  private readonly value: Phaser.GameObjects.Text;
  private readonly status: Phaser.GameObjects.Text;
  private warn: Phaser.GameObjects.Image | null = null;
  /** The middle of the bar's track: where a "+4" goes when the name line has no room for it. */
  private trackMiddleY = 0;
  /** Where the track ends (the number is right of it when the name line has no room for it). */
  private readonly trackRight: number;
  /** The number sits right of the track, not on the name line. */
  private readonly numberBesideTrack: boolean;
  private readonly drawFill: (v: number) => void;
  /** The value the bar shows (or tweens to). */
  private shown: number;
  private band: BandState | null = null;
  private tween: Phaser.Tweens.Tween | null = null;
  /** Where the bar's tweens draw (tween-region.ts). */
  private readonly region: Region;

  constructor(ui: UiContext, o: MeterBarOptions) {
    super(ui.scene, 0, 0);
    this.ui = ui;
    this.o = o;
    const scene = ui.scene;
    const theme = ui.theme;
    const style = METERS[o.meter];
    const iconSize = Math.round(theme.font.size.small + 6);
    this.iconSize = iconSize;

    const icon = svgImage(
      scene,
      o.x + iconSize / 2,
      o.y + iconSize / 2,
      iconKey(style.icon),
      iconSize,
    );
    icon.setTint(style.colour.hex);
    this.nameText = scene.add.text(
      o.x + iconSize + 6,
      o.y,
      o.name,
      theme.text('small', { bold: true }),
    );
    this.value = scene.add
      .text(o.x + o.width, o.y, String(Math.round(o.value)), theme.text('small', { bold: true }))
      .setOrigin(1, 0);
    this.status = scene.add.text(
      this.nameText.x + this.nameText.width + 8,
      o.y,
      '',
      theme.text('small'),
    );
    this.add([icon, this.nameText, this.value, this.status]);

    const lineH = Math.max(iconSize, this.nameText.height);
    const barY = o.y + lineH + 4;
    const barH = 20;
    this.trackMiddleY = barY + barH / 2;
    // The widest the name line's words get: "100", and the longest band word with its icon.
    const numberW = widthOf(this.value, '100');
    const statusW = Math.max(
      ...Object.values(BANDS).map(
        (band) => widthOf(this.status, band.label) + (band.icon ? 4 + iconSize : 0),
      ),
    );
    const nameW = Math.max(...[o.name, ...o.names].map((n) => widthOf(this.nameText, n)));
    const statusX = this.nameText.x + nameW + 8;
    this.numberBesideTrack = statusX + statusW + 8 + numberW > o.x + o.width;
    const w = this.numberBesideTrack ? o.width - numberW - 8 : o.width;
    this.trackRight = o.x + w;
    if (this.numberBesideTrack)
      this.value.setPosition(o.x + o.width, this.trackMiddleY).setOrigin(1, 0.5);
    const px = (v: number) => o.x + (Math.max(0, Math.min(100, v)) / 100) * w;

    const lo = px(o.band.low);
    const hi = px(o.band.high);
    // In the bar's own coordinates (baked once: the hatching is some 300 commands to replay).
    const a = lo - o.x;
    const b = hi - o.x;
    const track = bakedShape(
      scene,
      `meter-track:${w}:${barH}:${a}:${b}`,
      o.x,
      barY,
      w,
      barH,
      (g) => {
        g.fillStyle(COLOURS.surfaceRaised, 1);
        g.fillRoundedRect(0, 0, w, barH, 4);
        // Outside the band: vermillion hatching (the "out of band" look), inside: a faint strip.
        g.fillStyle(BANDS.low.colour.hex, 0.35);
        if (a > 0) g.fillRect(0, 0, a, barH);
        if (b < w) g.fillRect(b, 0, w - b, barH);
        if (a > 0) hatch(g, 0, 0, a, barH, BANDS.low.colour.hex, 0.8, 7);
        if (b < w) hatch(g, b, 0, w - b, barH, BANDS.low.colour.hex, 0.8, 7);
        g.fillStyle(TEXT.secondary.hex, 0.12);
        g.fillRect(a, 0, b - a, barH);
      },
    );
    this.add(track);

    const fillH = 12;
    const fillY = barY + (barH - fillH) / 2;
    const fill = scene.add.graphics();
    const pattern = scene.add
      .image(o.x, fillY, patternStrip(scene, patternKey(style.pattern), w, fillH))
      .setOrigin(0, 0)
      .setTint(PATTERN_OVERLAY.tint.hex)
      .setAlpha(PATTERN_OVERLAY.alpha);
    // The band's end ticks, over the fill: 3 px lines, 4 px beyond the track at each end.
    const tickH = barH + 8;
    const ticks = bakedShape(
      scene,
      `meter-ticks:${b - a}:${tickH}`,
      lo - 2,
      barY - 4,
      b - a + 4,
      tickH,
      (g) => {
        g.lineStyle(3, TEXT.secondary.hex, 1);
        g.lineBetween(2, 0, 2, tickH);
        g.lineBetween(b - a + 2, 0, b - a + 2, tickH);
      },
    );
    this.add([fill, pattern, ticks]);

    this.drawFill = (v: number) => {
      const fw = Math.max(0, px(v) - o.x);
      fill.clear();
      fill.fillStyle(style.colour.hex, 1);
      fill.fillRect(o.x, fillY, fw, fillH);
      pattern.setVisible(fw >= 1);
      if (fw >= 1) pattern.setCrop(0, 0, fw, fillH);
      this.value.setText(String(Math.round(v)));
    };
    this.shown = o.value;
    this.drawFill(o.value);
    this.showState(o.value);
    this.heightPx = barY + barH + 4 - o.y;
    // The fill, the number and the "+4" label (which rises 6 px as it fades), with a margin;
    // only 7 px above the bar, so frames drawn for it leave out the top bar 8 px above.
    this.region = { x: o.x - 4, y: o.y - 7, width: o.width + 8, height: this.heightPx + 11 };
    scene.add.existing(this);
  }

  /**
   * Shows `value`: the fill and number tween from the value shown before, and a "+4" / "−2"
   * label flashes (it stays until `dropFlash`; with full motion it also fades by itself).
   */
  setValue(value: number): void {
    const from = this.shown;
    if (value === from) return;
    this.shown = value;
    this.tween?.remove();
    this.tween = tweenValue(
      this,
      from,
      value,
      this.ui.theme.motion.slow,
      this.drawFill,
      this.region,
    );
    this.showState(value);
    this.dropFlash();
    const delta = value - from;
    if (Math.abs(delta) >= 0.05) this.flash = this.makeFlash(delta);
  }

  /** Removes the "+4" label of the last change. */
  dropFlash(): void {
    const label = this.flash;
    if (!label) return;
    this.ui.scene.tweens.killTweensOf(label);
    label.setVisible(false);
    this.flash = null;
  }

  /** The band word (and the warning icon outside the band) for `value`. */
  private showState(value: number): void {
    const state = bandState(value, [this.o.band.low, this.o.band.high]);
    if (state === this.band) return;
    this.band = state;
    this.status.setText(BANDS[state].label);
    this.status.setColor(state === 'healthy' ? COLOURS.textMuted : '#ffb38a');
    this.warn?.destroy();
    this.warn = null;
    if (state === 'healthy') return;
    const size = this.iconSize;
    this.warn = svgImage(
      this.ui.scene,
      this.status.x + this.status.width + 4 + size / 2,
      this.o.y + size / 2,
      iconKey('warning'),
      size - 4,
    );
    this.warn.setTint(OKABE_ITO.vermillion.hex);
    this.add(this.warn);
  }

  private makeFlash(delta: number): Phaser.GameObjects.Text {
    const scene = this.ui.scene;
    const theme = this.ui.theme;
    const sign = delta > 0 ? 'up' : 'down';
    let label = this.labels[sign];
    if (!label) {
      label = scene.add
        .text(0, 0, '', {
          ...theme.text('small', { bold: true, color: TEXT.primary.css }),
          backgroundColor: delta > 0 ? '#1d4d40' : '#5a2a12',
          padding: { x: 4, y: 0 },
        })
        .setOrigin(1, 0);
      this.labels[sign] = label;
      this.add(label);
      const made = label;
      made.once(Phaser.GameObjects.Events.DESTROY, () => scene.tweens.killTweensOf(made));
    }
    label.setText(signed(delta)).setAlpha(1).setVisible(true);
    // Left of the number on the name line (or at its end when the number is beside the track);
    // when the line is full (name, band word, number) the label goes on the right end of the
    // bar's track instead.
    const x = this.numberBesideTrack
      ? this.o.x + this.o.width
      : this.value.x - this.value.width - 8;
    const taken = this.warn
      ? this.warn.x + this.warn.displayWidth / 2
      : this.status.x + this.status.width;
    const fits = x - label.width >= taken + 4;
    const y = fits ? this.o.y : Math.round(this.trackMiddleY - label.height / 2);
    label.setPosition(fits ? x : this.trackRight, y);
    if (!theme.motion.reduced) {
      const fade = scene.tweens.add({
        targets: label,
        alpha: 0,
        y: y - 6,
        delay: 1600,
        duration: theme.motion.slow,
      });
      markTweenRegion(fade, this.region);
    }
    return label;
  }
}

/** How wide `t` would draw `words` (its font, padding included), without drawing them. */
function widthOf(t: Phaser.GameObjects.Text, words: string): number {
  t.style.syncFont(t.canvas, t.context);
  return (
    Math.ceil(measuredWidth(t.context, words)) + (t.padding.left ?? 0) + (t.padding.right ?? 0)
  );
}
