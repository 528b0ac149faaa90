/**
 * Canvas pieces the end-of-game screens share: a role's portrait in a ring of its colour, a
 * status icon with a word (never colour alone), and a meter bar with its healthy band.
 */
import type Phaser from 'phaser';
import type { MeterId, Role, Scenario } from '../../scenario/schema.ts';
import { portraitKey } from '../theme/assets.ts';
import { legibleOn, METERS, STATUS, SURFACE } from '../theme/palette.ts';
import { COLOURS, type Theme } from '../theme.ts';

/** Portrait (untinted, works in both renderers) inside a ring of the role's colour. */
export function portrait(
  scene: Phaser.Scene,
  layer: Phaser.GameObjects.Container,
  role: Role | undefined,
  cx: number,
  cy: number,
  size: number,
): void {
  const g = scene.add.graphics();
  g.fillStyle(role ? Number.parseInt(role.colour.slice(1), 16) : COLOURS.border, 1);
  g.fillCircle(cx, cy, size / 2 + 4);
  layer.add(g);
  const key = portraitKey(role?.portrait ?? role?.id);
  if (scene.textures.exists(key)) {
    layer.add(scene.add.image(cx, cy, key).setDisplaySize(size, size));
  }
}

/** A role's name in its colour, lightened enough to read on `surface`. */
export function roleColourCss(role: Role | undefined, surface = SURFACE.table): string {
  return role ? legibleOn(role.colour, surface).css : COLOURS.text;
}

export function findRole(scenario: Scenario, id: string | null): Role | undefined {
  return scenario.roles.find((r) => r.id === id);
}

export type Status = 'good' | 'bad' | 'warning' | 'redLine' | 'info';
const STATUS_ICON: Record<Status, string> = {
  good: 'icon:support',
  bad: 'icon:oppose',
  warning: 'icon:warning',
  redLine: 'icon:red-line',
  info: 'icon:info',
};

/** An icon in the status colour followed by a word in a legible tint; returns the width. */
export function statusTag(
  scene: Phaser.Scene,
  layer: Phaser.GameObjects.Container,
  theme: Theme,
  status: Status,
  word: string,
  x: number,
  y: number,
  surface = SURFACE.table,
  /** Whether `x` is the tag's left edge or (large text, a column's end) its right edge. */
  anchor: 'left' | 'right' = 'left',
): number {
  const size = theme.font.size.body + 4;
  const colour = STATUS[status];
  const text = scene.add.text(
    x,
    y,
    word,
    theme.text('body', { bold: true, color: legibleOn(colour, surface).css }),
  );
  const iconW = scene.textures.exists(STATUS_ICON[status]) ? size + 6 : 0;
  const left = anchor === 'right' ? x - iconW - text.width : x;
  text.setX(left + iconW);
  if (iconW > 0) {
    const icon = scene.add.image(left + size / 2, y + size / 2, STATUS_ICON[status]);
    icon.setDisplaySize(size, size).setTint(colour.hex);
    layer.add(icon);
  }
  layer.add(text);
  return iconW + text.width;
}

/** A horizontal meter bar: track, healthy band (ticks at its ends), value fill and marker. */
export function meterBar(
  scene: Phaser.Scene,
  layer: Phaser.GameObjects.Container,
  meter: MeterId,
  value: number,
  band: { low: number; high: number },
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  const g = scene.add.graphics();
  const px = (v: number) => x + (Math.max(0, Math.min(100, v)) / 100) * width;
  g.fillStyle(SURFACE.raised.hex, 1);
  g.fillRoundedRect(x, y, width, height, 4);
  g.fillStyle(0xc3c9d6, 0.12);
  g.fillRect(px(band.low), y, px(band.high) - px(band.low), height);
  g.fillStyle(METERS[meter].colour.hex, 1);
  g.fillRoundedRect(x, y + 4, Math.max(6, px(value) - x), height - 8, 3);
  g.lineStyle(2, SURFACE.outline.hex, 1);
  g.lineBetween(px(band.low), y - 4, px(band.low), y + height + 4);
  g.lineBetween(px(band.high), y - 4, px(band.high), y + height + 4);
  g.lineStyle(3, 0xffffff, 1);
  g.lineBetween(px(value), y - 6, px(value), y + height + 6);
  layer.add(g);
}
