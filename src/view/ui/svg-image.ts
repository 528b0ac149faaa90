/**
 * Square images of the SVG art (icons, portraits) for the Canvas renderer's sake.
 *
 * The loader keeps each SVG as an <img>, and Chromium's 2D canvas draws an SVG <img> by
 * rasterising its vectors again on every drawImage: measured, ~85 µs an icon, against ~7 µs to
 * copy a bitmap of the same size — a table draws a few dozen every frame. `svgImage` gives the
 * Canvas renderer a bitmap of the SVG rasterised once at its size on screen (game size × the
 * camera's zoom, i.e. the render scale), cached by key and size, which it then copies 1:1: the
 * same vectors at the same size, rasterised once instead of every frame. WebGL already draws
 * from a texture uploaded once, so there the loaded texture is used as before.
 */
import Phaser from 'phaser';

/** `scene.add.image(x, y, key).setDisplaySize(size, size)`, cheaper to draw on Canvas. */
export function svgImage(
  scene: Phaser.Scene,
  x: number,
  y: number,
  key: string,
  size: number,
): Phaser.GameObjects.Image {
  return scene.add.image(x, y, rasterised(scene, key, size)).setDisplaySize(size, size);
}

function rasterised(scene: Phaser.Scene, key: string, size: number): string {
  if (scene.sys.game.renderer.type !== Phaser.CANVAS) return key;
  const textures = scene.textures;
  if (!textures.exists(key)) return key;
  const px = Math.max(1, Math.round(size * scene.cameras.main.zoom));
  const sizedKey = `${key}@${px}`;
  if (textures.exists(sizedKey)) return sizedKey;
  const source = textures.get(key).getSourceImage();
  if (!(source instanceof HTMLImageElement || source instanceof HTMLCanvasElement)) return key;
  const texture = textures.createCanvas(sizedKey, px, px);
  if (!texture) return key;
  texture.context.drawImage(source, 0, 0, px, px);
  texture.refresh();
  return sizedKey;
}
