/**
 * A reload on the Set-up screen comes back to Set-up, not to the title (its choices are kept
 * by the store: `oversight.setup.v1`). Remembered per tab in sessionStorage, so a new tab or a
 * new day still opens on the title. Games are not remembered here: a reload mid-game offers
 * Continue on the title, which restores the game exactly (pass-and-play's hand-off included).
 */
import type { AppStore } from '../../store/app-store.ts';

const KEY = 'oversight.screen';

/** Keeps the tab's note of whether Set-up is open. Returns the unsubscribe. */
export function rememberSetupScreen(store: AppStore): () => void {
  return store.subscribe(
    (s) => s.screen,
    (screen) => {
      // Boot is the page starting: it says nothing about where the player was.
      if (screen === 'boot') return;
      try {
        if (screen === 'setup') sessionStorage.setItem(KEY, screen);
        else sessionStorage.removeItem(KEY);
      } catch {
        // Storage blocked: the reload opens on the title, as it did before.
      }
    },
  );
}

/** Whether this tab was on Set-up when it was reloaded. */
export function wasOnSetup(): boolean {
  try {
    return sessionStorage.getItem(KEY) === 'setup';
  } catch {
    return false;
  }
}
