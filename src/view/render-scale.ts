/**
 * The game's design space and the scale it is drawn at.
 *
 * Every scene lays out in GAME_WIDTH × GAME_HEIGHT (1280×720) "game pixels". Phaser's canvas
 * has no device-pixel-ratio support: a 1280×720 canvas stretched over a 1920×1080 projector or a
 * HiDPI Chromebook screen is upscaled by the browser, and text turns soft. So the canvas is made
 * `renderScale` times larger (up to 2×, e.g. 2560×1440), each scene's camera zooms by the same
 * factor (so scenes still think in 1280×720), and texts are rasterised at that resolution.
 *
 * The scale is picked at start-up from the window's size and devicePixelRatio — the canvas
 * pixels it will really be shown at, rounded up to a quarter, between 1 and 2 — and again when
 * the window settles at a new size (rescale.ts). `?scale=1` (or 1.5, 2) forces it (tests,
 * troubleshooting). No Phaser import.
 */
export const GAME_WIDTH = 1280;
export const GAME_HEIGHT = 720;

/** The largest render scale: 2× is sharp on every projector and HiDPI laptop. */
export const MAX_RENDER_SCALE = 2;

export function pickRenderScale(
  view: { innerWidth: number; innerHeight: number; devicePixelRatio?: number },
  forced?: string | null,
): number {
  const clamp = (n: number) => Math.min(MAX_RENDER_SCALE, Math.max(1, Math.ceil(n * 4) / 4));
  const asked = forced ? Number(forced) : Number.NaN;
  if (Number.isFinite(asked) && asked > 0) return clamp(asked);
  const fit = Math.min(view.innerWidth / GAME_WIDTH, view.innerHeight / GAME_HEIGHT);
  const ratio = view.devicePixelRatio && view.devicePixelRatio > 0 ? view.devicePixelRatio : 1;
  // A hair under a step (rounding of window sizes) should not cost a quarter more pixels.
  return clamp(fit * ratio - 0.02);
}
