/**
 * A class on a projector, one device for every group: a turn timer's clock says "Nearly up" in
 * its last seconds (and a screen reader hears it once), a turn that runs out is counted as the
 * game says; and a double click meant for one group's move does not make the next group's.
 */
import {
  advanceBySession,
  click,
  expect,
  onScreen,
  openSetup,
  openTitle,
  test,
  twin,
  until,
} from './support.ts';

test('a turn timer: the last seconds are said, and a turn that runs out is counted', async ({
  page,
  shots,
}) => {
  await openSetup(page);
  await page.evaluate(() => window.__oversight?.store.getState().setTimers({ turnSeconds: 13 }));
  await click(page, 'setup.start'); // solo: the Mayor is the person
  // To the person's first move on the table.
  await advanceBySession(page, 'person-to-move');
  await onScreen(page, 'table');
  const step = await page.evaluate(() => window.__oversight?.store.getState().game?.step);

  // The last ten seconds: said once, by name, to a screen reader.
  await expect(page.getByRole('alert')).toContainText(/Mayor: \d+ seconds left\./, {
    timeout: 10_000,
  });
  await shots.take('turn-timer-nearly-up');

  // Time up: the turn is counted (a pass, or opposing the package on the table), and the log
  // says so.
  await until(page, (s, before) => (s.game?.step ?? 0) > before, step ?? 0, { timeout: 15_000 });
  await expect(twin(page, 'table.log')).toContainText(/Time is up for Mayor|Mayor passes/);
});

test("whole class: a double click on one group's move does not answer for the next group", async ({
  page,
}) => {
  // The players' pace (no ?fast=1): a second press right after a move is not taken.
  await openTitle(page, '?renderer=canvas');
  await page.evaluate(() => {
    const s = window.__oversight?.store.getState();
    if (!s) return;
    s.setMode('projector');
    const entry = s.catalogue.find((e) => e.key === s.setup.scenarioKey);
    for (const role of entry?.scenario.roles ?? []) s.setSeat(role.id, 'human');
  });
  await click(page, 'title.new-game');
  await onScreen(page, 'setup');
  await click(page, 'setup.start');
  await onScreen(page, 'briefing');
  await click(page, 'briefing.begin');
  await onScreen(page, 'table');
  await page.waitForTimeout(800);
  await click(page, 'table.continue');
  await until(page, (s) => s.game?.phase === 'negotiation' && s.game.waiting === 'human');
  await page.waitForTimeout(800);
  const before = await page.evaluate(() => window.__oversight?.store.getState().game?.step ?? 0);
  // Pass, then a second click 0.3 s later where the next group's Pass has come up (a teacher's
  // slow double click).
  await expect(twin(page, 'table.pass')).toHaveCount(1);
  const box = await twin(page, 'table.pass').boundingBox();
  if (!box) throw new Error('no Pass button');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(300);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(200);
  const after = await page.evaluate(() => window.__oversight?.store.getState().game?.step ?? 0);
  expect(after - before, 'one move, not two').toBe(1);
  // Said, and shown on the page.
  await expect(page.getByRole('alert')).toContainText('right after the last move');
  await expect(page.locator('.toast')).toContainText('Press again if you meant it');
});
