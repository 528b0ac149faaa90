/**
 * Where on the screen a tween draws: the frames in which only such tweens move redraw only
 * that part of the canvas (src/view/render-gate.ts).
 *
 * On the Canvas renderer every drawn frame fills all 1280×720 pixels again on the CPU, and a
 * meter's tween draws some 30 of them to move a bar 300 pixels wide. A widget that tweens
 * something inside a known rectangle says so here; a tween with no region keeps whole frames.
 */
import type Phaser from 'phaser';

/** A rectangle in game coordinates (1280×720). */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

const regions = new WeakMap<Phaser.Tweens.BaseTween, Region>();

/** `tween` changes nothing on screen outside `region` (game coordinates). */
export function markTweenRegion(tween: Phaser.Tweens.BaseTween, region: Region): void {
  regions.set(tween, region);
}

/** The region `tween` was marked with, if any. */
export function tweenRegion(tween: Phaser.Tweens.BaseTween): Region | undefined {
  return regions.get(tween);
}

/** The smallest rectangle holding `a` and `b`. */
export function unionRegion(a: Region, b: Region): Region {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}
