/**
 * A short message on the page, for feedback that has no screen of its own (a file dropped where
 * files do not open): shown for a few seconds over the bottom of the game, then gone. Screen
 * readers hear the same words through the live region (the caller announces them), so the toast
 * itself is hidden from them. Text only (`textContent`).
 */

/** How long a toast stays, ms. */
export const TOAST_MS = 6000;

export function showToast(host: HTMLElement, text: string): void {
  host.querySelector(':scope > .toast')?.remove();
  const toast = document.createElement('div');
  toast.className = 'toast';
  toast.setAttribute('aria-hidden', 'true');
  toast.textContent = text;
  host.appendChild(toast);
  setTimeout(() => toast.remove(), TOAST_MS);
}
