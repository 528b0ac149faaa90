/**
 * The renderers as players get them. The other specs force Canvas for speed (see TEST_QUERY in
 * support.ts). This one checks what the game picks by itself (src/view/renderer-choice.ts:
 * Canvas when WebGL runs on the CPU, as SwiftShader does here; WebGL on a GPU), then forces
 * WebGL and watches an all-bot game play itself from the set-up to the debrief, with no console
 * errors.
 */
import { isSoftwareGl } from '../../src/view/renderer-choice.ts';
import { click, expect, onScreen, openTitle, test, until } from './support.ts';

test('the game picks Canvas when WebGL is software, WebGL on a GPU', async ({ page }) => {
  await openTitle(page, '?fast=1');
  const { renderer, gl } = await page.evaluate(() => {
    const probe = document.createElement('canvas').getContext('webgl');
    const info = probe?.getExtension('WEBGL_debug_renderer_info');
    return {
      renderer: window.__oversight?.game?.renderer.type,
      gl: info && probe ? String(probe.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '',
    };
  });
  expect(renderer, `WebGL here: "${gl}"`).toBe(isSoftwareGl(gl) ? 1 : 2);
});

test('WebGL renderer: an all-bot game plays itself to the debrief', async ({ page, shots }) => {
  await openTitle(page, '?fast=1&renderer=webgl');
  const renderer = await page.evaluate(() => window.__oversight?.game?.renderer.type);
  expect(renderer, 'WebGL (2)').toBe(2);
  await shots.take('title-webgl');
  await click(page, 'title.new-game');
  await onScreen(page, 'setup');
  // Making the person's seat a bot leaves nobody: a game of bots to watch.
  await click(page, 'setup.seat.mayor.normal');
  await until(page, (s) => Object.values(s.setup.seats).every((seat) => seat !== 'human'));
  await click(page, 'setup.start');
  await until(page, (s) => s.screen === 'debrief' && s.activeScene === 'Debrief', undefined, {
    // WebGL on SwiftShader is slow here: about 20 s for the whole game.
    timeout: 60_000,
  });
  const end = await page.evaluate(() => {
    const g = window.__oversight?.store.getState().game;
    return { over: g?.over, decision: g?.view.decision ?? null, round: g?.view.round };
  });
  expect(end.over).toBe(true);
  expect(end.decision).not.toBeNull();
  await shots.take('debrief-webgl');
});
