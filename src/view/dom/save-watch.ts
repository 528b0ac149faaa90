/**
 * The session's `watchSave` in the browser: another tab or window of the game wrote the
 * autosave (the `storage` event fires in every page of the origin but the one that wrote).
 * A deleted save is not news: a game playing here saves itself again at its next move.
 */
import { SAVE_KEY } from '../../app/save.ts';

export function watchOtherPages(changed: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === SAVE_KEY && event.newValue !== null) changed();
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}
