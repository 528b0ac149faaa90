/**
 * When the browser does not keep what the game saves (its storage is full, blocked by a school
 * policy, or missing), the player is told once, on screen and to screen readers, while there is
 * still time to act: before, the game played on and a reload lost it, or "Continue" offered an
 * older game. The title screen keeps saying it (a notice).
 */
import type { AppStoreApi } from '../../store/app-store.ts';
import { showToast } from './toast.ts';

export const STORAGE_FAILED =
  'This browser is not keeping your game: its storage is full or blocked. You can play on, but reloading or closing the page loses the game; from the debrief you can download its record.';

/**
 * The storage's `onError`: says it at the first failure, and no more (once a move would nag);
 * the title's notice is set again at each one (a new game clears it).
 */
export function storageWarning(getStore: () => AppStoreApi | null): (error: unknown) => void {
  let told = false;
  return () => {
    const store = getStore();
    if (!store) return;
    const s = store.getState();
    if (s.notice?.text !== STORAGE_FAILED)
      s.setNotice({ kind: 'save-problem', text: STORAGE_FAILED });
    if (told) return;
    told = true;
    // The first write may come at start-up, before the live regions listen (the title's
    // notice has the words too).
    setTimeout(() => store.getState().announce(STORAGE_FAILED, 'assertive'), 0);
    // The title shows the notice itself; elsewhere (a game) a message over the screen.
    if (s.screen === 'title' || s.screen === 'boot') return;
    showToast(document.body, STORAGE_FAILED, s.settings, 12_000);
  };
}
