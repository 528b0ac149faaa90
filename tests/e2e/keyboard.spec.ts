/**
 * (b) A whole solo game with the keyboard only: Tab / Shift+Tab to move, Enter or Space to
 * press, arrow keys inside radio groups, Escape to close the settings and to pause/resume.
 * Each time a control is reached, the focused element must show a visible focus ring.
 */
import type { Page } from '@playwright/test';
import {
  expect,
  expectFocusVisible,
  focusedId,
  onScreen,
  openTitle,
  play,
  press,
  scan,
  summary,
  tabTo,
  test,
  twin,
  until,
} from './support.ts';

test('solo game by keyboard only, with a visible focus ring all the way', async ({
  page,
  shots,
}) => {
  await openTitle(page);
  // Nothing has the focus yet: the first Tab enters the game's controls.
  await page.keyboard.press('Tab');
  expect(await focusedId(page), 'Tab reaches a game control').not.toBeNull();
  await expectFocusVisible(page);

  // Settings: Enter opens them, Escape closes them and gives the focus back to the button.
  await press(page, 'title.settings');
  await expect(twin(page, 'settings.done')).toBeFocused();
  await expectFocusVisible(page);
  await shots.take('title-settings');
  await page.keyboard.press('Escape');
  await expect(twin(page, 'title.new-game')).toHaveCount(1);
  await expect(twin(page, 'title.settings')).toBeFocused();

  await press(page, 'title.new-game');
  await onScreen(page, 'setup');
  // Solo: the person is the Mayor by default; make the Met an easy bot with the arrow keys.
  await until(page, (s) => s.setup.mode === 'solo' && s.setup.seats.mayor === 'human');
  const metNow = await page.evaluate(() => window.__oversight?.store.getState().setup.seats.met);
  await tabTo(page, `setup.seat.met.${metNow}`);
  await page.keyboard.press('ArrowLeft');
  await until(page, (s, before) => s.setup.seats.met !== before, metNow);
  const metAfter = await page.evaluate(() => window.__oversight?.store.getState().setup.seats.met);
  await expect(twin(page, `setup.seat.met.${metAfter}`)).toBeFocused();
  await expectFocusVisible(page);
  // Shift+Tab goes back (to the Mayor's seat group, which comes before the Met's).
  await page.keyboard.press('Shift+Tab');
  expect(await focusedId(page)).toMatch(/^setup\.seat\.mayor\./);
  await expectFocusVisible(page);
  await shots.take('setup');
  await press(page, 'setup.start');
  await onScreen(page, 'briefing');

  // In the game: Escape pauses (the pause screen takes the focus), Escape again resumes.
  await until(page, (s) => s.game?.waiting === 'continue');
  await page.keyboard.press('Escape');
  await until(page, (s) => s.game?.paused === true);
  await expect(twin(page, 'paused.resume')).toHaveCount(1);
  await tabTo(page, 'paused.resume');
  await shots.take('paused');
  const paused = await scan(page, 'paused');
  expect(
    paused.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
  ).toEqual([]);
  // The settings open from the paused game; Escape closes them and leaves the game paused.
  await press(page, 'paused.settings');
  await expect(twin(page, 'settings.projector')).toHaveCount(1);
  await expect.poll(() => focusedId(page)).toBe('settings.done');
  await shots.take('paused-settings');
  // A change is made at once, behind the still-open panel, and the game stays paused.
  await press(page, 'settings.projector', 'Space');
  await expect(twin(page, 'settings.projector')).toHaveAttribute('aria-checked', 'true');
  await press(page, 'settings.projector', 'Space');
  await expect(twin(page, 'settings.projector')).toHaveAttribute('aria-checked', 'false');
  await tabTo(page, 'settings.done');
  await page.keyboard.press('Escape');
  await expect(twin(page, 'settings.projector')).toHaveCount(0);
  await expect.poll(() => focusedId(page)).toBe('paused.settings');
  expect((await summary(page)).game?.paused).toBe(true);
  await page.keyboard.press('Escape');
  await until(page, (s) => s.game?.paused === false);

  const played = await play(page, {
    input: 'keyboard',
    onView: async (view) => {
      await shots.take(view);
      if (view === 'table-propose') await fourthCardRefused(page);
      if (view === 'table-respond') await packageReadInFull(page);
      if (view === 'decision-decide') await conditionsReadInFull(page);
    },
  });
  expect(played.end.screen).toBe('debrief');
  expect(played.end.game?.over).toBe(true);
  expect(played.moves).toContain('table.propose');
  expect(played.moves.some((m) => m.startsWith('decision.decide.'))).toBe(true);

  // The debrief's sections are a tab list: one Tab stop, arrow keys move between them.
  const first = page.locator('[data-a11y-id^="debrief.tab."][aria-selected="true"]');
  const firstId = await first.getAttribute('data-a11y-id');
  if (!firstId) throw new Error('no selected debrief tab');
  await tabTo(page, firstId);
  await page.keyboard.press('ArrowRight');
  await expect(twin(page, firstId)).toHaveAttribute('aria-selected', 'false');
  const second = await focusedId(page);
  expect(second).toMatch(/^debrief\.tab\./);
  await expect(twin(page, second ?? '')).toHaveAttribute('aria-selected', 'true');
  await expectFocusVisible(page);
  await shots.take('debrief-second-tab');

  await press(page, 'debrief.title');
  await onScreen(page, 'title');
  expect((await summary(page)).screen).toBe('title');
});

/**
 * On an answering turn, the package on the table opens in full (Enter), and Escape goes back to
 * the table — to the package, not to the paused screen — with the answer still to give.
 */
async function packageReadInFull(page: Page): Promise<void> {
  const title = await page.evaluate(() => {
    const g = window.__oversight?.store.getState().game;
    const id = g?.view.pending?.assurances[0];
    return g?.scenario.assurances.find((a) => a.id === id)?.title.text ?? '';
  });
  expect(title, 'a package on the table').not.toBe('');
  await press(page, 'table.pending');
  // The words come first: a screen reader reads them, the arrow keys scroll them.
  await expect.poll(() => focusedId(page)).toBe('table.details');
  await expect(twin(page, 'table.details')).toContainText(title);
  await expect(twin(page, 'table.details.back')).toHaveCount(1);
  await expect(twin(page, 'table.support')).toHaveCount(0);
  await expectFocusVisible(page);
  await page.keyboard.press('Escape');
  await expect.poll(() => focusedId(page)).toBe('table.pending');
  // Another opener while it is open: the box takes the new words and the new name.
  await press(page, 'table.pending');
  await press(page, 'table.balance-info');
  await expect(twin(page, 'table.details')).toHaveAttribute('aria-label', /How the balance/);
  await expect(twin(page, 'table.details')).toContainText('geometric mean');
  await page.keyboard.press('Escape');
  await expect.poll(() => focusedId(page)).toBe('table.balance-info');
  await expect(twin(page, 'table.details')).toHaveCount(0);
  await expect(twin(page, 'table.support')).toHaveCount(1);
  expect((await summary(page)).game?.paused).toBe(false);
}

/**
 * On the decision, the conditions on the table (cut to the stances' panel) open in full over
 * the decisions, and Escape brings the decisions back with the focus where it was.
 */
async function conditionsReadInFull(page: Page): Promise<void> {
  const agreed = await page.evaluate(
    () => window.__oversight?.store.getState().game?.view.agreed.length ?? 0,
  );
  if (agreed === 0) return;
  await press(page, 'decision.agreed');
  await expect.poll(() => focusedId(page)).toBe('decision.full');
  await expect(twin(page, 'decision.full')).toContainText('agreed in round');
  await expect(page.locator('[data-a11y-id^="decision.decide."]')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect.poll(() => focusedId(page)).toBe('decision.agreed');
  expect(await page.locator('[data-a11y-id^="decision.decide."]').count()).toBeGreaterThan(0);
  expect((await summary(page)).game?.paused).toBe(false);
}

/**
 * On a proposing turn, a fourth card is not ticked: the three stay ticked and the reason is
 * said at once (assertive). The cards are then unticked, leaving the turn as it was.
 */
async function fourthCardRefused(page: Page): Promise<void> {
  const ids = await page
    .locator('[data-a11y-id^="table.pick."]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-a11y-id') ?? ''));
  expect(ids.length, 'cards on a proposing turn').toBeGreaterThanOrEqual(4);
  const four = ids.slice(0, 4);
  for (const id of four) await press(page, id, 'Space');
  for (const id of four.slice(0, 3))
    await expect(twin(page, id)).toHaveAttribute('aria-checked', 'true');
  await expect(twin(page, four[3] ?? '')).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByRole('alert')).toContainText('at most three');
  // Filled in the same moment as the alert: it must not say the refused card was unticked.
  await expect(page.getByRole('status')).not.toContainText('unticked');
  for (const id of four.slice(0, 3)) {
    await press(page, id, 'Space');
    await expect(twin(page, id)).toHaveAttribute('aria-checked', 'false');
  }
  // The alert goes once it has been said: it no longer applies.
  await expect(page.getByRole('alert')).toHaveText('', { timeout: 15_000 });
}
