/**
 * A short message on the page, for feedback that has no screen of its own (a file dropped where
 * files do not open): shown for a few seconds under the game's top bar (the actions are at the
 * bottom), then gone. Screen
 * readers hear the same words through the live region (the caller announces them), so the toast
 * itself is hidden from them. Text only (`textContent`).
 */
import type { Settings } from '../../store/settings.ts';
import { gameTextFactor } from '../theme.ts';

/** The toast's text size at 100 %, px (as the problems panel's). */
const BASE_FONT_PX = 18;

/** How long a toast stays, ms. */
export const TOAST_MS = 6000;

/**
 * `settings`: the game's text size and projector mode, so the words match the game's; `ms`: how
 * long it stays (longer for more words).
 */
export function showToast(
  host: HTMLElement,
  text: string,
  settings: Settings,
  ms = TOAST_MS,
): void {
  host.querySelector(':scope > .toast')?.remove();
  const toast = document.createElement('div');
  toast.className = 'toast';
  toast.setAttribute('aria-hidden', 'true');
  toast.style.fontSize = `${Math.round(BASE_FONT_PX * gameTextFactor(settings))}px`;
  toast.textContent = text;
  host.appendChild(toast);
  setTimeout(() => toast.remove(), ms);
}
