/**
 * A strip of a repeating fill pattern, as an image to crop, instead of a TileSprite to resize.
 *
 * A meter's patterned fill grows and shrinks in a tween every time the meter moves. As a
 * TileSprite that meant a new size on every frame of the tween, and on the Canvas renderer a
 * new size is a new canvas, tiled and filled again. The strip is tiled once, at the bar's full
 * size, into a texture kept by pattern and size; the bar then shows as much of it as its value
 * needs with `setCrop`, which costs nothing to change. It looks the same: the same 16×16 tile
 * from the same origin, at the same size (tint and alpha are set on the image as they were on
 * the TileSprite).
 */
import type Phaser from 'phaser';

/** The key of a `width`×`height` texture tiled with the pattern texture `key` (made once). */
export function patternStrip(
  scene: Phaser.Scene,
  key: string,
  width: number,
  height: number,
): string {
  const w = Math.max(1, Math.ceil(width));
  const h = Math.max(1, Math.ceil(height));
  const stripKey = `${key}@${w}x${h}`;
  const textures = scene.textures;
  if (textures.exists(stripKey) || !textures.exists(key)) return stripKey;
  const source = textures.get(key).getSourceImage();
  const texture = textures.createCanvas(stripKey, w, h);
  const pattern =
    source instanceof HTMLImageElement || source instanceof HTMLCanvasElement
      ? texture?.context.createPattern(source, 'repeat')
      : null;
  if (!texture || !pattern) return stripKey;
  texture.context.fillStyle = pattern;
  texture.context.fillRect(0, 0, w, h);
  texture.refresh();
  return stripKey;
}
