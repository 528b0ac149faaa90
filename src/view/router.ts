/**
 * The router: `store.screen` decides which scene runs. Scenes never start each other (except
 * Boot → Preload); they change `screen` (or the session does, following the machine's phase),
 * and the router stops whatever runs and starts the screen's scene. It also restarts the
 * running scene when text size or projector mode change (layout depends on them). Sound is not
 * Phaser's: src/view/audio plays the cues and follows the sound setting itself.
 */
import type Phaser from 'phaser';
import type { AppStore } from '../store/app-store.ts';
import type { Screen } from '../store/types.ts';
import { showToast } from './dom/toast.ts';

/** Scene key for each screen. */
export const SCENE_FOR_SCREEN: Record<Exclude<Screen, 'boot'>, string> = {
  title: 'Title',
  setup: 'Setup',
  briefing: 'Briefing',
  table: 'Table',
  decision: 'Decision',
  aftermath: 'Aftermath',
  debrief: 'Debrief',
};

/**
 * The scenes of the end of a game (stances and decision, aftermath, debrief): not in the first
 * download, which the title waits for, but fetched once the title is up (main.ts), or when a
 * game gets there first (a game continued at its decision).
 */
export const LATER_SCENES: ReadonlySet<string> = new Set(['Decision', 'Aftermath', 'Debrief']);

export interface Router {
  /** Preload calls this when assets are loaded: from now on the store drives the scenes. */
  ready(): void;
  /** How to add LATER_SCENES to the game; the router asks when it needs one. */
  fetchLaterWith(fetch: () => Promise<void>): void;
  dispose(): void;
}

export function createRouter(game: Phaser.Game, store: AppStore): Router {
  let isReady = false;
  let fetchLater: (() => Promise<void>) | null = null;
  let laterIn = false;

  const running = () => game.scene.getScenes(true).map((s) => s.scene.key);

  const show = (screen: Screen) => {
    if (!isReady || screen === 'boot') return;
    const key = SCENE_FOR_SCREEN[screen];
    // A game under way will need the end-of-game screens: fetch them now, not when the last
    // round ends (the title's idle fetch may not have run: a game started at once).
    if (!laterIn && (screen === 'briefing' || screen === 'table')) {
      fetchLater?.().then(
        () => {
          laterIn = true;
        },
        () => undefined,
      );
    }
    // Not fetched yet: the screen before stays until it is in (a moment, or a message).
    if (LATER_SCENES.has(key) && !laterIn) {
      // A slow connection: say what the wait is for.
      const loading = 'Loading the end of the game…';
      const slow = setTimeout(() => {
        store.getState().announce(loading);
        showToast(document.body, loading, store.getState().settings);
      }, 1000);
      fetchLater?.().then(
        () => {
          clearTimeout(slow);
          const toast = document.body.querySelector(':scope > .toast');
          if (toast?.textContent === loading) toast.remove();
          laterIn = true;
          if (store.getState().screen === screen) show(screen);
        },
        () => {
          clearTimeout(slow);
          // To the title, which says why; Continue there tries again (the game is saved).
          const words =
            'The end of the game could not be loaded: check the connection, then Continue saved game (the game is saved).';
          const state = store.getState();
          state.setNotice({ kind: 'error', text: words });
          state.announce(words, 'assertive');
          if (state.screen === screen) state.setScreen('title');
        },
      );
      return;
    }
    for (const other of running()) if (other !== key) game.scene.stop(other);
    if (!game.scene.isActive(key)) game.scene.start(key);
  };

  const unsubscribers = [
    store.subscribe((s) => s.screen, show),
    store.subscribe(
      (s) => `${s.settings.textScale}|${s.settings.projector}`,
      () => {
        for (const key of running()) game.scene.getScene(key)?.scene.restart({ restarted: true });
      },
    ),
  ];

  return {
    ready() {
      isReady = true;
      const state = store.getState();
      if (state.screen === 'boot') state.setScreen('title');
      else show(state.screen);
    },
    fetchLaterWith(fetch) {
      fetchLater = fetch;
    },
    dispose() {
      for (const u of unsubscribers) u();
    },
  };
}
