/**
 * The end-of-game screens (stances and decision, aftermath, debrief) are a download of their own
 * (src/view/later-scenes.ts). On a slow school network a game can reach the stances before it
 * lands: the table then waits, says so, and offers none of its own moves for a choice it does
 * not make; once the download is in, the stances screen takes over.
 */
import { advanceBySession, click, expect, openSetup, test, twin, until } from './support.ts';

test('stances reached before their screen has downloaded: the table waits, offering no move', async ({
  page,
}) => {
  // Hold the end-of-game download until the game is at the stances.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/later-scenes-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await openSetup(page);
  await click(page, 'setup.start'); // solo: the Mayor is the person
  // To the stances quickly: the person passes, supports and continues.
  await advanceBySession(page, 'stances');
  await until(page, (s) => s.screen === 'decision' && s.game?.choices?.kind === 'stance');
  expect(await page.evaluate(() => window.__oversight?.store.getState().activeScene)).toBe('Table');
  // The person is asked for a stance, which the table cannot take: it offers nothing.
  for (const id of ['table.propose', 'table.pass', 'table.support', 'table.cards-info']) {
    await expect(twin(page, id)).toHaveCount(0);
  }
  release();
  // Once in, the stances screen takes over and asks the person.
  await until(page, (s) => s.activeScene === 'Decision', undefined, { timeout: 30_000 });
  await expect(page.locator('[data-a11y-id^="decision.stance."]').first()).toBeVisible();
});
