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

export interface Router {
  /** Preload calls this when assets are loaded: from now on the store drives the scenes. */
  ready(): void;
  dispose(): void;
}

export function createRouter(game: Phaser.Game, store: AppStore): Router {
  let isReady = false;

  const running = () => game.scene.getScenes(true).map((s) => s.scene.key);

  const show = (screen: Screen) => {
    if (!isReady || screen === 'boot') return;
    const key = SCENE_FOR_SCREEN[screen];
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
    dispose() {
      for (const u of unsubscribers) u();
    },
  };
}
