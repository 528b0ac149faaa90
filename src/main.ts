/**
 * The composition root: settings → store → session (actor, bots, autosave) → DOM layers →
 * Phaser. Nothing else creates these objects; everything else receives them.
 *
 * Two chunks (plus Phaser's): this one shows the title screen; the engine chunk
 * (src/game-runtime.ts: XState, rules, bots, the scenario loader and shipped scenarios, the
 * in-game scenes) is fetched at once in the background and attached when it lands
 * (`store.loaded` becomes true). See docs/browser-architecture.md.
 *
 * Query parameters (for tests and troubleshooting):
 *   ?fast=1                      bots move without delay
 *   ?renderer=canvas|webgl       force a renderer (default: WebGL on a GPU, else Canvas; see
 *                                src/view/renderer-choice.ts)
 *   ?scale=1|1.5|2               force the render scale (default: the display's, see
 *                                src/view/render-scale.ts)
 *   ?frames=all                  draw every frame, even when nothing changed (see
 *                                src/view/render-gate.ts)
 *
 * Test hooks: `window.__oversight = { store, session, game, a11y, frames, version }` (see
 * docs/browser-architecture.md).
 */
import './view/styles.css';
import Phaser from 'phaser';
import { version } from '../package.json';
import { createDeferredSession } from './app/deferred-session.ts';
import type { Session } from './app/session.ts';
import { type AppStore, createAppStore } from './store/app-store.ts';
import { browserStorage } from './store/storage.ts';
import { mountScreenHeading } from './view/a11y/heading.ts';
import { A11yLayer } from './view/a11y/layer.ts';
import { LiveRegions } from './view/a11y/live-region.ts';
import { mountSound, type SoundDebug } from './view/audio/sound.ts';
import { speedUpCanvasPool } from './view/canvas-pool.ts';
import { showFatal } from './view/dom/fatal.ts';
import { acceptDroppedFiles } from './view/dom/file-picker.ts';
import { mountOpenErrorsPanel } from './view/dom/open-errors-panel.ts';
import { rememberSetupScreen, wasOnSetup } from './view/dom/screen-memory.ts';
import { storageWarning } from './view/dom/storage-warning.ts';
import { gateRendering, type RenderGate } from './view/render-gate.ts';
import { GAME_HEIGHT, GAME_WIDTH, pickRenderScale } from './view/render-scale.ts';
import { chooseRenderer } from './view/renderer-choice.ts';
import { followRenderScale } from './view/rescale.ts';
import { createRouter, type Router } from './view/router.ts';
import type { AppServices } from './view/scenes/AppScene.ts';
import { BootScene } from './view/scenes/BootScene.ts';
import { PreloadScene } from './view/scenes/PreloadScene.ts';
import { SetupScene } from './view/scenes/SetupScene.ts';
import { TitleScene } from './view/scenes/TitleScene.ts';
import { COLOURS, loadThemeFonts } from './view/theme.ts';
import { rememberWordWidths, type Wrapping } from './view/ui/word-widths.ts';

export { GAME_HEIGHT, GAME_WIDTH };

export interface OversightHooks {
  store: AppStore;
  session: Session;
  game: Phaser.Game | null;
  a11y: A11yLayer;
  /** Sound cues played and dropped, and the AudioContext's state (src/view/audio). */
  audio: SoundDebug;
  /** The render gate (src/view/render-gate.ts): frames drawn and skipped, whether anything moves. */
  frames: RenderGate | null;
  version: string;
}

declare global {
  interface Window {
    __oversight?: OversightHooks;
  }
}

/** Phaser's renderer type for `?renderer=` (see src/view/renderer-choice.ts). */
function rendererType(param: string | null): number {
  const choice = chooseRenderer(param);
  if (choice === 'canvas') return Phaser.CANVAS;
  if (choice === 'webgl') return Phaser.WEBGL;
  return Phaser.AUTO;
}

async function main(): Promise<void> {
  const app = document.getElementById('app') ?? document.body;
  const stage = document.getElementById('stage') ?? app;
  const params = new URLSearchParams(window.location.search);
  const fast = params.get('fast') === '1';

  // A script error before the title appears leaves a message, not a blank page.
  let started = false;
  const onBootError = (event: ErrorEvent | PromiseRejectionEvent) => {
    if (started) return;
    console.error('[oversight] start-up failed', 'reason' in event ? event.reason : event.error);
    showFatal(stage, 'error');
  };
  window.addEventListener('error', onBootError);
  window.addEventListener('unhandledrejection', onBootError);

  // The store is made with the storage; a failed write later warns through it.
  let appStore: AppStore | null = null;
  const storage = browserStorage(storageWarning(() => appStore));
  const store = createAppStore({ storage });
  appStore = store;
  const motion = window.matchMedia?.('(prefers-reduced-motion: reduce)');
  store.getState().setSystemReducedMotion(motion?.matches ?? false);
  motion?.addEventListener?.('change', (e) => store.getState().setSystemReducedMotion(e.matches));

  const deferred = createDeferredSession();
  const session = deferred.session;

  mountScreenHeading(app, store);
  const a11y = new A11yLayer(stage);
  new LiveRegions(app).bind(store);
  const sound = mountSound(store);
  mountOpenErrorsPanel(app, store, stage);
  acceptDroppedFiles(window, store);
  const hooks: OversightHooks = {
    store,
    session,
    game: null,
    a11y,
    audio: sound.debug,
    frames: null,
    version,
  };
  window.__oversight = hooks;

  // The engine starts downloading now; fonts must be ready before Phaser draws any text.
  const runtime = import('./game-runtime.ts');
  runtime.catch(() => undefined); // handled where it is awaited, below
  await loadThemeFonts();

  let router: Router | null = null;
  // Read before the first screen change, which forgets it.
  const returnToSetup = wasOnSetup();
  rememberSetupScreen(store);
  // Drawn at the size the canvas is really shown at (up to 2×): sharp text on projectors and
  // HiDPI screens. Scenes still lay out in 1280×720 (their cameras zoom); see render-scale.ts.
  const renderScale = pickRenderScale(window, params.get('scale'));
  // Frames are drawn only when the picture may have changed (every store change is a signal).
  let gate: RenderGate | null = null;
  const drawEveryFrame = params.get('frames') === 'all';
  store.subscribe(() => gate?.invalidate());
  const services: AppServices = {
    store,
    session,
    a11y,
    fast,
    renderScale,
    ready: () => router?.ready(),
    invalidate: () => gate?.invalidate(),
  };
  speedUpCanvasPool();
  rememberWordWidths(Phaser.GameObjects.Text.prototype as unknown as Wrapping);
  let game: Phaser.Game;
  try {
    game = new Phaser.Game({
      type: rendererType(params.get('renderer')),
      parent: stage,
      backgroundColor: COLOURS.backgroundCss,
      title: 'Oversight',
      version,
      // Sounds are synthesised by src/view/audio (its own AudioContext, made on a user gesture).
      audio: { noAudio: true },
      callbacks: {
        // Before the loop starts (it binds game.step then).
        postBoot: (booted) => {
          gate = gateRendering(booted, { always: drawEveryFrame });
          hooks.frames = gate;
        },
      },
      scale: {
        mode: Phaser.Scale.FIT,
        autoCenter: Phaser.Scale.CENTER_BOTH,
        width: GAME_WIDTH * renderScale,
        height: GAME_HEIGHT * renderScale,
      },
      scene: [
        new BootScene(),
        new PreloadScene(services),
        new TitleScene(services),
        new SetupScene(services),
      ],
    });
  } catch (error) {
    console.error('[oversight] Phaser could not start', error);
    showFatal(stage, 'renderer');
    return;
  }
  hooks.game = game;
  router = createRouter(game, store);
  followRenderScale(game, services, {
    win: window,
    forced: params.get('scale'),
    ready: () => store.getState().activeScene !== null,
  });
  const attach = () => {
    a11y.attach({ canvas: game.canvas, width: GAME_WIDTH, height: GAME_HEIGHT });
    game.scale.on(Phaser.Scale.Events.RESIZE, a11y.relayout);
  };
  if (game.isBooted) attach();
  else game.events.once(Phaser.Core.Events.READY, attach);

  store.subscribe(
    (s) => s.activeScene,
    (key) => {
      if (key && !started) {
        started = true;
        window.removeEventListener('error', onBootError);
        window.removeEventListener('unhandledrejection', onBootError);
      }
    },
  );
  // A renderer that failed inside Phaser's deferred boot leaves no canvas: say so.
  setTimeout(() => {
    if (!started && !game.canvas) showFatal(stage, 'renderer');
  }, 10_000);

  // The engine: game scenes first (the session may switch to them), then the session.
  try {
    const rt = await runtime;
    for (const { key, scene } of rt.createGameScenes(services)) game.scene.add(key, scene, false);
    const { entries, failures } = rt.loadShipped(rt.SHIPPED_SCENARIOS);
    store.getState().addCatalogueEntries(entries, failures);
    const real = rt.createSession({
      store,
      storage,
      fast,
      idle: whenIdle,
      idleSave: idleWithRoom(),
      watchSave: rt.watchOtherPages,
    });
    deferred.attach(real);
    real.checkSave();
    store.getState().setLoaded(true);
    // A reload on Set-up comes back to it (with its choices), unless the title has news.
    const now = store.getState();
    const setupThere = now.catalogue.some((e) => e.key === now.setup.scenarioKey);
    if (
      returnToSetup &&
      setupThere &&
      !now.notice &&
      (now.screen === 'boot' || now.screen === 'title')
    )
      now.setScreen('setup');
    // The end of a game: fetched when the page is idle once the title is up (not while its
    // art loads, which it would slow down), or at once when a game needs it first (a finished
    // game continued).
    let later: Promise<void> | null = null;
    const fetchLater = () => {
      later ??= import('./view/later-scenes.ts').then((m) => {
        for (const { key, scene } of m.createLaterScenes(services))
          game.scene.add(key, scene, false);
      });
      // A failed fetch (the connection dropped) is tried again next time.
      later.catch(() => {
        later = null;
      });
      return later;
    };
    router.fetchLaterWith(fetchLater);
    // Leaving the page (a reload, a closed tab): saved with the time the timers have left.
    // Hidden first (another tab, the lid shut): a hidden tab may be discarded unannounced.
    window.addEventListener('pagehide', () => real.saveNow());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') real.saveNow();
    });
    const prefetch = () => whenIdle(() => void fetchLater().catch(() => undefined), 3000);
    if (store.getState().activeScene !== null) prefetch();
    else {
      const stop = store.subscribe(
        (st) => st.activeScene !== null,
        (up) => {
          if (!up) return;
          stop();
          prefetch();
        },
      );
    }
  } catch (error) {
    console.error('[oversight] the game engine could not load', error);
    store.getState().setNotice({
      kind: 'error',
      text: 'Part of the game could not be loaded. Check the connection and reload the page.',
    });
  }
}

/** Runs `work` when the page is idle, at the latest after `within` ms. */
function whenIdle(work: () => void, within: number): void {
  if (typeof window.requestIdleCallback === 'function')
    window.requestIdleCallback(() => work(), { timeout: within });
  else setTimeout(work, 0);
}

/**
 * `whenIdle` for work that takes about as long each time (the autosave): it waits for an idle
 * period with room for it, as long as its last run took — on a slow machine, a save run where
 * only a sliver of the frame was left made the next frame late — at the latest `within` ms.
 */
function idleWithRoom(): (work: () => void, within: number) => void {
  let lastRunMs = 0;
  return (work, within) => {
    if (typeof window.requestIdleCallback !== 'function') {
      setTimeout(work, 0);
      return;
    }
    const latest = performance.now() + within;
    const attempt = (idle: IdleDeadline) => {
      const late = idle.didTimeout || performance.now() >= latest;
      if (!late && idle.timeRemaining() < lastRunMs + 1) {
        window.requestIdleCallback(attempt, { timeout: Math.max(1, latest - performance.now()) });
        return;
      }
      const start = performance.now();
      work();
      lastRunMs = performance.now() - start;
    };
    window.requestIdleCallback(attempt, { timeout: within });
  };
}

main().catch((error) => {
  console.error('[oversight] start-up failed', error);
  showFatal(document.getElementById('stage') ?? document.body, 'error');
});
