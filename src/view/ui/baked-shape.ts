/**
 * Vector shapes that never change, drawn once into a bitmap, for the Canvas renderer's sake.
 *
 * The Canvas renderer replays a Graphics object's commands on every frame it draws: every
 * path filled and stroked again, anti-aliased, on the CPU. A meter's hatched track is some 300
 * commands, the table about 240, and the table's frames are drawn whenever something moves.
 * `bakedShape` draws the shape once into a texture kept by `key` and size (at the camera's
 * zoom, the render scale, so it stays sharp) and shows it as an image, which the renderer
 * copies. WebGL draws Graphics from buffers on the GPU, so there the Graphics is kept.
 */
import Phaser from 'phaser';

/**
 * A `width`×`height` shape at (`x`, `y`): `draw` paints it in local coordinates (0,0 at its
 * top left). `key` must name everything `draw` depends on (sizes, colours): shapes with the
 * same key and size share one texture.
 */
export function bakedShape(
  scene: Phaser.Scene,
  key: string,
  x: number,
  y: number,
  width: number,
  height: number,
  draw: (g: Phaser.GameObjects.Graphics) => void,
): Phaser.GameObjects.Image | Phaser.GameObjects.Graphics {
  if (scene.sys.game.renderer.type !== Phaser.CANVAS) {
    const g = scene.add.graphics({ x, y });
    draw(g);
    return g;
  }
  const zoom = scene.cameras.main.zoom;
  // Drawn at the same fraction of a pixel as the Graphics would be, and shown at a whole pixel:
  // an image at a fractional place is resampled, which blurs thin lines.
  const fx = Math.round((x - Math.floor(x)) * 4) / 4;
  const fy = Math.round((y - Math.floor(y)) * 4) / 4;
  const w = Math.max(1, Math.ceil((width + fx) * zoom));
  const h = Math.max(1, Math.ceil((height + fy) * zoom));
  const textureKey = `shape:${key}@${w}x${h}+${fx},${fy}`;
  if (!scene.textures.exists(textureKey)) {
    const g = scene.make.graphics({ x: 0, y: 0 }, false);
    g.setScale(zoom);
    g.translateCanvas(fx, fy);
    draw(g);
    g.generateTexture(textureKey, w, h);
    g.destroy();
  }
  return scene.add
    .image(Math.floor(x), Math.floor(y), textureKey)
    .setOrigin(0, 0)
    .setScale(1 / zoom);
}
