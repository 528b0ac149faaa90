/**
 * (a) A whole solo game of the flagship with the mouse only: real clicks at the centre of each
 * canvas control. The person plays the Mayor, bots the other seats. (f) Every kind of screen
 * met on the way is scanned with axe-core (canvas excluded): no serious or critical violations.
 */
import {
  type AxeResult,
  click,
  expect,
  FLAGSHIP,
  focusedId,
  nextFrames,
  onScreen,
  openTitle,
  play,
  repeatedIds,
  scan,
  summary,
  test,
  twin,
  until,
} from './support.ts';

test('solo game with the mouse: the Mayor against bots, from the title to the debrief', async ({
  page,
  shots,
}) => {
  const scans: AxeResult[] = [];
  const look = async (view: string) => {
    await shots.take(view);
    scans.push(await scan(page, view));
  };

  await openTitle(page);
  await look('title');

  // Choose the flagship scenario.
  const key = await page.evaluate(
    (id) => window.__oversight?.store.getState().catalogue.find((e) => e.scenario.id === id)?.key,
    FLAGSHIP,
  );
  expect(key, 'the flagship is in the catalogue').toBeTruthy();
  await click(page, `title.scenario.${key}`);
  await until(page, (s, k) => s.setup.scenarioKey === k, key);
  await expect(twin(page, `title.scenario.${key}`)).toHaveAttribute('aria-checked', 'true');

  // Settings open and close again.
  await click(page, 'title.settings');
  await expect(twin(page, 'settings.done')).toHaveCount(1);
  await look('title-settings');
  await click(page, 'settings.done');
  await expect(twin(page, 'title.new-game')).toHaveCount(1);

  // Set-up: solo, the person sits as the Mayor, bots everywhere else.
  await click(page, 'title.new-game');
  await onScreen(page, 'setup');
  await click(page, 'setup.mode.solo');
  await until(page, (s) => s.setup.mode === 'solo');
  // Move the person to the Met first, so that seating the Mayor is a real change.
  await click(page, 'setup.seat.met.human');
  await until(page, (s) => s.setup.seats.met === 'human' && s.setup.seats.mayor !== 'human');
  await click(page, 'setup.seat.mayor.human');
  await click(page, 'setup.seat.palantir.hard');
  await click(page, 'setup.seat.civil-liberties.easy');
  await until(
    page,
    (s) =>
      s.setup.seats.mayor === 'human' &&
      s.setup.seats.met === 'normal' &&
      s.setup.seats.palantir === 'hard' &&
      s.setup.seats['civil-liberties'] === 'easy',
  );
  await expect(twin(page, 'setup.seat.mayor.human')).toHaveAttribute('aria-checked', 'true');
  await look('setup-players');
  await click(page, 'setup.tab.options');
  await expect(twin(page, 'setup.seed')).toHaveCount(1);
  // A click moves the keyboard focus to what was clicked, as on a page: Tab goes on from there.
  expect(await focusedId(page)).toBe('setup.tab.options');
  await look('setup-options');
  await click(page, 'setup.tab.players');
  await expect(twin(page, 'setup.seat.mayor.human')).toHaveCount(1);

  await click(page, 'setup.start');
  await onScreen(page, 'briefing');
  const started = await summary(page);
  expect(started.game?.mode).toBe('solo');
  expect(started.game?.me, 'the Mayor reads their own brief').toBe('mayor');

  // The mouse wheel scrolls a long text: over the situation, it brings other lines into view.
  const situation = twin(page, 'briefing.public');
  await expect.poll(async () => (await situation.boundingBox()) !== null).toBe(true);
  const panel = await situation.boundingBox();
  if (!panel) throw new Error('the situation has no box');
  await nextFrames(page);
  const unscrolled = await page.screenshot({ clip: panel });
  await page.mouse.move(panel.x + panel.width / 2, panel.y + panel.height / 2);
  await page.mouse.wheel(0, 240);
  await nextFrames(page);
  expect((await page.screenshot({ clip: panel })).equals(unscrolled), 'the wheel scrolled').toBe(
    false,
  );

  const played = await play(page, {
    input: 'mouse',
    onView: async (view) => {
      await look(view);
      // Redraws leave no two elements with one id.
      expect(await repeatedIds(page), `ids on ${view}`).toEqual([]);
      // The package on the table opens in full, and the table comes back with the answer
      // still to give.
      if (view === 'table-respond') {
        const title = await page.evaluate(() => {
          const g = window.__oversight?.store.getState().game;
          const id = g?.view.pending?.assurances[0];
          return g?.scenario.assurances.find((a) => a.id === id)?.title.text ?? '';
        });
        await click(page, 'table.pending');
        await expect(twin(page, 'table.details')).toContainText(title);
        await look('table-details');
        await click(page, 'table.details.back');
        await expect(twin(page, 'table.support')).toHaveCount(1);
        expect(await focusedId(page)).toBe('table.pending');
      }
      // The hand in full: each card's background and the sources of its facts, from the card
      // last pointed at; Back returns to the hand with nothing ticked lost.
      if (view === 'table-propose') {
        const second = page.locator('[data-a11y-id^="table.pick."]').nth(1);
        const id = (await second.getAttribute('data-a11y-id'))?.slice('table.pick.'.length) ?? '';
        const card = await page.evaluate((cardId) => {
          const g = window.__oversight?.store.getState().game;
          return g?.scenario.assurances.find((x) => x.id === cardId)?.text.text ?? '?';
        }, id);
        const box = await second.boundingBox();
        if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await click(page, 'table.cards-info');
        const details = twin(page, 'table.details');
        await expect(details).toContainText(card);
        await expect(details).toContainText('Sources:');
        await look('table-cards-in-full');
        await click(page, 'table.details.back');
        await expect(twin(page, 'table.propose')).toHaveCount(1);
        expect(await focusedId(page)).toBe('table.cards-info');
      }
      // At the largest text, in projector mode, every choice still has its control (the rows
      // are laid out by trying several sizes, and a try thrown out once took the kept rows'
      // DOM twins with it), and a cut explanation opens every choice in full.
      if (view === 'decision-stance') {
        const ids = await page.evaluate(() => {
          const c = window.__oversight?.store.getState().game?.choices;
          return c?.kind === 'stance' ? c.decisions.map((d) => `decision.stance.${d}`) : [];
        });
        expect(ids.length, 'choices on the stance screen').toBeGreaterThan(1);
        await page.evaluate(() =>
          window.__oversight?.store.getState().updateSettings({ textScale: 1.5, projector: true }),
        );
        for (const id of ids) await expect(twin(page, id)).toHaveCount(1);
        await look('decision-stance-large');
        const explain = page.locator('[data-a11y-id^="decision.explain."]');
        if ((await explain.count()) > 0) {
          // The last choice's: the choices in full open at it, not at the first one.
          const opener = (await explain.last().getAttribute('data-a11y-id')) ?? '';
          await click(page, opener);
          await expect(twin(page, 'decision.full')).toContainText('Your score');
          const inView = await page.evaluate(
            (id) => {
              const hooks = window.__oversight;
              const g = hooks?.store.getState().game;
              const title = g?.scenario.decisions.find((d) => d.id === id)?.title.text ?? '?';
              // The box's lines in view (ScrollText keeps them as the Text it draws).
              const scene = hooks?.game?.scene.getScene('Decision') as unknown as
                | { fullText?: { content: { text: string } } }
                | undefined;
              const box = scene?.fullText;
              return { title, shown: box?.content.text ?? '' };
            },
            opener.replace('decision.explain.', ''),
          );
          expect(inView.shown).toContain(`• ${inView.title}`);
          await look('decision-choices-in-full');
          await click(page, 'decision.full.back');
        }
        await page.evaluate(() =>
          window.__oversight?.store.getState().updateSettings({ textScale: 1, projector: false }),
        );
        for (const id of ids) await expect(twin(page, id)).toHaveCount(1);
      }
      // On the table the meters are text too, as the screen shows them.
      if (view.startsWith('table-')) {
        const shown = await summary(page);
        const trust = Math.round(shown.game?.meters.trust ?? Number.NaN);
        await expect(twin(page, 'table.meters')).toContainText(
          new RegExp(`Trust ${trust} \\((healthy|too low|too high); band \\d+–\\d+\\)`),
        );
      }
    },
  });

  // The person really played: proposed, answered and took the decision, all as the Mayor.
  expect(played.moves).toContain('table.propose');
  expect(played.moves.some((m) => m.startsWith('decision.decide.'))).toBe(true);
  expect(played.moves.some((m) => m.startsWith('decision.stance.'))).toBe(true);
  const end = played.end;
  expect(end.screen).toBe('debrief');
  expect(end.game?.over).toBe(true);
  expect(end.game?.round).toBe(end.game?.roundsTotal);
  const revealed = await page.evaluate(() => {
    const g = window.__oversight?.store.getState().game;
    return {
      decision: g?.view.decision ?? null,
      roles: g?.view.revealed?.roles.map((r) => r.role) ?? [],
    };
  });
  expect(revealed.decision, 'a decision was taken').not.toBeNull();
  expect(revealed.roles.sort()).toEqual(['civil-liberties', 'mayor', 'met', 'palantir']);
  await expect(twin(page, 'debrief.section')).not.toHaveText('');
  // Results, for screen readers: headings to jump between, and lists whose length is said.
  const results = twin(page, 'debrief.section');
  await expect(results.getByRole('heading', { name: 'Final meters' })).toHaveCount(1);
  await expect(results.getByRole('listitem').filter({ hasText: 'reservation' })).toHaveCount(4);

  // The focus starts on the sections, not on "New game": two Enters must not start a new game
  // over this one before its results are saved.
  await until(page, () => document.activeElement?.closest('[data-a11y-id]') !== null);
  expect(await focusedId(page)).toMatch(/^debrief\.tab\./);

  // Every section of the debrief (a tab list), each scanned and photographed.
  const tabs = await page
    .locator('[data-a11y-id^="debrief.tab."]')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.a11yId ?? ''));
  expect(tabs.length, 'the debrief has sections').toBeGreaterThan(1);
  for (const tab of tabs.slice(1)) {
    await click(page, tab);
    await expect(twin(page, tab)).toHaveAttribute('aria-selected', 'true');
    await expect(twin(page, 'debrief.section')).not.toHaveText('');
    await look(`debrief-${tab.slice('debrief.tab.'.length)}`);
  }

  // Back to the title: the finished game is offered as the saved one.
  await click(page, 'debrief.title');
  await onScreen(page, 'title');
  await until(page, (s) => s.savedGameSummary?.finished === true);
  await expect(twin(page, 'title.continue')).toHaveCount(1);
  await look('title-after-game');
  // A new game would replace the finished one, its debrief and exports: Start says so.
  await click(page, 'title.new-game');
  await onScreen(page, 'setup');
  await expect(twin(page, 'setup.start')).toHaveAccessibleDescription(
    /Start replaces your saved game .*finished: save its replay or CSV row first/,
  );
  await click(page, 'setup.back');
  await onScreen(page, 'title');

  // Every kind of screen was scanned; none may have serious or critical problems.
  expect(scans.map((s) => s.view)).toEqual(
    expect.arrayContaining([
      'title',
      'setup-players',
      'briefing-continue',
      'table-event-continue',
      'table-propose',
      'decision-stance',
      'decision-decide',
      'aftermath-continue',
      'debrief-over',
    ]),
  );
  test.info().attach('axe-summary', {
    body: JSON.stringify(scans, null, 2),
    contentType: 'application/json',
  });
  for (const s of scans) {
    const bad = s.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect.soft(bad, `axe: serious/critical violations on ${s.view}`).toEqual([]);
  }
});
