/**
 * The role-card page (print.html): pick a scenario, look at its cards, print them. No Phaser, no
 * game state: the shipped scenarios (src/store/shipped.ts) go through the same two-stage loader
 * as the game (src/store/catalogue-load.ts), and so does a file opened here or handed over from
 * the title screen (src/print/link.ts).
 *
 *   print.html                          the first shipped scenario
 *   print.html?scenario=<id>            a shipped scenario by id
 *   print.html?scenario=file:<id>       a scenario the title screen opened from a file
 *
 * Test hook: `<main data-scenario="<id>">` once the cards for that scenario are on the page.
 */
import '@fontsource/atkinson-hyperlegible/latin-400.css';
import '@fontsource/atkinson-hyperlegible/latin-700.css';
import './print.css';
import type { CatalogueEntry, OpenErrors } from '../store/catalogue.ts';
import { loadCatalogueBytes, loadCatalogueText, loadShipped } from '../store/catalogue-load.ts';
import { SHIPPED_SCENARIOS } from '../store/shipped.ts';
import { assetUrl, portraitKey } from '../view/theme/assets.ts';
import { fitSheetsToPages } from './fit.ts';
import { readPrintHandoff, storePrintHandoff } from './link.ts';
import { el, renderRoleCards } from './render.ts';
import { roleCardsModel } from './role-cards.ts';

function start(): void {
  const body = document.body;
  body.replaceChildren();
  const params = new URLSearchParams(window.location.search);
  const wanted = params.get('scenario');

  const shipped = loadShipped(SHIPPED_SCENARIOS);
  for (const failure of shipped.failures) {
    console.error(`[oversight] shipped scenario ${failure.fileName} did not load`, failure.lines);
  }
  const entries: CatalogueEntry[] = [...shipped.entries];
  let fileProblem: OpenErrors | null = null;
  if (wanted?.startsWith('file:')) {
    const handoff = readPrintHandoff(wanted);
    if (handoff) {
      const result = loadCatalogueText(handoff.fileName, handoff.text, 'file');
      if (result.ok) entries.push(result.entry);
      else fileProblem = result.errors;
    }
  }

  // ——— the toolbar (screen only) ———
  const header = el('header', { className: 'toolbar', parent: body });
  el('h1', { text: 'Oversight: printable role cards', parent: header });
  el('p', {
    text: 'Print on A4, portrait, in black and white if you like. Two pages for the teacher come first: the situation to read aloud, then the meters, the decisions, and the learning objectives and lesson plans. Then each role has two pages: a public card and a private card marked PRIVATE. Printed double-sided (flip on the long edge), each private card lands on the back of its public card; printed single-sided, give each private page only to the player or group of that role.',
    parent: header,
  });

  const form = el('form', { className: 'pick', parent: header });
  form.method = 'get';
  form.action = '';
  const label = el('label', { text: 'Scenario', parent: form });
  label.htmlFor = 'scenario';
  const select = el('select', { parent: form });
  select.id = 'scenario';
  select.name = 'scenario';
  for (const e of entries) {
    const option = el('option', {
      text: `${e.scenario.title.text}${e.source === 'file' ? ` (from ${e.fileName})` : ''}`,
      parent: select,
    });
    option.value = e.key;
  }
  el('button', { text: 'Show cards', parent: form }).type = 'submit';

  const actions = el('div', { className: 'actions', parent: header });
  const print = el('button', { text: 'Print role cards', parent: actions });
  print.type = 'button';
  print.addEventListener('click', () => window.print());
  const back = el('a', { text: 'Back to the game', parent: actions });
  back.href = './';

  const open = el('div', { className: 'open', parent: header });
  const fileLabel = el('label', { text: 'Or open a scenario file (.json): ', parent: open });
  const input = el('input', { parent: fileLabel });
  input.type = 'file';
  input.accept = '.json,application/json';

  const problems = el('section', { className: 'problems', parent: header });
  problems.setAttribute('aria-live', 'polite');
  problems.hidden = true;

  const main = el('main', { parent: body });
  main.id = 'cards';

  const showProblems = (errors: OpenErrors | null, message?: string) => {
    problems.replaceChildren();
    problems.hidden = errors === null && !message;
    if (message) el('p', { text: message, parent: problems });
    if (!errors) return;
    el('h2', { text: `${errors.fileName} is not a scenario the game can load`, parent: problems });
    const ul = el('ul', { parent: problems });
    for (const line of errors.lines) el('li', { text: line, parent: ul });
  };

  const show = (entry: CatalogueEntry) => {
    const model = roleCardsModel(entry.scenario);
    const sheets = renderRoleCards(model, {
      portraitUrl: (portrait) => assetUrl(portraitKey(portrait)),
    });
    main.replaceChildren(sheets);
    // Measured with the cards' own font, once it is in (and again just before printing).
    fitToPages(sheets);
    void document.fonts.ready.then(() => fitToPages(sheets));
    main.dataset.scenario = entry.scenario.id;
    select.value = entry.key;
    document.title = `Role cards: ${entry.scenario.title.text} · Oversight`;
  };

  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = loadCatalogueBytes(file.name, bytes, 'file');
    if (!result.ok) {
      showProblems(result.errors);
      return;
    }
    showProblems(null);
    storePrintHandoff(result.entry); // so "Show cards" can come back to it
    if (!entries.some((e) => e.key === result.entry.key)) {
      entries.push(result.entry);
      const option = el('option', {
        text: `${result.entry.scenario.title.text} (from ${file.name})`,
        parent: select,
      });
      option.value = result.entry.key;
    }
    show(result.entry);
  });

  const chosen = wanted ? entries.find((e) => e.key === wanted) : entries[0];
  if (fileProblem) showProblems(fileProblem);
  else if (wanted && !chosen) {
    showProblems(
      null,
      wanted.startsWith('file:')
        ? 'That scenario was opened from a file in another tab or session: open the file again here.'
        : `There is no shipped scenario called “${wanted}”. Showing the first one instead.`,
    );
  }
  const entry = chosen ?? entries[0];
  if (entry) show(entry);
  else el('p', { text: 'No scenario could be loaded.', parent: main });
}

/**
 * Fits each sheet to its page; a sheet that cannot fit gets a warning on screen (not on paper):
 * printed double-sided, the cards after it would land on the wrong backs.
 */
function fitToPages(sheets: HTMLElement): void {
  const tooLong = fitSheetsToPages(sheets);
  let warning = document.querySelector<HTMLElement>('#too-long');
  if (tooLong.length === 0) {
    warning?.remove();
    return;
  }
  const names = tooLong.map((s) => {
    // The sheet's heading (a private card is labelled by its heading, then its banner).
    const id = s.getAttribute('aria-labelledby')?.split(' ')[0];
    const heading = id ? document.getElementById(id)?.textContent : null;
    return `${heading || 'a sheet'}${s.classList.contains('card-private') ? ' (private card)' : ''}`;
  });
  if (!warning) {
    warning = el('p', { className: 'problems' });
    warning.id = 'too-long';
    warning.setAttribute('role', 'alert');
    document.querySelector('header.toolbar')?.append(warning);
  }
  warning.textContent = `Too long for one page even in smaller print: ${names.join('; ')}. Print single-sided, or shorten those texts in the scenario file: double-sided, the cards after it would land on the wrong backs.`;
}

window.addEventListener('beforeprint', () => {
  const sheets = document.querySelector<HTMLElement>('.sheets');
  if (sheets) fitToPages(sheets);
});

start();
