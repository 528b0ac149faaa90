/**
 * The panel that lists what is wrong with a scenario file that failed to open (or the warnings
 * of one that opened): a real DOM
 * dialog (readable, selectable, scrollable, zoomable text — better than a canvas for a list an
 * author works through). Each problem shows its line and column, JSON path, code and message,
 * plus the CLI-style line to copy. It follows `store.openErrors`: set → shown, null → hidden.
 * Escape or "Close" dismisses it and returns the focus where it was. While it is open the game
 * behind it (`behind`: the canvas and its accessibility layer) is inert, so neither Tab nor a
 * click can take the focus out of it; its text follows the game's text size. textContent only.
 */
import type { AppStore } from '../../store/app-store.ts';
import type { OpenErrors } from '../../store/catalogue.ts';
import { textFactor } from '../../store/settings.ts';
import { PROJECTOR_TEXT_SCALE } from '../theme/fonts.ts';
import { MAX_TEXT_FACTOR } from '../theme.ts';

/** The dialog's text size at 100 %, px. */
const BASE_FONT_PX = 18;

export function mountOpenErrorsPanel(
  host: HTMLElement,
  store: AppStore,
  behind: HTMLElement | null = null,
): () => void {
  const dialog = document.createElement('div');
  dialog.className = 'open-errors';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', 'open-errors-title');
  dialog.hidden = true;
  host.appendChild(dialog);
  // What goes inert while the dialog is open (never an element holding the dialog itself).
  const shield = behind && !behind.contains(dialog) ? behind : null;
  let returnFocus: HTMLElement | null = null;

  const close = () => store.getState().dismissOpenErrors();
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') {
      // Round the dialog's own stops: the scrolling list and Close.
      const stops = [...dialog.querySelectorAll<HTMLElement>('[tabindex="0"], button')];
      const first = stops[0];
      const last = stops[stops.length - 1];
      if (!first || !last) return;
      const from = document.activeElement;
      if (event.shiftKey ? from === first : from === last) {
        event.preventDefault();
        (event.shiftKey ? last : first).focus();
      }
    }
  });

  const render = (errors: OpenErrors | null) => {
    dialog.replaceChildren();
    if (!errors) {
      dialog.hidden = true;
      if (shield) shield.inert = false;
      // Back where the focus was; with nothing focused before (a file dropped on the page),
      // to the control that opens files.
      const back =
        returnFocus?.isConnected && returnFocus !== document.body
          ? returnFocus
          : document.querySelector<HTMLElement>('[data-a11y-id="title.open-file"]');
      back?.focus();
      returnFocus = null;
      return;
    }
    if (dialog.hidden) {
      returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    }
    const count = errors.problems.length;
    const title = el(
      'h2',
      errors.opened
        ? `${errors.fileName} opened, with ${count} warning${count === 1 ? '' : 's'}`
        : `${errors.fileName} could not be opened`,
    );
    title.id = 'open-errors-title';
    const intro = el(
      'p',
      errors.opened
        ? `The scenario is in the list and plays, but ${count === 1 ? 'this points' : 'these point'} at something that may not play as you meant.`
        : `${count} problem${count === 1 ? '' : 's'} found. Fix ${count === 1 ? 'it' : 'them'} in the file and open it again; the game is unchanged.`,
    );
    const list = document.createElement('ol');
    list.className = 'open-errors-list';
    for (const [i, p] of errors.problems.entries()) {
      const item = document.createElement('li');
      const head = el('p', '');
      head.className = 'open-errors-where';
      head.append(
        el('strong', `Line ${p.line}, column ${p.column}`),
        document.createTextNode(' · '),
        el('code', p.pathText),
        document.createTextNode(' · '),
        el('code', p.code),
        document.createTextNode(p.severity === 'warning' ? ' (warning)' : ''),
      );
      const message = el('p', p.message);
      const raw = el('pre', errors.lines[i] ?? '');
      raw.className = 'open-errors-raw';
      item.append(head, message, raw);
      list.appendChild(item);
    }
    const scroller = document.createElement('div');
    scroller.className = 'open-errors-scroll';
    scroller.tabIndex = 0;
    scroller.setAttribute('aria-label', 'Problems');
    scroller.appendChild(list);
    const button = el('button', 'Close');
    (button as HTMLButtonElement).type = 'button';
    button.addEventListener('click', close);
    dialog.append(title, intro, scroller, button);
    const factor = Math.min(
      MAX_TEXT_FACTOR,
      textFactor(store.getState().settings, PROJECTOR_TEXT_SCALE),
    );
    dialog.style.fontSize = `${Math.round(BASE_FONT_PX * factor)}px`;
    dialog.hidden = false;
    if (shield) shield.inert = true;
    button.focus();
  };

  render(store.getState().openErrors);
  return store.subscribe((s) => s.openErrors, render);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  return node;
}
