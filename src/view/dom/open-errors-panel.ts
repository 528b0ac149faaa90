/**
 * The panel that lists what is wrong with a scenario file that failed to open: a real DOM
 * dialog (readable, selectable, scrollable, zoomable text — better than a canvas for a list an
 * author works through). Each problem shows its line and column, JSON path, code and message,
 * plus the CLI-style line to copy. It follows `store.openErrors`: set → shown, null → hidden.
 * Escape or "Close" dismisses it and returns the focus where it was. textContent only.
 */
import type { AppStore } from '../../store/app-store.ts';
import type { OpenErrors } from '../../store/catalogue.ts';

export function mountOpenErrorsPanel(host: HTMLElement, store: AppStore): () => void {
  const dialog = document.createElement('div');
  dialog.className = 'open-errors';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', 'open-errors-title');
  dialog.hidden = true;
  host.appendChild(dialog);
  let returnFocus: HTMLElement | null = null;

  const close = () => store.getState().dismissOpenErrors();
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  });

  const render = (errors: OpenErrors | null) => {
    dialog.replaceChildren();
    if (!errors) {
      dialog.hidden = true;
      returnFocus?.focus();
      returnFocus = null;
      return;
    }
    if (dialog.hidden) {
      returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    }
    const count = errors.problems.length;
    const title = el('h2', `${errors.fileName} could not be opened`);
    title.id = 'open-errors-title';
    const intro = el(
      'p',
      `${count} problem${count === 1 ? '' : 's'} found. Fix ${count === 1 ? 'it' : 'them'} in the file and open it again; the game is unchanged.`,
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
    dialog.hidden = false;
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
