/**
 * The debrief's browser-side exports: a download made from text (a Blob and a temporary
 * `<a download>`, no network), and the print-only summary (a hidden DOM section filled with
 * `textContent` only, shown by the print stylesheet in styles.css, then `window.print()`).
 */
import type { Section } from './content.ts';

/** Saves `text` as a file called `name` (the browser's download, nothing leaves the device). */
export function downloadText(name: string, mime: string, text: string): void {
  const blob = new Blob([text], { type: `${mime};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const PRINT_CLASS = 'print-summary';

/**
 * Fills (or refills) the print-only section: a title, a line of facts, then each section's
 * headings, paragraphs and sources. Links only for http(s) addresses; all text via textContent.
 */
export function fillPrintSummary(title: string, facts: string[], sections: Section[]): HTMLElement {
  let root = document.querySelector<HTMLElement>(`.${PRINT_CLASS}`);
  if (!root) {
    root = document.createElement('section');
    root.className = PRINT_CLASS;
    // Only for paper: the screen (and its readers) already show all of this.
    root.setAttribute('aria-hidden', 'true');
    document.body.appendChild(root);
  }
  root.replaceChildren();
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text: string, parent: HTMLElement) => {
    const node = document.createElement(tag);
    node.textContent = text;
    parent.appendChild(node);
    return node;
  };
  el('h1', title, root);
  for (const fact of facts) el('p', fact, root).className = 'print-facts';
  for (const section of sections) {
    const part = document.createElement('section');
    el('h2', section.title, part);
    let list: HTMLUListElement | null = null;
    for (const b of section.blocks) {
      if (b.kind === 'item') {
        if (!list) {
          list = document.createElement('ul');
          part.appendChild(list);
        }
        el('li', b.text, list);
        continue;
      }
      list = null;
      if (b.kind === 'heading') el('h3', b.text, part);
      else if (b.kind === 'para') el('p', b.text, part);
      else {
        const p = el('p', '', part);
        p.className = 'print-source';
        if (b.url) {
          const a = document.createElement('a');
          a.href = b.url;
          a.rel = 'noopener noreferrer';
          a.textContent = b.text;
          p.appendChild(a);
        } else p.textContent = b.text;
      }
    }
    root.appendChild(part);
  }
  return root;
}

/** Fills the summary and opens the browser's print dialog (print or save as PDF). */
export function printSummary(title: string, facts: string[], sections: Section[]): void {
  fillPrintSummary(title, facts, sections);
  window.print();
}
