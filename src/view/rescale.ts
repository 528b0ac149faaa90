/**
 * Keeps the canvas as sharp as the window it is shown in.
 *
 * The render scale is picked at start-up (render-scale.ts). A teacher who then maximises the
 * window, or drags it onto the projector's screen, had a 1280×720 canvas stretched 1.5× and soft
 * text. Once the window has settled at a new size, the scale is picked again; when it changes,
 * the canvas gets the new size and the running scenes start again, as for a change of text size
 * (what they show comes from the store, and they keep their open panels and tabs).
 */
import type Phaser from 'phaser';
import { GAME_HEIGHT, GAME_WIDTH, pickRenderScale } from './render-scale.ts';

/** How long the window must keep its size before the canvas follows (a drag resizes often). */
const SETTLE_MS = 400;

export function followRenderScale(
  game: Phaser.Game,
  services: { renderScale: number },
  options: {
    win: Window;
    /** `?scale=`: a forced scale stays as it is. */
    forced: string | null;
    /** Whether the screens are up (not while the game is still loading). */
    ready: () => boolean;
  },
): () => void {
  const { win } = options;
  if (options.forced) return () => undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const settle = () => {
    timer = null;
    if (!options.ready()) return;
    const next = pickRenderScale(win);
    if (next === services.renderScale) return;
    services.renderScale = next;
    game.scale.setGameSize(GAME_WIDTH * next, GAME_HEIGHT * next);
    for (const scene of game.scene.getScenes(true)) scene.scene.restart({ restarted: true });
  };
  const onResize = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(settle, SETTLE_MS);
  };
  win.addEventListener('resize', onResize);
  return () => {
    if (timer !== null) clearTimeout(timer);
    win.removeEventListener('resize', onResize);
  };
}
