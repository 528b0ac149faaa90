/**
 * A faster `CanvasPool.remove` for Phaser's shared pool of canvases.
 *
 * Every Phaser Text draws into a canvas from one pool, and destroying the Text gives the canvas
 * back with `CanvasPool.remove(canvas)`, which walks the whole pool (every canvas ever made, a
 * few hundred on the table) to find it. A table redraw gives back dozens of canvases, so this
 * walk was an eighth of the redraw's time on the Canvas renderer. This finds the pool entry in a
 * map instead; what it does to the entry is what Phaser does (CanvasPool.js: remove).
 */
import Phaser from 'phaser';

interface PoolEntry {
  parent: unknown;
  canvas: HTMLCanvasElement;
}

interface CanvasPoolLike {
  pool: PoolEntry[];
  remove(parent: unknown): void;
}

export function speedUpCanvasPool(
  canvasPool = Phaser.Display.Canvas.CanvasPool as unknown as CanvasPoolLike,
): void {
  const walk = canvasPool.remove.bind(canvasPool);
  const entries = new Map<HTMLCanvasElement, PoolEntry>();
  let indexed = 0;
  canvasPool.remove = (parent: unknown) => {
    const pool = canvasPool.pool;
    // Phaser only ever appends to the pool; should that change, start the map again.
    if (pool.length < indexed) {
      entries.clear();
      indexed = 0;
    }
    for (; indexed < pool.length; indexed++) {
      const entry = pool[indexed] as PoolEntry;
      entries.set(entry.canvas, entry);
    }
    // Given a parent rather than a canvas (Phaser itself never does): Phaser's own walk.
    if (!(parent instanceof HTMLCanvasElement)) return walk(parent);
    const entry = entries.get(parent);
    if (!entry) return;
    entry.parent = null;
    entry.canvas.width = 1;
    entry.canvas.height = 1;
  };
}
