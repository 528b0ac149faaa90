/**
 * (c) Pass and play with four people at one device. Every hand-off screen must hide everything
 * private — no private brief, no private worth, no game controls — until "I am <role>" is
 * pressed; after it, that role (and only that role) sees its own information.
 */
import type { Page } from '@playwright/test';
import {
  click,
  expect,
  nextFrames,
  onScreen,
  openSetup,
  play,
  press,
  repeatedIds,
  type Summary,
  scan,
  summary,
  tabTo,
  test,
  twin,
  until,
} from './support.ts';

/** Everything a person or a screen reader could get from the page, as text. */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const labels = [...document.querySelectorAll('[aria-label]')].map(
      (e) => e.getAttribute('aria-label') ?? '',
    );
    return `${document.body.textContent ?? ''}\n${labels.join('\n')}`;
  });
}

async function privateBriefs(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const g = window.__oversight?.store.getState().game;
    return Object.fromEntries(g?.scenario.roles.map((r) => [r.id, r.privateBrief.text]) ?? []);
  });
}

test('pass and play with four people: hand-offs hide private briefs until "I am …"', async ({
  page,
  shots,
}) => {
  await openSetup(page);
  await click(page, 'setup.mode.pass-and-play');
  await until(page, (s) => s.setup.mode === 'pass-and-play');
  await until(page, (s) => Object.values(s.setup.seats).every((seat) => seat === 'human'));
  const seats = await page.evaluate(() => window.__oversight?.store.getState().setup.seats ?? {});
  expect(Object.keys(seats)).toHaveLength(4);
  await shots.take('setup-pass-and-play');
  await click(page, 'setup.start');
  await onScreen(page, 'briefing');

  const briefs = await privateBriefs(page);
  expect(Object.keys(briefs).sort()).toEqual(['civil-liberties', 'mayor', 'met', 'palantir']);
  const briefed: string[] = [];
  let handoffs = 0;
  const leaks: string[] = [];
  let shotHandoff = false;
  let shotBrief = false;

  const onHandoff = async (s: Summary) => {
    handoffs++;
    const handoff = s.handoff;
    if (!handoff) throw new Error('no hand-off');
    // The store holds nothing private: the public view only.
    expect(s.game?.me, 'no private view during a hand-off').toBeNull();
    expect(s.game?.viewer).toBeNull();
    expect(s.game?.choices).toBeNull();
    // The screen offers only "I am <role>" (and quitting): no game control, no brief.
    await expect(page.getByRole('button', { name: `I am ${handoff.roleName}` })).toHaveCount(1);
    // Nothing private of anyone may be on the page, nor any control besides "I am …"/Quit.
    const text = await pageText(page);
    const where = await page.evaluate(() => ({
      holder: window.__oversight?.session.table?.holder ?? null,
      ids: window.__oversight?.a11y.ids() ?? [],
    }));
    const problems: string[] = [];
    for (const [role, brief] of Object.entries(briefs)) {
      if (text.includes(brief)) problems.push(`${role}'s private brief is on the page`);
    }
    const worth = text.match(/[^\n•]*\bto you\b[^\n]*/g) ?? [];
    if (worth.length > 0) problems.push(`private worth: ${worth.map((w) => w.trim()).join(' | ')}`);
    const extra = where.ids.filter((id) => id !== 'handoff.confirm' && id !== 'game.quit');
    if (extra.length > 0) problems.push(`controls besides "I am …" and Quit: ${extra.join(', ')}`);
    if (problems.length > 0) {
      leaks.push(
        `hand-off to ${handoff.role} (${handoff.why}, step ${s.game?.step}, device held by ${where.holder}): ${problems.join('; ')}`,
      );
    }
    if (!shotHandoff) {
      shotHandoff = true;
      // Escape does not pause the game behind a hand-off screen (nothing would show it).
      await page.keyboard.press('Escape');
      await nextFrames(page);
      expect((await summary(page)).game?.paused).toBe(false);
      const result = await scan(page, 'handoff');
      expect(
        result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
      ).toEqual([]);
    }
  };

  const afterHandoff = async (s: Summary, role: string) => {
    expect(s.handoff).toBeNull();
    expect(s.game?.viewer, 'the confirmed person sees their own view').toBe(role);
    expect(s.game?.me).toBe(role);
    if (s.game?.phase === 'briefing') {
      expect(s.game.reader).toBe(role);
      await expect(twin(page, 'briefing.private')).toContainText(briefs[role] ?? '<missing>');
      for (const [other, brief] of Object.entries(briefs)) {
        if (other === role) continue;
        expect((await pageText(page)).includes(brief), `${other}'s brief hidden from ${role}`).toBe(
          false,
        );
      }
      briefed.push(role);
      if (!shotBrief) {
        shotBrief = true;
        await shots.take(`brief-${role}`);
      }
    } else if (s.game?.choices) {
      expect(s.game.choices.role).toBe(role);
    }
  };

  const played = await play(page, {
    input: 'mouse',
    onHandoff,
    afterHandoff,
    onView: async (view, s) => {
      await shots.take(view);
      // Hand-offs and redraws leave no two elements with one id.
      expect(await repeatedIds(page), `ids on ${view}`).toEqual([]);
      // Everyone has read: "Begin round 1" is for the whole table, with nobody's brief beside it.
      if (s.game?.phase === 'briefing' && s.game.waiting === 'continue') {
        const text = await pageText(page);
        for (const [role, brief] of Object.entries(briefs))
          expect(text.includes(brief), `${role}'s brief beside Begin round 1`).toBe(false);
      }
    },
  });

  expect(leaks, 'hand-off screens that show or hold private information').toEqual([]);
  // Each person read their own brief once, in turn order; many hand-offs followed.
  expect(briefed).toEqual(['met', 'palantir', 'civil-liberties', 'mayor']);
  expect(handoffs).toBeGreaterThan(8);
  expect(played.end.screen).toBe('debrief');
  expect(played.end.game?.over).toBe(true);
  expect(played.end.game?.mode).toBe('pass-and-play');
  expect(played.moves.filter((m) => m === 'handoff.confirm').length).toBe(handoffs);
  expect(played.moves).toContain('table.propose');
  expect(played.moves).toContain('table.support');
  const end = await summary(page);
  expect(end.handoff).toBeNull();
});

test('a second Enter meant for the move before does not get past the next hand-off', async ({
  page,
}) => {
  await openSetup(page);
  await click(page, 'setup.mode.pass-and-play');
  await until(
    page,
    (s) =>
      s.setup.mode === 'pass-and-play' &&
      Object.values(s.setup.seats).every((seat) => seat === 'human'),
  );
  await click(page, 'setup.start');
  await until(page, (s) => s.handoff !== null);
  // The keyboard from here on (a key pressed shows the focus ring again after the clicks).
  await page.keyboard.press('Tab');
  await press(page, 'handoff.confirm');
  await until(page, (s) => s.handoff === null && s.game?.waiting === 'read');
  const reader = (await summary(page)).game?.reader;

  // Enter on "I have read my brief", then again as the next hand-off comes up with the focus on
  // "I am …": the second press must not show the next player's brief to this one.
  await tabTo(page, 'briefing.done');
  await page.keyboard.press('Enter');
  await expect(twin(page, 'handoff.confirm')).toBeFocused();
  const next = (await summary(page)).handoff?.role;
  expect(next).toBeDefined();
  expect(next).not.toBe(reader);
  await page.keyboard.press('Enter');
  await nextFrames(page);
  expect((await summary(page)).handoff?.role, 'still behind the hand-off screen').toBe(next);

  // A moment later "I am …" works, by keyboard as by mouse.
  await expect(twin(page, 'handoff.confirm')).not.toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Enter');
  await until(page, (s) => s.handoff === null);
  expect((await summary(page)).game?.reader).toBe(next);

  // The same after Continue: the hand-off that comes back is a new one, not armed already
  // (the scene is the same object from game to game).
  await press(page, 'game.quit');
  await onScreen(page, 'title');
  await press(page, 'title.continue');
  await expect(twin(page, 'handoff.confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await nextFrames(page);
  expect((await summary(page)).handoff, 'still behind the hand-off screen').not.toBeNull();
});
