/**
 * (d) Reloading the page in the middle of a negotiation loses nothing: the title offers
 * "Continue saved game", and continuing puts the game back exactly where it was — same round,
 * same turn (step, phase, machine state, who acts and what they may do), same meters, same log.
 */
import type { Page } from '@playwright/test';
import {
  click,
  expect,
  onScreen,
  openSetup,
  openTitle,
  play,
  type Summary,
  summary,
  test,
  twin,
  until,
} from './support.ts';

/** The parts of the game that must survive a reload. */
function essentials(s: Summary) {
  const g = s.game;
  if (!g) throw new Error('no game');
  return {
    screen: s.screen,
    phase: g.phase,
    machineState: g.machineState,
    round: g.round,
    step: g.step,
    meters: g.meters,
    balance: g.balance,
    logLength: g.logLength,
    pending: g.pending,
    acting: g.acting,
    waiting: g.waiting,
    choices: g.choices,
    me: g.me,
  };
}

/** From the title, a new game with the set-up as it comes (solo, the Mayor), to its briefing. */
async function newGame(page: Page): Promise<void> {
  await openSetup(page);
  await click(page, 'setup.start');
  await onScreen(page, 'briefing');
}

test('reload mid-negotiation, then Continue resumes exactly where the game was', async ({
  page,
  shots,
}) => {
  await newGame(page);

  // Play into round 2, to a moment when the person (the Mayor) must propose.
  const played = await play(page, {
    input: 'mouse',
    stopWhen: (s) =>
      (s.game?.round ?? 0) >= 2 &&
      s.game?.phase === 'negotiation' &&
      s.game.waiting === 'human' &&
      s.game.choices?.kind === 'propose',
  });
  const before = essentials(played.end);
  expect(before.round).toBe(2);
  expect(before.logLength).toBeGreaterThan(3);
  const log = await page.evaluate(() =>
    JSON.stringify(window.__oversight?.store.getState().game?.view.log),
  );
  // The log's screen-reader twin is a list, an entry per item.
  const logEntries = twin(page, 'table.log').getByRole('listitem');
  const entries = await logEntries.allTextContents();
  expect(entries.length).toBeGreaterThan(3);
  // A card ticked (not a move yet) is ticked again after the reload.
  const pick = await page
    .locator('[data-a11y-id^="table.pick."]')
    .first()
    .getAttribute('data-a11y-id');
  if (!pick) throw new Error('no card to tick');
  await click(page, pick);
  await expect(twin(page, pick)).toHaveAttribute('aria-checked', 'true');
  await shots.take('before-reload');
  // Each move is saved within moments, without the page being left (a tab that crashes or is
  // discarded gets no chance to save).
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const text = localStorage.getItem('oversight.save.v1');
          const saved = text ? JSON.parse(text).game.snapshot.context.actions.length : -1;
          return saved === window.__oversight?.session.actor?.getSnapshot().context.actions.length;
        }),
      { message: 'the last move is autosaved' },
    )
    .toBe(true);

  await page.reload();
  await until(
    page,
    (s) => s.loaded && s.activeScene === 'Title' && s.savedGameSummary !== null,
    undefined,
    {
      timeout: 20_000,
    },
  );
  const saved = await page.evaluate(() => window.__oversight?.store.getState().savedGameSummary);
  expect(saved?.round).toBe(2);
  expect(saved?.phase).toBe('negotiation');
  expect(saved?.finished).toBe(false);
  await expect(page.getByRole('button', { name: 'Continue saved game' })).toHaveCount(1);
  await shots.take('title-with-save');

  await click(page, 'title.continue');
  await until(page, (s) => s.screen === 'table' && s.game !== null && !s.game.paused);
  await onScreen(page, 'table');
  const after = await summary(page);
  expect(essentials(after)).toEqual(before);
  expect(
    await page.evaluate(() => JSON.stringify(window.__oversight?.store.getState().game?.view.log)),
    'the same log, entry for entry',
  ).toBe(log);
  await expect(logEntries).toHaveText(entries);
  // The person's controls are back, with the card they had ticked.
  await expect(twin(page, 'table.pass')).toHaveCount(1);
  await expect(twin(page, pick)).toHaveAttribute('aria-checked', 'true');
  await shots.take('after-continue');
  await click(page, pick);
  await expect(twin(page, pick)).toHaveAttribute('aria-checked', 'false');

  // And the game goes on from there to the end.
  const rest = await play(page, { input: 'mouse' });
  expect(rest.end.game?.over).toBe(true);
});

test('one saved game: a second page takes it over, Start warns before replacing it, and deleting it takes two presses', async ({
  page,
  context,
  shots,
}) => {
  await newGame(page);

  // A second tab of the game continues the saved game: the first one stops, and says why.
  const other = await context.newPage();
  await openTitle(other);
  await click(other, 'title.continue');
  await until(page, (s) => s.screen === 'title' && s.activeScene === 'Title');
  await expect(page.locator('[data-live-region="assertive"]')).toContainText(
    'Another tab or window of Oversight saved its game',
  );
  await shots.take('title-after-other-page');
  await other.close();

  // Starting a new game here would replace the saved one: Start says so.
  await click(page, 'title.new-game');
  await onScreen(page, 'setup');
  const start = twin(page, 'setup.start');
  await expect(start).toHaveAccessibleDescription(/Start replaces your saved game/);
  await shots.take('setup-replaces-save');
  await click(page, 'setup.back');
  await onScreen(page, 'title');

  // Delete save asks again before the game is gone.
  await click(page, 'title.delete-save');
  await expect(twin(page, 'title.continue')).toHaveCount(1);
  await expect(twin(page, 'title.delete-save')).toHaveAccessibleName(/press again/);
  await click(page, 'title.delete-save');
  await expect(twin(page, 'title.continue')).toHaveCount(0);
});

test('a reload on Set-up comes back to Set-up with its choices; after Back, a reload opens the title', async ({
  page,
}) => {
  await openSetup(page);
  await click(page, 'setup.mode.pass-and-play');
  await until(page, (s) => s.setup.mode === 'pass-and-play');

  await page.reload();
  await until(
    page,
    (s) => s.loaded && s.screen === 'setup' && s.activeScene === 'Setup',
    undefined,
    {
      message: 'the reload did not come back to Set-up',
    },
  );
  expect(await page.evaluate(() => window.__oversight?.store.getState().setup.mode)).toBe(
    'pass-and-play',
  );

  await click(page, 'setup.back');
  await onScreen(page, 'title');
  await page.reload();
  // main.ts would go on to Set-up in the same task that marks the engine in: this is final.
  await until(page, (s) => s.loaded && s.screen === 'title' && s.activeScene === 'Title');
});
