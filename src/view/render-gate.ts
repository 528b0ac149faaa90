/**
 * Draw a frame only when the picture may have changed.
 *
 * Phaser redraws the whole canvas on every animation frame, even when nothing on it moved: on
 * the Canvas renderer that is every object drawn again plus a 1280×720 bitmap handed to the
 * compositor, ~60 times a second, which on a school Chromebook takes the main thread most of
 * its time and leaves moves and animations janky. Most of a game the table stands still (a
 * move every second or so, a tween after some of them), so the gate lets the game step (input,
 * tweens, timers, scenes) run every frame as before and skips only the drawing while nothing
 * that can change the picture has happened. When to draw is decided by `FrameGate`
 * (frame-gate.ts); this file tells it what happened.
 *
 * What can change the picture, and how the gate hears of it:
 * - a store change (every game move, screen, setting, notice): main.ts calls `invalidate`;
 * - the user (pointer, wheel, keys, focus) and the window (resize, fonts loaded, tab shown):
 *   DOM listeners, in the capture phase so nothing can stop them first; Phaser's own resize
 *   and new textures: its events;
 * - a scene loading (its progress bar) or animating (a tween moving something, not one waiting
 *   out its delay; a camera effect): checked on every frame that no signal settles;
 * - anything else a scene changes by itself (a clock's text): the scene calls `invalidate`.
 */
import Phaser from 'phaser';
import { FrameGate } from './frame-gate.ts';

const USER_EVENTS = [
  'pointerdown',
  'pointerup',
  'pointermove',
  'pointercancel',
  'pointerleave',
  'wheel',
  'keydown',
  'keyup',
  'focusin',
  'focusout',
] as const;

export interface RenderGate {
  /** Something on the picture may have changed: draw the next frames. */
  invalidate(): void;
  /** Frames drawn and skipped so far (for the benchmark and tests). */
  readonly counts: { drawn: number; skipped: number };
  /** Whether a scene is loading or animating now (what keeps frames drawn without a signal). */
  moving(): boolean;
}

/** What a tween's parts are: its properties' data, or a chain's tweens. */
type TweenPart = Phaser.Tweens.BaseTweenData | Phaser.Tweens.BaseTween;

/**
 * Whether a tween changes the picture now: not while paused or waiting (its start delay, a
 * delay between loops or before completing, each property's own delay or hold) — a "+4" label
 * waits 1.6 s before it fades, and those frames look the same. Anything else counts as moving.
 */
function tweenMoving(tween: Phaser.Tweens.BaseTween): boolean {
  if (tween.paused || tween.isStartDelayed() || tween.isLoopDelayed()) return false;
  if (tween.isCompleteDelayed() || tween.isFinished() || tween.isDestroyed()) return false;
  const parts = (tween as unknown as { data?: TweenPart[] }).data;
  if (!parts?.length) return true;
  return parts.some((part) =>
    'isDelayed' in part
      ? !(part.isDelayed() || part.isHolding() || part.isRepeating() || part.isComplete())
      : tweenMoving(part),
  );
}

/** Whether a scene is animating: a tween moving something, or a camera effect. */
function animating(scene: Phaser.Scene): boolean {
  if (scene.tweens.tweens.some(tweenMoving)) return true;
  for (const camera of scene.cameras.cameras) {
    if (
      camera.fadeEffect.isRunning ||
      camera.flashEffect.isRunning ||
      camera.shakeEffect.isRunning ||
      camera.panEffect.isRunning ||
      camera.zoomEffect.isRunning
    ) {
      return true;
    }
  }
  return false;
}

/** Whether any scene Phaser would draw (SceneManager.render) is loading or animating. */
function anyMoving(game: Phaser.Game): boolean {
  for (const scene of game.scene.scenes) {
    const { visible, status } = scene.sys.settings;
    if (!visible || status < Phaser.Scenes.LOADING || status >= Phaser.Scenes.SLEEPING) continue;
    // A loading scene shows the loader's progress, which no signal reports.
    if (status === Phaser.Scenes.LOADING || animating(scene)) return true;
  }
  return false;
}

/**
 * Installs the gate on `game`. Call it from the game config's `callbacks.postBoot`, before the
 * loop starts (Phaser binds `game.step` when it starts the loop). `always`: draw every frame
 * (`?frames=all`), still counted, to compare.
 */
export function gateRendering(
  game: Phaser.Game,
  options: { always?: boolean } = {},
  win: Window = window,
): RenderGate {
  const gate = new FrameGate(options);
  const invalidate = () => gate.invalidate(win.performance.now());
  const moving = () => anyMoving(game);

  const draw = game.step.bind(game);
  const stepOnly = game.headlessStep.bind(game);
  game.step = (time: number, delta: number) => {
    if (gate.frame(time, moving)) draw(time, delta);
    else stepOnly(time, delta);
  };

  const capture = { capture: true, passive: true } as const;
  for (const type of USER_EVENTS) win.addEventListener(type, invalidate, capture);
  win.addEventListener('resize', invalidate);
  win.document.addEventListener('visibilitychange', invalidate);
  win.document.fonts?.addEventListener?.('loadingdone', invalidate);
  game.scale.on(Phaser.Scale.Events.RESIZE, invalidate);
  game.textures.on(Phaser.Textures.Events.ADD, invalidate);
  invalidate();

  return { invalidate, counts: gate.counts, moving };
}
