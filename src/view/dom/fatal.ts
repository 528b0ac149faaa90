/**
 * The last resort: a plain DOM message when the game cannot start (no WebGL and no Canvas, a
 * script error during boot). Never a blank page, never a stack trace; the details go to the
 * console for whoever is debugging.
 */
export function showFatal(host: HTMLElement, reason: 'renderer' | 'error'): void {
  if (host.querySelector('[data-fatal]')) return;
  const box = document.createElement('div');
  box.className = 'fatal';
  box.setAttribute('role', 'alert');
  box.dataset.fatal = reason;
  const title = document.createElement('h1');
  title.textContent = 'Oversight could not start';
  const text = document.createElement('p');
  text.textContent =
    reason === 'renderer'
      ? "This browser could not start the game's graphics (WebGL, or Canvas as a fallback). Try another browser, or turn on hardware acceleration in its settings."
      : 'Something went wrong while the game was starting. Reload the page to try again; if it keeps happening, try another browser.';
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.textContent = 'Reload';
  retry.addEventListener('click', () => window.location.reload());
  box.append(title, text, retry);
  host.replaceChildren(box);
  retry.focus();
}
