/**
 * (e) Opening a broken scenario file (through the hidden file input) shows each problem with
 * its line, column, JSON path and code — the same report as `npm run scenario -- validate` —
 * and the page keeps working: the dialog closes, the catalogue is unchanged, a game can start,
 * and a good file opened afterwards joins the catalogue. A file dropped on the title opens too.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { click, expect, onScreen, openTitle, scan, test, twin, until } from './support.ts';

const GOOD = readFileSync('tests/fixtures/scenarios/minimal.json', 'utf8');

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function position(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in the file`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`${from} not in the fixture`);
  return text.replace(from, to);
}

/** Two structural problems: a number given as text, and a field the format does not have. */
const BROKEN = replaceOnce(
  replaceOnce(GOOD, '"start": 50,', '"start": "fifty",'),
  '"turnOrder": ["police", "residents", "council"]',
  '"turnOrder": ["police", "residents", "council"],\n    "rounds": 4',
);
/** Not JSON at all: a comma before a closing brace. */
const SYNTAX = `{\n  "formatVersion": 1,\n  "id": "oops",\n}\n`;

async function openFile(page: Page, name: string, text: string): Promise<void> {
  await page
    .locator('[data-scenario-file-input]')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('a broken scenario file lists its problems with line, column, path and code; the page keeps working', async ({
  page,
  shots,
}) => {
  await openTitle(page);
  const catalogue = await page.evaluate(
    () => window.__oversight?.store.getState().catalogue.map((e) => e.key) ?? [],
  );

  // 1. Structural problems.
  await openFile(page, 'broken-scenario.json', BROKEN);
  const dialog = page.getByRole('dialog', { name: 'broken-scenario.json could not be opened' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('2 problems found');
  const items = dialog.locator('.open-errors-list > li');
  await expect(items).toHaveCount(2);
  const start = position(BROKEN, '"fifty"');
  const rounds = position(BROKEN, '"rounds": 4');
  const expected = [
    { ...start, path: '$.meters.trust.start', code: 'E_TYPE' },
    { ...rounds, path: '$.rounds.rounds', code: 'E_UNKNOWN_KEY' },
  ];
  for (const [i, e] of expected.entries()) {
    const item = items.nth(i);
    await expect(item).toContainText(`Line ${e.line}, column ${e.column}`);
    await expect(item.locator('code', { hasText: e.path })).toHaveCount(1);
    await expect(item.locator('code', { hasText: e.code })).toHaveCount(1);
    // The CLI's own line, ready to copy.
    await expect(item.locator('.open-errors-raw')).toHaveText(
      new RegExp(
        `^broken-scenario\\.json:${e.line}:${e.column}: error ${e.code} at ${e.path.replace(/[$.]/g, '\\$&')}: `,
      ),
    );
  }
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await shots.take('problems-structure');
  const axe = await scan(page, 'open-errors');
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );
  // It is modal: Tab goes round its own stops (the list, Close) and never to the game behind.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press(i % 2 ? 'Shift+Tab' : 'Tab');
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement?.closest('.open-errors') !== null),
    ).toBe(true);
  }
  // Escape closes it; the title is still there and still works.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await until(page, (s) => s.openErrors === null);

  // 2. A syntax error.
  await openFile(page, 'syntax-error.json', SYNTAX);
  const syntax = page.getByRole('dialog', { name: 'syntax-error.json could not be opened' });
  await expect(syntax).toBeVisible();
  const comma = position(SYNTAX, ',\n}');
  await expect(syntax.locator('.open-errors-list > li').first()).toContainText(
    `Line ${comma.line}, column ${comma.column}`,
  );
  await expect(syntax.locator('code', { hasText: 'E_JSON_SYNTAX' })).toHaveCount(1);
  await shots.take('problems-syntax');
  await syntax.getByRole('button', { name: 'Close' }).click();
  await expect(syntax).toBeHidden();

  // Nothing was added, and the page still works: on to the set-up and back.
  expect(
    await page.evaluate(() => window.__oversight?.store.getState().catalogue.map((e) => e.key)),
  ).toEqual(catalogue);
  await click(page, 'title.new-game');
  await onScreen(page, 'setup');
  await click(page, 'setup.back');
  await onScreen(page, 'title');

  // 3. A good file opened afterwards joins the catalogue and can be chosen.
  await openFile(page, 'minimal.json', GOOD);
  await until(page, (s) => s.catalogue.some((e) => e.key === 'file:high-street-anpr'));
  await expect(twin(page, 'title.scenario.file:high-street-anpr')).toHaveCount(1);
  await expect(page.locator('.open-errors')).toBeHidden();
  await click(page, 'title.scenario.file:high-street-anpr');
  await until(page, (s) => s.setup.scenarioKey === 'file:high-street-anpr');
  await shots.take('title-with-opened-file');

  // 4. A file dropped on the title screen opens the same way (here, the broken one again), and
  // the page stays the game's.
  // The game keeps the drop (the browser would otherwise show the file in place of the page).
  expect(await dropFile(page, 'dropped.json', SYNTAX), 'the drop was the game’s').toBe(true);
  const dropped = page.getByRole('dialog', { name: 'dropped.json could not be opened' });
  await expect(dropped).toBeVisible();
  await expect(dropped.locator('code', { hasText: 'E_JSON_SYNTAX' })).toHaveCount(1);
  await dropped.getByRole('button', { name: 'Close' }).click();
  await expect(dropped).toBeHidden();
});

/**
 * Drags a file over the game's canvas and drops it there, as from the desktop. Returns whether
 * the page took both the drag-over and the drop (cancelled the browser's own handling).
 */
async function dropFile(page: Page, name: string, text: string): Promise<boolean> {
  return page.evaluate(
    ([fileName, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content], fileName, { type: 'application/json' }));
      const canvas = document.querySelector('canvas');
      if (!canvas) throw new Error('no canvas');
      const taken = (type: string) =>
        !canvas.dispatchEvent(
          new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
        );
      return taken('dragover') && taken('drop');
    },
    [name, text] as const,
  );
}
