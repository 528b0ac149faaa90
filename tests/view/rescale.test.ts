import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followRenderScale } from '../../src/view/rescale.ts';

/** A window of a given size, and a game that records what it is asked to do. */
function setUp(options: { forced?: string | null; ready?: boolean } = {}) {
  const win = Object.assign(new EventTarget(), {
    innerWidth: 1280,
    innerHeight: 720,
    devicePixelRatio: 1,
  });
  const sizes: [number, number][] = [];
  const restarts: string[] = [];
  const scene = (key: string) => ({ scene: { restart: () => restarts.push(key) } });
  const game = {
    scale: { setGameSize: (w: number, h: number) => sizes.push([w, h]) },
    scene: { getScenes: () => [scene('Table')] },
  };
  const services = { renderScale: 1 };
  const stop = followRenderScale(game as never, services, {
    win: win as unknown as Window,
    forced: options.forced ?? null,
    ready: () => options.ready ?? true,
  });
  const resize = (width: number, height: number) => {
    win.innerWidth = width;
    win.innerHeight = height;
    win.dispatchEvent(new Event('resize'));
  };
  return { services, sizes, restarts, resize, stop };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('followRenderScale: the canvas follows the window to a new size', () => {
  it('draws at the new scale once the window has settled, and starts the scenes again', () => {
    const { services, sizes, restarts, resize } = setUp();
    resize(1600, 900);
    resize(1920, 1080);
    vi.advanceTimersByTime(399);
    expect(sizes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(services.renderScale).toBe(1.5);
    expect(sizes).toEqual([[1920, 1080]]);
    expect(restarts).toEqual(['Table']);
  });

  it('does nothing when the scale stays the same', () => {
    const { sizes, restarts, resize } = setUp();
    resize(1300, 730);
    vi.advanceTimersByTime(1000);
    expect(sizes).toEqual([]);
    expect(restarts).toEqual([]);
  });

  it('keeps a forced scale, and waits while the game is still loading', () => {
    const forced = setUp({ forced: '1' });
    forced.resize(1920, 1080);
    vi.advanceTimersByTime(1000);
    expect(forced.sizes).toEqual([]);

    const loading = setUp({ ready: false });
    loading.resize(1920, 1080);
    vi.advanceTimersByTime(1000);
    expect(loading.sizes).toEqual([]);
  });

  it('stops following when asked', () => {
    const { sizes, resize, stop } = setUp();
    stop();
    resize(1920, 1080);
    vi.advanceTimersByTime(1000);
    expect(sizes).toEqual([]);
  });
});
