/**
 * Shared helpers for the browser tests. They drive the game the way a person does — real mouse
 * clicks at the centre of a canvas control (found through its DOM twin `[data-a11y-id=…]`, which
 * is `pointer-events: none`, so the click lands on the canvas), or real key presses — and wait
 * on the app store (`window.__oversight.store`), never on fixed sleeps or pixels.
 *
 * Every test gets, automatically:
 * - a console/page-error guard: any `console.error` or uncaught page error fails the test
 *   (SwiftShader's harmless "GL Driver Message … ReadPixels" lines are ignored; toolchain G16);
 * - `shots.take(name)`: a screenshot in test-results/screens/<test>-NN-<name>.png.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { AppState, GameView } from '../../src/store/types.ts';
import { SCENE_FOR_SCREEN } from '../../src/view/router.ts';

export { expect };

export const SCREENS_DIR = path.join('test-results', 'screens');
export const AXE_DIR = path.join('test-results', 'axe');
export const FLAGSHIP = 'met-palantir-2026';

const HARMLESS = [/GL Driver Message/i, /ReadPixels/i];

export interface Shots {
  /** Saves a screenshot of the page after the canvas has drawn its latest frame. */
  take(name: string): Promise<string>;
  readonly taken: string[];
}

export const test = base.extend<{ consoleGuard: string[]; shots: Shots }>({
  consoleGuard: [
    async ({ page }, use, testInfo) => {
      const problems: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text();
        if (HARMLESS.some((re) => re.test(text))) return;
        const at = msg.location();
        problems.push(`console.error: ${text}${at.url ? ` (${at.url}:${at.lineNumber})` : ''}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
      await use(problems);
      if (problems.length > 0) {
        await testInfo.attach('console-errors', { body: problems.join('\n') });
      }
      expect(problems, 'no console errors or uncaught page errors').toEqual([]);
    },
    { auto: true },
  ],
  shots: async ({ page }, use, testInfo) => {
    mkdirSync(SCREENS_DIR, { recursive: true });
    const slug = testInfo.titlePath
      .slice(1)
      .join('-')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60);
    const taken: string[] = [];
    await use({
      taken,
      async take(name) {
        await nextFrames(page);
        const file = path.join(
          SCREENS_DIR,
          `${slug}-${String(taken.length + 1).padStart(2, '0')}-${name}.png`,
        );
        await page.screenshot({ path: file });
        taken.push(file);
        return file;
      },
    });
  },
});

// ——— store access ———

/** Waits until `predicate(store state, arg)` is true in the page. `predicate` must be
 * self-contained (it is serialised into the page). */
export async function until<A>(
  page: Page,
  predicate: (state: AppState, arg: A) => unknown,
  arg?: A,
  options: { timeout?: number; message?: string } = {},
): Promise<void> {
  try {
    await page.waitForFunction(
      ([source, a]) => {
        const hooks = window.__oversight;
        if (!hooks) return false;
        const fn = new Function(`return (${source})`)() as (s: unknown, a: unknown) => unknown;
        return Boolean(fn(hooks.store.getState(), a));
      },
      [predicate.toString(), arg] as const,
      { timeout: options.timeout ?? 10_000, polling: 'raf' },
    );
  } catch (error) {
    const now = await summary(page).catch(() => null);
    throw new Error(
      `${options.message ?? `timed out waiting for ${predicate.toString()}`}\nstate now: ${JSON.stringify(now)}`,
      { cause: error },
    );
  }
}

/** A small, serialisable picture of where the game is. */
export interface Summary {
  screen: string;
  activeScene: string | null;
  loaded: boolean;
  handoff: { role: string; roleName: string; why: string } | null;
  game: null | {
    phase: GameView['phase'];
    machineState: string;
    waiting: GameView['waiting'];
    paused: boolean;
    over: boolean;
    step: number;
    round: number;
    roundsTotal: number;
    meters: Record<string, number>;
    balance: number;
    logLength: number;
    viewer: string | null;
    me: string | null;
    pending: boolean;
    choices: GameView['choices'];
    reader: string | null;
    acting: GameView['acting'];
    mode: string;
  };
}

export async function summary(page: Page): Promise<Summary> {
  return page.evaluate(() => {
    const s = window.__oversight?.store.getState();
    if (!s) throw new Error('window.__oversight is missing');
    const g = s.game;
    return {
      screen: s.screen,
      activeScene: s.activeScene,
      loaded: s.loaded,
      handoff: s.handoff ? { ...s.handoff } : null,
      game: g
        ? {
            phase: g.phase,
            machineState: g.machineState,
            waiting: g.waiting,
            paused: g.paused,
            over: g.over,
            step: g.step,
            round: g.view.round,
            roundsTotal: g.view.roundsTotal,
            meters: { ...g.view.meters },
            balance: g.view.balance,
            logLength: g.view.log.length,
            viewer: g.viewer,
            me: g.view.me?.role ?? null,
            pending: g.view.pending !== null,
            choices: g.choices ? structuredClone(g.choices) : null,
            reader: g.briefing.reader,
            acting: { ...g.acting },
            mode: g.mode,
          }
        : null,
    };
  });
}

/**
 * The query the tests open the game with: bots move at once (`fast=1`), and the Canvas renderer.
 * Headless Chromium here has no GPU, so WebGL runs on SwiftShader, which keeps the page's main
 * thread so busy that every Playwright round trip takes ~100–600 ms (Canvas: ~3–40 ms); one
 * test (smoke.spec.ts) covers the default renderer.
 */
export const TEST_QUERY = '?fast=1&renderer=canvas';

/** Opens the game and waits for the title with the engine in. */
export async function openTitle(page: Page, query = TEST_QUERY): Promise<void> {
  await page.goto(`/${query}`);
  await until(
    page,
    (s) => s.loaded && s.screen === 'title' && s.activeScene === 'Title' && s.catalogue.length > 0,
    undefined,
    { timeout: 20_000, message: 'the title screen did not come up' },
  );
  await expect(twin(page, 'title.new-game')).toHaveCount(1);
}

/** The title, then New game with the mouse: Set-up on show. */
export async function openSetup(page: Page): Promise<void> {
  await openTitle(page);
  await click(page, 'title.new-game');
  await onScreen(page, 'setup');
}

/**
 * Moves a game on through the session, as the screens' controls do (the specs that are about
 * the controls play with real clicks and keys): briefs are read and screens continued, and the
 * person passes and supports. Stops at the person's first move on the table, or at the stances.
 */
export async function advanceBySession(
  page: Page,
  stopAt: 'person-to-move' | 'stances',
): Promise<void> {
  await page.waitForFunction(
    (stop) => {
      const hooks = window.__oversight;
      const g = hooks?.store.getState().game;
      if (!hooks || !g) return false;
      if (stop === 'stances' ? g.phase === 'stances' : g.waiting === 'human') return true;
      const c = g.choices;
      if (g.waiting === 'read') hooks.session.finishBriefing();
      else if (g.waiting === 'continue') hooks.session.continue();
      else if (c?.kind === 'propose') hooks.session.send({ type: 'PASS', role: c.role });
      else if (c?.kind === 'respond')
        hooks.session.send({ type: 'RESPOND', role: c.role, response: 'support' });
      return false;
    },
    stopAt,
    { timeout: 30_000, polling: 50 },
  );
}

/** Waits for the scene of `screen` to be the one on show. */
export async function onScreen(page: Page, screen: string): Promise<void> {
  await until(page, (s, a) => s.screen === a.screen && s.activeScene === a.scene, {
    screen,
    scene: (SCENE_FOR_SCREEN as Record<string, string>)[screen] ?? screen,
  });
}

// ——— controls ———

export function twin(page: Page, id: string): Locator {
  return page.locator(`[data-a11y-id="${id}"]`);
}

/** A real mouse click at the centre of the canvas control with this id. */
export async function click(page: Page, id: string): Promise<void> {
  const control = twin(page, id);
  await expect(control, `control ${id} on screen`).toHaveCount(1);
  await expect(control, `control ${id} enabled`).not.toHaveAttribute('aria-disabled', 'true');
  // A twin is laid out over its canvas control a frame after a redraw registers it.
  await expect
    .poll(async () => (await control.boundingBox()) !== null, { message: `control ${id} laid out` })
    .toBe(true);
  const box = await control.boundingBox();
  if (!box) throw new Error(`control ${id} has no box`);
  const canvas = await page.locator('canvas').boundingBox();
  if (!canvas) throw new Error('no canvas');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  expect(
    x >= canvas.x && x <= canvas.x + canvas.width && y >= canvas.y && y <= canvas.y + canvas.height,
    `${id} lies over the canvas`,
  ).toBe(true);
  await page.mouse.click(x, y);
}

/** Ids of the focusable controls in Tab order. */
async function tabStops(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-a11y-layer] [data-a11y-id]')]
      .filter((e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled)
      .map((e) => e.dataset.a11yId ?? ''),
  );
}

export async function focusedId(page: Page): Promise<string | null> {
  return page.evaluate(
    () => (document.activeElement as HTMLElement | null)?.dataset?.a11yId ?? null,
  );
}

/** The focused element shows a focus ring: it matches :focus-visible and has an outline. */
export async function expectFocusVisible(page: Page): Promise<void> {
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      id: el.dataset.a11yId ?? el.tagName,
      focusVisible: el.matches(':focus-visible'),
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
    };
  });
  expect(ring, 'something has the keyboard focus').not.toBeNull();
  expect(ring?.focusVisible, `${ring?.id} matches :focus-visible`).toBe(true);
  expect(ring?.outlineStyle, `${ring?.id} has a visible outline`).not.toBe('none');
  expect(ring?.outlineWidth, `${ring?.id} outline width`).not.toBe('0px');
}

/**
 * Moves the keyboard focus to the control `id` with Tab (forwards) or Shift+Tab (backwards,
 * when the target comes before the focused control), checking the focus ring on arrival.
 */
export async function tabTo(page: Page, id: string): Promise<void> {
  await expect(twin(page, id), `control ${id} on screen`).toHaveCount(1);
  for (let presses = 0; presses < 80; presses++) {
    const current = await focusedId(page);
    if (current === id) {
      await expectFocusVisible(page);
      return;
    }
    const stops = await tabStops(page);
    const from = current ? stops.indexOf(current) : -1;
    const to = stops.indexOf(id);
    await page.keyboard.press(from >= 0 && to >= 0 && to < from ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${id}; stops: ${(await tabStops(page)).join(', ')}`);
}

/** Tab to a control and press Enter (buttons) or Space (check boxes, radios). */
export async function press(page: Page, id: string, key: 'Enter' | 'Space' = 'Enter') {
  await expect(twin(page, id)).not.toHaveAttribute('aria-disabled', 'true');
  await tabTo(page, id);
  await page.keyboard.press(key);
}

/** Ids that more than one element of the page has (descriptions and labels are found by id). */
export async function repeatedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    return ids.filter((id, i) => ids.indexOf(id) !== i);
  });
}

/** Waits for the next two animation frames (the canvas has drawn the latest change). */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}

// ——— playing a whole game ———

export type Input = 'mouse' | 'keyboard';

export interface PlayOptions {
  input: Input;
  /** Called once for each new kind of screen (e.g. "table-propose"), before acting on it. */
  onView?: (key: string, s: Summary) => Promise<void>;
  /** Called on every hand-off screen (pass-and-play), before "I am …" is pressed. */
  onHandoff?: (s: Summary) => Promise<void>;
  /** Called after a hand-off was confirmed. */
  afterHandoff?: (s: Summary, role: string) => Promise<void>;
  /** Stop early when this returns true (checked before each move). */
  stopWhen?: (s: Summary) => boolean;
  /** Most moves before giving up (a game of the flagship takes far fewer). */
  maxMoves?: number;
}

/** What a person sees now, e.g. "table-event", "decision-stance", "handoff-turn". */
export function viewKey(s: Summary): string {
  const g = s.game;
  if (!g) return s.screen;
  if (s.handoff) return `handoff-${s.handoff.why}`;
  if (g.paused) return `${s.screen}-paused`;
  if (g.choices) return `${s.screen}-${g.choices.kind}`;
  if (s.screen === 'table') return `table-${g.phase}-${g.waiting}`;
  return `${s.screen}-${g.waiting}`;
}

function signature(s: Summary): string {
  const g = s.game;
  return JSON.stringify([
    s.screen,
    s.activeScene,
    s.handoff?.role ?? null,
    g?.step,
    g?.waiting,
    g?.phase,
    g?.reader,
    g?.paused,
  ]);
}

async function waitForChange(page: Page, before: string): Promise<void> {
  await page.waitForFunction(
    (sig) => {
      const s = window.__oversight?.store.getState();
      if (!s) return false;
      const g = s.game;
      const now = JSON.stringify([
        s.screen,
        s.activeScene,
        s.handoff?.role ?? null,
        g?.step,
        g?.waiting,
        g?.phase,
        g?.briefing.reader,
        g?.paused,
      ]);
      return now !== sig;
    },
    before,
    { timeout: 10_000, polling: 'raf' },
  );
}

export interface Played {
  /** Where play stopped. */
  end: Summary;
  /** The controls activated, in order (e.g. "table.propose"). */
  moves: string[];
  /** The kinds of screen seen (see viewKey). */
  views: string[];
}

/** The first assurance on show that may be proposed alone, or null. */
async function proposableOnShow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const hooks = window.__oversight;
    if (!hooks) return null;
    const ids = [...document.querySelectorAll<HTMLElement>('[data-a11y-id^="table.pick."]')]
      .filter((e) => e.getAttribute('aria-disabled') !== 'true')
      .map((e) => (e.dataset.a11yId ?? '').slice('table.pick.'.length));
    return ids.find((id) => hooks.session.packageProblem([id]) === null) ?? null;
  });
}

/**
 * Plays from wherever the game is to the debrief (or until `stopWhen`), one person's move at a
 * time. Policy: on a person's first proposing turn of each round, propose one assurance (the
 * first on show that may go alone), otherwise pass; support every package; back and take the
 * first open decision.
 */
export async function play(page: Page, options: PlayOptions): Promise<Played> {
  const moves: string[] = [];
  const seen = new Set<string>();
  const proposedInRound = new Set<string>();
  const { input } = options;
  const activate = async (id: string, key: 'Enter' | 'Space' = 'Enter') => {
    const t0 = Date.now();
    if (input === 'mouse') await click(page, id);
    else await press(page, id, key);
    moves.push(id);
    if (process.env.E2E_DEBUG) console.log(`  ${id}: ${Date.now() - t0} ms`);
  };
  for (let move = 0; move < (options.maxMoves ?? 400); move++) {
    const t1 = Date.now();
    let s = await summary(page);
    if (process.env.E2E_DEBUG) console.log(`summary ${Date.now() - t1} ms ${viewKey(s)}`);
    if (s.game?.waiting === 'bot') {
      await waitForChange(page, signature(s));
      continue;
    }
    if (s.screen === 'debrief') {
      await onScreen(page, 'debrief');
      s = await summary(page);
    }
    const g = s.game;
    if (!g) throw new Error(`no game on screen ${s.screen}`);
    // Let the screen for the state be up before looking at it.
    await onScreen(page, s.screen);
    s = await summary(page);
    if (options.stopWhen?.(s)) return { end: s, moves, views: [...seen] };
    const key = viewKey(s);
    if (!seen.has(key)) {
      seen.add(key);
      await options.onView?.(key, s);
    }
    if (s.screen === 'debrief' && s.game?.over) return { end: s, moves, views: [...seen] };
    const before = signature(s);

    if (s.handoff) {
      await options.onHandoff?.(s);
      const role = s.handoff.role;
      await activate('handoff.confirm');
      await waitForChange(page, before);
      await options.afterHandoff?.(await summary(page), role);
      continue;
    }
    const game = s.game;
    if (!game) continue;
    if (game.waiting === 'read') {
      await activate('briefing.done');
    } else if (game.waiting === 'continue') {
      const id = {
        briefing: 'briefing.begin',
        table: 'table.continue',
        aftermath: 'aftermath.continue',
      }[s.screen];
      if (!id) throw new Error(`nothing to continue on ${s.screen}`);
      await activate(id);
    } else if (game.waiting === 'human' && game.choices) {
      const c = game.choices;
      if (c.kind === 'respond') {
        await activate('table.support');
      } else if (c.kind === 'stance' || c.kind === 'decide') {
        const decision = c.decisions[0];
        if (!decision) throw new Error(`no decision open for ${c.role}`);
        await activate(`decision.${c.kind}.${decision}`);
      } else {
        const roundKey = `${game.round}`;
        const pick = proposedInRound.has(roundKey) ? null : await proposableOnShow(page);
        if (pick) {
          proposedInRound.add(roundKey);
          const box = twin(page, `table.pick.${pick}`);
          await activate(`table.pick.${pick}`, 'Space');
          await expect(box).toHaveAttribute('aria-checked', 'true');
          await expect(twin(page, 'table.propose')).not.toHaveAttribute('aria-disabled', 'true');
          await activate('table.propose');
        } else {
          await activate('table.pass');
        }
      }
    } else {
      throw new Error(`do not know what to do: ${JSON.stringify(s)}`);
    }
    await waitForChange(page, before);
  }
  throw new Error('the game did not reach the debrief');
}

// ——— accessibility scans ———

export interface AxeResult {
  view: string;
  violations: { id: string; impact: string | null; help: string; targets: string[] }[];
}

/** Scans the page with axe-core (the canvas itself is excluded) and writes the full result. */
export async function scan(page: Page, view: string): Promise<AxeResult> {
  await nextFrames(page);
  const t0 = Date.now();
  // Legacy mode runs axe in the page itself: the game has no frames, and the default mode's
  // extra blank page for axe.finishRun hangs now and then in this headless Chromium.
  const results = await new AxeBuilder({ page }).exclude('canvas').setLegacyMode(true).analyze();
  if (process.env.E2E_DEBUG) console.log(`axe ${view}: ${Date.now() - t0} ms`);
  mkdirSync(AXE_DIR, { recursive: true });
  writeFileSync(path.join(AXE_DIR, `${view}.json`), JSON.stringify(results, null, 2));
  return {
    view,
    violations: results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    })),
  };
}
