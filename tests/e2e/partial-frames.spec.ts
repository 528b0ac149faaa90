/**
 * Frames drawn only where tweens move (src/view/render-gate.ts, tween-region.ts) must leave the
 * same picture as whole frames. An all-bot game is played first to collect real table states.
 * Then, on a table where nothing moves by itself (every seat a person), each state that moves
 * the meters is shown in turn: its meter and balance tweens are drawn in part, and the picture
 * they leave must equal, pixel for pixel, the same state drawn whole.
 */
import type { GameView } from '../../src/store/types.ts';
import { expect, nextFrames, onScreen, openTitle, test, until } from './support.ts';

declare global {
  interface Window {
    __views?: GameView[];
  }
}

/** Starts a game of the flagship with every seat a bot (`bot`) or a person. */
async function startGame(page: import('@playwright/test').Page, bot: boolean): Promise<void> {
  await page.evaluate((bot) => {
    const hooks = window.__oversight;
    if (!hooks) throw new Error('no hooks');
    const s = hooks.store.getState();
    s.setSeed(1);
    const entry = s.catalogue.find((e) => e.key === s.setup.scenarioKey);
    for (const r of entry?.scenario.roles ?? []) s.setSeat(r.id, bot ? 'normal' : 'human');
    hooks.session.start();
  }, bot);
}

/** The game canvas's picture as a data URL (what it last drew). */
function canvasPixels(page: import('@playwright/test').Page): Promise<string> {
  return page.evaluate(() => window.__oversight?.game?.canvas.toDataURL('image/png') ?? '');
}

test('tweens drawn in part leave the same picture as a whole redraw', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await openTitle(page);
  // Real table states: the first 40 of an all-bot game.
  await page.evaluate(() => {
    const hooks = window.__oversight;
    const views: GameView[] = [];
    window.__views = views;
    hooks?.store.subscribe((s) => {
      if (s.game && s.screen === 'table' && views.at(-1) !== s.game && views.length < 40) {
        views.push(s.game);
      }
    });
  });
  await startGame(page, true);
  await page.waitForFunction(() => (window.__views?.length ?? 0) >= 40);
  await page.evaluate(() => window.__oversight?.session.leave());
  await onScreen(page, 'title');

  // A table where nothing moves by itself, showing the first state.
  await startGame(page, false);
  await page.evaluate(() => {
    const views = window.__views ?? [];
    window.__oversight?.store.setState({ screen: 'table', handoff: null, game: views[0] });
  });
  await until(page, (s) => s.activeScene === 'Table');

  const count = await page.evaluate(() => window.__views?.length ?? 0);
  let checked = 0;
  for (let i = 1; i < count && checked < 4; i++) {
    const meters = await page.evaluate((i) => {
      const hooks = window.__oversight;
      const views = window.__views ?? [];
      const view = views[i] as GameView;
      const before = hooks?.frames?.counts.partial ?? 0;
      hooks?.store.setState({ game: view });
      return { moved: view.view.meters !== views[i - 1]?.view.meters, before };
    }, i);
    if (!meters.moved) continue;
    // The tweens run to their end (the "+4" labels fade after a pause); the frames they drew
    // were partial.
    await page.waitForFunction(
      () => window.__oversight?.game?.scene.getScene('Table').tweens.getTweens().length === 0,
      undefined,
      { timeout: 10_000 },
    );
    const partial = await page.evaluate(() => window.__oversight?.frames?.counts.partial ?? 0);
    expect(partial, 'frames drawn in part while the meters moved').toBeGreaterThan(meters.before);
    // The canvas's own pixels: a page screenshot could itself set off a whole redraw.
    const inPart = await canvasPixels(page);
    await page.evaluate(() => window.__oversight?.frames?.invalidate());
    await nextFrames(page);
    await nextFrames(page);
    const whole = await canvasPixels(page);
    expect(inPart === whole, `state ${i}: the picture equals a whole redraw`).toBe(true);
    checked++;
  }
  expect(checked, 'states that moved the meters').toBeGreaterThanOrEqual(3);
});
