/** Small Graphics helpers shared by the widgets. */
import type Phaser from 'phaser';
import { COLOURS } from '../theme.ts';

/**
 * Diagonal hatching inside a rectangle: the "unavailable" pattern, so a disabled control differs
 * from an enabled one by more than its colour.
 */
export function hatch(
  g: Phaser.GameObjects.Graphics,
  x: number,
  y: number,
  width: number,
  height: number,
  colour: number,
  alpha = 0.35,
  spacing = 10,
): void {
  g.lineStyle(2, colour, alpha);
  // Lines px + py = c, clipped to the rectangle.
  for (let c = x + y + spacing; c < x + width + y + height; c += spacing) {
    const x1 = Math.max(x, c - (y + height));
    const x2 = Math.min(x + width, c - y);
    if (x1 <= x2) g.lineBetween(x1, c - x1, x2, c - x2);
  }
}

/** The canvas twin of the DOM focus ring: a dark halo and a yellow ring outside the shape. */
export function focusRing(
  g: Phaser.GameObjects.Graphics,
  x: number,
  y: number,
  width: number,
  height: number,
  radius: number,
): void {
  g.lineStyle(6, 0x000000, 1);
  g.strokeRoundedRect(x - 4, y - 4, width + 8, height + 8, radius + 4);
  g.lineStyle(3, COLOURS.focus, 1);
  g.strokeRoundedRect(x - 4, y - 4, width + 8, height + 8, radius + 4);
}

/** A tick mark inside a box whose top-left is (x, y). */
export function tick(
  g: Phaser.GameObjects.Graphics,
  x: number,
  y: number,
  size: number,
  colour: number,
): void {
  g.lineStyle(Math.max(2, size / 7), colour, 1);
  g.beginPath();
  g.moveTo(x + size * 0.2, y + size * 0.52);
  g.lineTo(x + size * 0.42, y + size * 0.74);
  g.lineTo(x + size * 0.8, y + size * 0.28);
  g.strokePath();
}
