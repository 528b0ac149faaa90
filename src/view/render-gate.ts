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
 *
 * A frame drawn only because tweens move, each marked with where it draws (tween-region.ts),
 * redraws only that part of the canvas on the Canvas renderer: the canvas is clipped to it
 * before Phaser clears and draws, so the pixels outside keep the last frame's picture, which
 * nothing has changed. Anything else draws the whole frame.
 */
import Phaser from 'phaser';
import { FrameGate } from './frame-gate.ts';
import { type Region, tweenRegion, unionRegion } from './tween-region.ts';

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
  /** Frames drawn (of which only in part) and skipped so far (for the benchmark and tests). */
  readonly counts: { drawn: number; skipped: number; partial: number };
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

/** Whether one of the scene's cameras runs an effect (fade, flash, shake, pan, zoom). */
function cameraEffect(scene: Phaser.Scene): boolean {
  return scene.cameras.cameras.some(
    (camera) =>
      camera.fadeEffect.isRunning ||
      camera.flashEffect.isRunning ||
      camera.shakeEffect.isRunning ||
      camera.panEffect.isRunning ||
      camera.zoomEffect.isRunning,
  );
}

/** The scenes Phaser would draw (SceneManager.render): visible, from loading to paused. */
function drawnScenes(game: Phaser.Game): Phaser.Scene[] {
  return game.scene.scenes.filter((scene) => {
    const { visible, status } = scene.sys.settings;
    return visible && status >= Phaser.Scenes.LOADING && status < Phaser.Scenes.SLEEPING;
  });
}

/** A loading scene shows the loader's progress, which no signal reports. */
function loading(scene: Phaser.Scene): boolean {
  return scene.sys.settings.status === Phaser.Scenes.LOADING;
}

/** Whether any scene Phaser would draw is loading or animating (a tween or a camera effect). */
function anyMoving(game: Phaser.Game): boolean {
  return drawnScenes(game).some(
    (scene) => loading(scene) || scene.tweens.tweens.some(tweenMoving) || cameraEffect(scene),
  );
}

/**
 * Where the tweens moving now draw, in the design space (`world`) and in canvas pixels, or null
 * when a whole frame is needed: not the Canvas renderer, a scene loading, a camera effect, or a
 * moving tween with no region.
 */
function animatedRegion(game: Phaser.Game): Clip | null {
  if (game.renderer.type !== Phaser.CANVAS) return null;
  let region: Region | null = null;
  let zoom = 1;
  for (const scene of drawnScenes(game)) {
    if (loading(scene) || cameraEffect(scene)) return null;
    for (const tween of scene.tweens.tweens) {
      if (!tweenMoving(tween)) continue;
      const r = tweenRegion(tween);
      if (!r) return null;
      region = region ? unionRegion(region, r) : r;
      // Scenes draw the 1280×720 design space at the render scale (their cameras' zoom).
      zoom = scene.cameras.main.zoom;
    }
  }
  if (!region) return null;
  // In canvas pixels, out to whole pixels with one to spare for anti-aliased edges.
  const x = Math.floor(region.x * zoom) - 1;
  const y = Math.floor(region.y * zoom) - 1;
  const pixels = {
    x,
    y,
    width: Math.ceil((region.x + region.width) * zoom) + 1 - x,
    height: Math.ceil((region.y + region.height) * zoom) + 1 - y,
  };
  // Back in the design space, the whole of that: what overlaps it must be drawn.
  const world = {
    x: pixels.x / zoom,
    y: pixels.y / zoom,
    width: pixels.width / zoom,
    height: pixels.height / zoom,
  };
  return { world, pixels };
}

/** Where a frame draws: in the design space (`world`) and in canvas pixels. */
interface Clip {
  world: Region;
  pixels: Region;
}

/** A scene that can leave out of a frame what lies outside a region (AppScene.hideOutside). */
interface Culling {
  hideOutside(region: Region): () => void;
}

function culling(scene: Phaser.Scene): scene is Phaser.Scene & Culling {
  return typeof (scene as Partial<Culling>).hideOutside === 'function';
}

/**
 * Clips the Canvas renderer's frame to `frame.clip` while it is set: before Phaser clears the
 * canvas (so the clear, the background and every object stay inside it), undone after the frame.
 */
function clipRendering(game: Phaser.Game): { clip: Clip | null } {
  const frame: { clip: Clip | null } = { clip: null };
  const renderer = game.renderer;
  if (!(renderer instanceof Phaser.Renderer.Canvas.CanvasRenderer)) return frame;
  let clipped = false;
  let shows: (() => void)[] = [];
  const showAll = () => {
    for (const show of shows.splice(0)) show();
  };
  renderer.on(Phaser.Renderer.Events.PRE_RENDER_CLEAR, () => {
    const ctx = renderer.gameContext;
    // A frame that failed half-way left its clip and hidden parts: undo that first.
    if (clipped) ctx.restore();
    showAll();
    const clip = frame.clip;
    clipped = clip !== null;
    if (!clip) return;
    const { x, y, width, height } = clip.pixels;
    ctx.save();
    ctx.beginPath();
    ctx.rect(x, y, width, height);
    ctx.clip();
    // What lies wholly outside the region is not even walked (only for the drawing: the step's
    // input and tweens ran before it).
    shows = drawnScenes(game)
      .filter(culling)
      .map((s) => s.hideOutside(clip.world));
  });
  renderer.on(Phaser.Renderer.Events.POST_RENDER, () => {
    if (clipped) renderer.gameContext.restore();
    clipped = false;
    showAll();
  });
  return frame;
}

/**
 * On Canvas, every drawn frame fills the canvas three times before it draws anything: the
 * renderer clears it and fills it with the game's background, then each scene's camera fills it
 * with its own. Every scene's camera has an opaque background the size of the canvas
 * (AppScene.create, BootScene, PreloadScene), so the first two are dropped: two passes over
 * every pixel (1280×720 or more, on the CPU) fewer in each whole frame. A scene whose camera
 * had no background would leave the last frame's picture under it.
 */
function skipCanvasClear(game: Phaser.Game): void {
  const renderer = game.renderer;
  if (renderer instanceof Phaser.Renderer.Canvas.CanvasRenderer) {
    (renderer.config as { clearBeforeRender: boolean }).clearBeforeRender = false;
  }
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

  skipCanvasClear(game);
  const draw = game.step.bind(game);
  const stepOnly = game.headlessStep.bind(game);
  const frame = clipRendering(game);
  game.step = (time: number, delta: number) => {
    const kind = gate.decide(time, moving);
    if (kind === 'skip') {
      stepOnly(time, delta);
      return;
    }
    frame.clip = kind === 'animating' ? animatedRegion(game) : null;
    if (frame.clip) gate.counts.partial++;
    try {
      draw(time, delta);
    } finally {
      frame.clip = null;
    }
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
