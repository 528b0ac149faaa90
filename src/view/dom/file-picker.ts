/**
 * "Open a scenario file…": a hidden <input type=file accept=.json>, clicked from a canvas button
 * (the click must come from the user's gesture, which a Phaser pointerup or a DOM keypress is).
 * The chosen file's bytes go to the store, which runs the loader and either adds the scenario or
 * fills `openErrors` (shown by open-errors-panel.ts). A file dropped on the title screen goes the
 * same way (`acceptDroppedFiles`).
 */
import type { AppStore } from '../../store/app-store.ts';
import { showToast } from './toast.ts';

export function createScenarioFilePicker(
  host: HTMLElement,
  store: AppStore,
): { open(): void; destroy(): void } {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.hidden = true;
  input.setAttribute('aria-hidden', 'true');
  input.tabIndex = -1;
  input.dataset.scenarioFileInput = '';
  host.appendChild(input);
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void openFile(store, file);
  });
  return {
    open: () => input.click(),
    destroy: () => input.remove(),
  };
}

async function openFile(store: AppStore, file: File): Promise<void> {
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    await store.getState().openScenarioFile(file.name, bytes);
  } catch {
    store.getState().announce(`${file.name} could not be read.`, 'assertive');
  }
}

/**
 * A scenario file dragged onto the page and dropped opens as "Open a scenario file…" does, on
 * the title screen (GAME.md §9: an author drops their file on the game). Anywhere else it is
 * refused with a word: the browser's own habit — showing the dropped file in place of the page
 * — would leave the game in the middle of a lesson. Returns the function that stops listening.
 */
export function acceptDroppedFiles(target: Window, store: AppStore): () => void {
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  const over = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) {
      event.dataTransfer.dropEffect = store.getState().screen === 'title' ? 'copy' : 'none';
    }
  };
  const drop = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    if (store.getState().screen !== 'title') {
      const words = `${file.name} was not opened: scenario files open on the title screen. Quit to the title (the game is saved) and drop it there.`;
      store.getState().announce(words, 'assertive');
      showToast(document.body, words, store.getState().settings);
      return;
    }
    void openFile(store, file);
  };
  target.addEventListener('dragover', over);
  target.addEventListener('drop', drop);
  return () => {
    target.removeEventListener('dragover', over);
    target.removeEventListener('drop', drop);
  };
}
