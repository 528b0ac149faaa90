/**
 * "Open a scenario file…": a hidden <input type=file accept=.json>, clicked from a canvas button
 * (the click must come from the user's gesture, which a Phaser pointerup or a DOM keypress is).
 * The chosen file's bytes go to the store, which runs the loader and either adds the scenario or
 * fills `openErrors` (shown by open-errors-panel.ts).
 */
import type { AppStore } from '../../store/app-store.ts';

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
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      store.getState().openScenarioFile(file.name, bytes);
    } catch {
      store.getState().announce(`${file.name} could not be read.`, 'assertive');
    }
  });
  return {
    open: () => input.click(),
    destroy: () => input.remove(),
  };
}
