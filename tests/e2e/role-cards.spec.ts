/**
 * The printable role cards (print.html): reached from the title screen by keyboard, one public
 * and one private card per role of the flagship with both briefs, a print layout (A4 pages, no
 * toolbar), no serious or critical axe-core problems, and any valid scenario file works too.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Scenario } from '../../src/scenario/schema.ts';
import { expect, FLAGSHIP, openTitle, press, SCREENS_DIR, scan, test, until } from './support.ts';

function scenarioFile(file: string): Scenario {
  return JSON.parse(readFileSync(file, 'utf8')) as Scenario;
}

const flagship = scenarioFile(path.join('scenarios', `${FLAGSHIP}.json`));

/** Text as the page shows it: runs of white space are one space. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

async function expectCards(page: Page, scenario: Scenario): Promise<void> {
  await expect(page.locator('main#cards')).toHaveAttribute('data-scenario', scenario.id);
  await expect(page.locator('article.role')).toHaveCount(scenario.roles.length);
  for (const role of scenario.roles) {
    const card = page.locator(`article.role[data-role="${role.id}"]`);
    await expect(card.locator('.card-public h2')).toHaveText(role.name.text);
    const text = squash((await card.textContent()) ?? '');
    expect(text, `${role.id}: public brief`).toContain(squash(role.publicBrief.text));
    expect(text, `${role.id}: private brief`).toContain(squash(role.privateBrief.text));
    await expect(card.locator('.card-private .private-banner')).toContainText('PRIVATE');
    await expect(card.locator('.card-private')).toContainText(
      `final score is ${role.reservation} or more`,
    );
    const offers = (scenario.assurances ?? []).filter((a) => a.deliverer === role.id);
    await expect(card.locator('.offers > li')).toHaveCount(offers.length);
    for (const offer of offers) {
      await expect(card.locator('.offers')).toContainText(offer.title.text);
    }
  }
}

test('role cards: from the title by keyboard, every role with its briefs, printable', async ({
  page,
}) => {
  await openTitle(page);
  await press(page, 'title.print-roles');
  await page.waitForURL(/\/print\.html\?scenario=/);
  expect(new URL(page.url()).searchParams.get('scenario')).toBe(FLAGSHIP);
  await expectCards(page, flagship);
  await expect(page).toHaveTitle(`Role cards: ${flagship.title.text} · Oversight`);

  // Keyboard: the controls are real, focusable HTML.
  await page.locator('#scenario').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Show cards' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Print role cards' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Back to the game' })).toHaveAttribute('href', './');

  const axe = await scan(page, 'role-cards');
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad, JSON.stringify(bad, null, 2)).toEqual([]);

  // Screen: the page as a teacher first sees it.
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS_DIR, 'role-cards-01-screen.png') });

  // Paper: no toolbar; each sheet (2 overview pages, then public + private per role) on its own
  // page; text is black on white.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.toolbar')).toBeHidden();
  const sheets = page.locator('.sheet');
  await expect(sheets).toHaveCount(2 + 2 * flagship.roles.length);
  // The teacher's second page ends with the scenario's objectives and lesson plans.
  const rules = page.locator('.sheet.rules');
  await expect(rules.getByRole('heading', { name: /learning objectives/ })).toHaveCount(1);
  await expect(rules.locator('li', { hasText: /^45 minutes: / })).toHaveCount(1);
  const breaks = await sheets.evaluateAll((nodes) =>
    nodes.map((n) => getComputedStyle(n).breakBefore),
  );
  expect(breaks[0]).not.toBe('page');
  expect(breaks.slice(1).every((b) => b === 'page')).toBe(true);
  const ink = await page
    .locator('.card-private .brief')
    .first()
    .evaluate((n) => getComputedStyle(n).color);
  expect(ink).toMatch(/^rgb\(17, 17, 17\)$/);
  // Each sheet fits its page (A4 less 10 mm margins), else printed double-sided a private card
  // would land on the back of another role's public card. Laid out at the page's width.
  await page.evaluate(() => document.fonts.ready);
  const mm = 96 / 25.4;
  await page.setViewportSize({ width: Math.round(190 * mm), height: Math.round(277 * mm) });
  const fit = await sheets.evaluateAll((nodes) =>
    nodes.map((n) => ({
      height: n.getBoundingClientRect().height,
      zoom: Number(getComputedStyle(n).getPropertyValue('--print-zoom') || 1),
    })),
  );
  for (const [i, sheet] of fit.entries()) {
    expect(sheet.height, `sheet ${i + 1}`).toBeLessThanOrEqual(277 * mm + 1);
    // Scaled, if at all, a little: still readable.
    expect(sheet.zoom, `sheet ${i + 1}`).toBeGreaterThanOrEqual(0.85);
  }
  // And as Chromium prints it: one A4 page per sheet.
  const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(2 + 2 * flagship.roles.length);
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({
    path: path.join(SCREENS_DIR, 'role-cards-02-print.png'),
    fullPage: true,
  });
});

test('role cards: a scenario opened from a file, on the title or on the page', async ({ page }) => {
  const duoFile = path.join('tests', 'fixtures', 'scenarios', 'duo.json');
  const duo = scenarioFile(duoFile);
  const tableFile = path.join('tests', 'fixtures', 'scenarios', 'table.json');

  // On the title: the opened file becomes the chosen scenario; its cards travel to the page.
  await openTitle(page);
  await page.locator('[data-scenario-file-input]').setInputFiles(duoFile);
  await until(page, (s, id) => s.setup.scenarioKey === `file:${id}`, duo.id);
  await press(page, 'title.print-roles');
  await page.waitForURL(/\/print\.html\?scenario=file/);
  await expectCards(page, duo);

  // On the page itself.
  await page.getByLabel('Or open a scenario file (.json):').setInputFiles(tableFile);
  const table = scenarioFile(tableFile);
  await expectCards(page, table);
  await expect(page.locator('.problems')).toBeHidden();
  // "Show cards" puts the choice in the address; the opened file is still there after it.
  await expect(page.locator('#scenario')).toHaveValue(`file:${table.id}`);
  await page.getByRole('button', { name: 'Show cards' }).click();
  await page.waitForURL((url) => url.searchParams.get('scenario') === `file:${table.id}`);
  await expectCards(page, table);
  await expect(page.locator('.problems')).toBeHidden();
});

test('role cards: a card too long for one page even in smaller print is named on the page', async ({
  page,
}) => {
  const tableFile = path.join('tests', 'fixtures', 'scenarios', 'table.json');
  const json = JSON.parse(readFileSync(tableFile, 'utf8'));
  const role = json.roles[0];
  // As long as a text may be (4,000 characters), citing sixty sources.
  role.privateBrief.text = 'A long brief. '.repeat(285).trim();
  for (let i = 0; i < 60; i++) {
    json.sources.push({
      id: `long-${i}`,
      title: `A report with a long title, number ${i}, about what happened`,
      url: `https://example.org/reports/${i}`,
    });
  }
  role.privateBrief.sources = json.sources.map((s: { id: string }) => s.id);
  await page.goto('/print.html');
  await page.getByLabel('Or open a scenario file (.json):').setInputFiles({
    name: 'long.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(json)),
  });
  const warning = page.locator('#too-long');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(role.shortName.text);
  await expect(warning).toContainText('Print single-sided');
  // Only on screen: the printed cards carry no warning.
  await page.emulateMedia({ media: 'print' });
  await expect(warning).toBeHidden();
});
