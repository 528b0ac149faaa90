/**
 * A turn timer, as a class on a projector meets it: the clock in the middle of the table counts
 * down, says "Nearly up" in its last seconds (and a screen reader hears it once), and a turn
 * that runs out is counted as the game says, on screen and in the log.
 */
import { click, expect, onScreen, openTitle, test, twin, until } from './support.ts';

test('a turn timer: the last seconds are said, and a turn that runs out is counted', async ({
  page,
  shots,
}) => {
  await openTitle(page);
  await page.evaluate(() => window.__oversight?.store.getState().setTimers({ turnSeconds: 13 }));
  await click(page, 'title.new-game');
  await onScreen(page, 'setup');
  await click(page, 'setup.start'); // solo: the Mayor is the person
  // To the person's first move on the table (through the session, as the screens' controls do).
  await page.waitForFunction(
    () => {
      const hooks = window.__oversight;
      const g = hooks?.store.getState().game;
      if (!hooks || !g) return false;
      if (g.waiting === 'read') hooks.session.finishBriefing();
      else if (g.waiting === 'continue') hooks.session.continue();
      return g.phase === 'negotiation' && g.waiting === 'human';
    },
    undefined,
    { timeout: 20_000, polling: 50 },
  );
  await onScreen(page, 'table');
  const step = await page.evaluate(() => window.__oversight?.store.getState().game?.step);

  // The last ten seconds: said once, by name, to a screen reader.
  await expect(page.getByRole('alert')).toContainText('Mayor: 10 seconds left.', {
    timeout: 10_000,
  });
  await shots.take('turn-timer-nearly-up');

  // Time up: the turn is counted (a pass, or opposing the package on the table), and the log
  // says so.
  await until(page, (s, before) => (s.game?.step ?? 0) > before, step ?? 0, { timeout: 15_000 });
  await expect(twin(page, 'table.log')).toContainText(/Time is up for Mayor|Mayor passes/);
});
