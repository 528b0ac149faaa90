/**
 * The browser half of `npm run bench`: figures from the production build in headless Chromium.
 * Printed, never asserted (like tools/bench.ts).
 *
 * 1. Initial JavaScript: every script the page fetches before the title screen is interactive
 *    (read from the page's resource timing, so it follows the build instead of guessing from
 *    index.html), each gzipped here with zlib level 9. Goal: at most 400 KB.
 * 2. Time to an interactive title: navigation start → the title is on show with the engine in
 *    (`store.loaded`, a scenario in the catalogue) and its "New game" control enabled; also when
 *    the title is first drawn and the steps before it (main.ts running, Phaser created, the art
 *    loading and loaded, the engine in). Median of several fresh page loads, each in a new
 *    browser context (cold cache).
 * 3. Frames per second on the table while bots play at their normal pace (the table redraws on
 *    each move; meters and the balance tween when they change), with the CPU throttled 4×
 *    through CDP; mean FPS and the 95th-percentile frame time (the slowest 5% of frames), and
 *    the same for the frames during which something moved (a tween running, not waiting out its
 *    delay). Goal: at least 55 FPS. The game draws a frame only when the picture may have
 *    changed (src/view/render-gate.ts): the frames drawn and skipped are printed, and the Canvas
 *    figures again with every frame drawn (`?frames=all`). Beside them, unthrottled, the CPU time
 *    per frame of the page's process and of the GPU process (SwiftShader here).
 *
 * The figures are wall-clock: load from other processes slows them, so the load average is
 * printed with them; the CPU time per frame does not depend on it.
 *
 * 2 and 3 are measured with the renderer the game picks by itself (src/view/renderer-choice.ts:
 * Canvas here, where WebGL is SwiftShader; WebGL on a GPU; its name is printed) and with
 * `?renderer=webgl`. The working tree is built first into node_modules/.cache/oversight-bench
 * (not dist/, which others may be serving) and served by `vite preview` on port 4190.
 *
 *   npm run bench [-- --runs N] [--fps-seconds S] [--no-browser]
 *   npm run bench:browser        this half alone
 *
 * Without /usr/bin/chromium (or BENCH_CHROMIUM) the browser figures are skipped (exit 0).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from './chromium.ts';
import { median, percentile } from './stats.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const out = join(root, 'node_modules', '.cache', 'oversight-bench');
const CHROMIUM = process.env.BENCH_CHROMIUM ?? SYSTEM_CHROMIUM;
// 4190 is on the browsers' list of blocked ("unsafe") ports, so Chromium is told to allow it
// and the readiness probe uses node:http (Node's fetch refuses it too). BENCH_PORT overrides it.
const PORT = Number(process.env.BENCH_PORT ?? 4190);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const VIEWPORT = { width: 1280, height: 720 };
const JS_GOAL_KB = 400;
const FPS_GOAL = 55;
const THROTTLE = 4;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}
const runs = Math.max(1, Number(arg('runs', '5')));
const fpsSeconds = Math.max(1, Number(arg('fps-seconds', '6')));

const RENDERERS = [
  { label: 'default', query: '' },
  { label: 'webgl', query: '?renderer=webgl' },
] as const;
/** The frame rate also with every frame drawn, to show what skipping unchanged frames gives. */
const FPS_RUNS = [
  ...RENDERERS,
  { label: 'canvas, all', query: '?renderer=canvas&frames=all' },
] as const;

console.log('');
console.log(
  `browser figures (production build, headless Chromium; ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)}: wall-clock figures, other work slows them)`,
);
if (process.argv.includes('--no-browser')) {
  console.log('  skipped (--no-browser)');
  process.exit(0);
}
if (!existsSync(CHROMIUM)) {
  console.log(`  skipped: ${CHROMIUM} not found (Debian: apt-get install chromium)`);
  process.exit(0);
}

// ——— build ———

// A fresh production build of the working tree, in a folder of its own: the figures always
// match the sources, and dist/ (which `npm start` and the browser tests serve) is left alone.
console.log(`  building the game into ${relative(root, out)}/ …`);
const build = spawnSync(
  process.execPath,
  [vite, 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'],
  { cwd: root, stdio: 'inherit' },
);
if (build.status !== 0) {
  console.error('bench: the build failed (see above)');
  process.exit(1);
}

// ——— server ———

async function startServer(): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    [
      vite,
      'preview',
      '--outDir',
      out,
      '--port',
      String(PORT),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  server.stderr?.on('data', (chunk) => {
    errors += String(chunk);
  });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break;
    const status = await new Promise<number>((resolve) => {
      get(ORIGIN, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', () => resolve(0));
    });
    if (status === 200) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`vite preview did not come up on port ${PORT} (in use?) ${errors.trim()}`);
}

// ——— measuring in the page ———

interface Marks {
  /** main.ts running (the entry and its static imports are in). */
  hooks?: number;
  /** Phaser.Game created (after the fonts). */
  phaser?: number;
  /** The Preload scene loading the art (the renderer is up). */
  preload?: number;
  /** The art loaded (the Preload scene's create). */
  art?: number;
  /** The engine chunk attached (`store.loaded`). */
  engine?: number;
  titleDrawn?: number;
  interactive?: number;
}

declare global {
  interface Window {
    __benchMarks?: Marks;
  }
}

/**
 * Runs in the page before its own scripts: notes (in performance.now() time, i.e. since
 * navigation start) when the title is first drawn and when it becomes interactive, checking on
 * every store change, DOM mutation and animation frame.
 */
function watchTitle(): void {
  const marks: Marks = {};
  window.__benchMarks = marks;
  let subscribed = false;
  const check = (): boolean => {
    const hooks = window.__oversight;
    if (!hooks) return false;
    if (!subscribed) {
      subscribed = true;
      hooks.store.subscribe(() => check());
    }
    marks.hooks ??= performance.now();
    if (hooks.game) marks.phaser ??= performance.now();
    // Phaser.Scenes: LOADING = 3, RUNNING = 5.
    const preload = hooks.game?.scene.getScene('Preload')?.sys.settings.status ?? 0;
    if (preload >= 3) marks.preload ??= performance.now();
    if (preload >= 5) marks.art ??= performance.now();
    const s = hooks.store.getState();
    if (s.loaded) marks.engine ??= performance.now();
    if (s.screen !== 'title' || s.activeScene !== 'Title') return false;
    marks.titleDrawn ??= performance.now();
    if (marks.interactive === undefined && s.loaded && s.catalogue.length > 0) {
      const start = document.querySelector('[data-a11y-id="title.new-game"]');
      if (start && start.getAttribute('aria-disabled') !== 'true') {
        marks.interactive = performance.now();
      }
    }
    return marks.interactive !== undefined;
  };
  const observer = new MutationObserver(() => {
    if (check()) observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
  const frame = () => {
    if (!check()) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

interface Resource {
  url: string;
  responseEnd: number;
}

interface Load {
  marks: Marks;
  titleDrawn: number;
  interactive: number;
  renderer: number;
  resources: Resource[];
}

/**
 * tsx compiles this file with esbuild's keepNames, which wraps inner functions in `__name(…)`;
 * functions sent to the page (init script, evaluate) need that helper there too.
 */
async function prepare(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  await context.addInitScript(watchTitle);
}

async function waitForInteractive(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__benchMarks?.interactive !== undefined, undefined, {
    timeout: 60_000,
    polling: 100,
  });
}

async function loadOnce(browser: Browser, query: string): Promise<Load> {
  const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'no-preference' });
  try {
    await prepare(context);
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/${query}`);
    await waitForInteractive(page);
    return await page.evaluate(() => {
      const marks = window.__benchMarks as Required<Marks>;
      return {
        marks: { ...marks },
        titleDrawn: marks.titleDrawn,
        interactive: marks.interactive,
        renderer: window.__oversight?.game?.renderer.type ?? 0,
        resources: performance
          .getEntriesByType('resource')
          .map((e) => ({ url: e.name, responseEnd: (e as PerformanceResourceTiming).responseEnd }))
          .filter((r) => r.responseEnd <= marks.interactive),
      };
    });
  } finally {
    await context.close();
  }
}

interface FrameSample {
  /** Times (ms) of the frames drawn on the table. */
  frames: number[];
  /** For each of those frames, whether something on the table moved (a tween running). */
  tweening: boolean[];
  /** Frames the game drew and skipped during the sample (null: the game had no gate). */
  gate: { drawn: number; partial: number; skipped: number } | null;
  /** Game steps taken during the sample. */
  moves: number;
  /** Phaser's renderer type (1 Canvas, 2 WebGL). */
  renderer: number;
  /** CPU time during the sample (all threads) of the page's process and the GPU process, ms. */
  cpu: { page: number; gpu: number };
}

/** Counts the table's frames for `ms` milliseconds (runs in the page). */
function countFrames(ms: number): Promise<Omit<FrameSample, 'cpu'>> {
  return new Promise((resolve, reject) => {
    const hooks = window.__oversight;
    if (!hooks) return reject(new Error('no hooks'));
    const frames: number[] = [];
    const tweening: boolean[] = [];
    const firstStep = hooks.store.getState().game?.step ?? 0;
    const firstGate = hooks.frames ? { ...hooks.frames.counts } : null;
    let last = -1;
    let end = -1;
    const frame = (now: number) => {
      const s = hooks.store.getState();
      const table = s.screen === 'table' ? hooks.game?.scene.getScene('Table') : null;
      const onTable = Boolean(table && s.activeScene === 'Table');
      if (last >= 0 && onTable) {
        frames.push(now - last);
        tweening.push(hooks.frames?.moving() ?? false);
      }
      last = onTable ? now : -1;
      if (end < 0) end = now + ms;
      if (now < end) requestAnimationFrame(frame);
      else {
        const moves = (hooks.store.getState().game?.step ?? firstStep) - firstStep;
        const counts = hooks.frames?.counts;
        const gate =
          firstGate && counts
            ? {
                drawn: counts.drawn - firstGate.drawn,
                partial: (counts.partial ?? 0) - (firstGate.partial ?? 0),
                skipped: counts.skipped - firstGate.skipped,
              }
            : null;
        resolve({ frames, tweening, moves, gate, renderer: hooks.game?.renderer.type ?? 0 });
      }
    };
    requestAnimationFrame(frame);
  });
}

/**
 * An all-bot game of the default scenario at the players' pace (no ?fast=1: bots move every
 * 700 ms, meters and the balance tween when they change), seed 1: first a short sample without
 * throttling (for the CPU time per frame, which CPU throttling would inflate), then the sample
 * at 4×.
 */
async function tableFrames(
  browser: Browser,
  query: string,
): Promise<{ plain: FrameSample; throttled: FrameSample }> {
  const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'no-preference' });
  const system = await browser.newBrowserCDPSession();
  try {
    await prepare(context);
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/${query}`);
    await waitForInteractive(page);
    await page.evaluate(() => {
      const s = window.__oversight?.store.getState();
      if (!s) throw new Error('no store');
      s.setSeed(1);
      s.setScreen('setup');
    });
    await page.waitForFunction(() => window.__oversight?.store.getState().activeScene === 'Setup');
    const started = await page.evaluate(() => {
      const hooks = window.__oversight;
      if (!hooks) throw new Error('no hooks');
      const s = hooks.store.getState();
      const entry = s.catalogue.find((e) => e.key === s.setup.scenarioKey);
      for (const role of entry?.scenario.roles ?? []) s.setSeat(role.id, 'normal');
      return hooks.session.start();
    });
    if (!started.ok) throw new Error(`the game did not start: ${started.message}`);
    await page.waitForFunction(
      () => {
        const s = window.__oversight?.store.getState();
        return s?.screen === 'table' && s.activeScene === 'Table';
      },
      undefined,
      { timeout: 60_000, polling: 100 },
    );
    // CPU milliseconds per Chromium process type: unlike frame times, not stretched by other
    // work on the machine.
    const cpu = async () => {
      const byType: Record<string, number> = {};
      for (const p of (await system.send('SystemInfo.getProcessInfo')).processInfo)
        byType[p.type] = (byType[p.type] ?? 0) + 1000 * p.cpuTime;
      return byType;
    };
    const sample = async (ms: number): Promise<FrameSample> => {
      const before = await cpu();
      const counted = await page.evaluate(countFrames, ms);
      const after = await cpu();
      const used = (type: string) => (after[type] ?? 0) - (before[type] ?? 0);
      return { ...counted, cpu: { page: used('renderer'), gpu: used('GPU') } };
    };
    const plain = await sample(3000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    try {
      return { plain, throttled: await sample(fpsSeconds * 1000) };
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
  } finally {
    await system.detach();
    await context.close();
  }
}

// ——— figures ———

const meanFps = (frames: readonly number[]) => {
  const total = frames.reduce((a, b) => a + b, 0);
  return total > 0 ? (1000 * frames.length) / total : 0;
};
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const RENDERER_NAME: Record<number, string> = { 1: 'Canvas', 2: 'WebGL' };

function printInitialJs(load: Load): void {
  const scripts = load.resources.filter((r) => new URL(r.url).pathname.endsWith('.js'));
  let total = 0;
  let totalRaw = 0;
  let beforeTitle = 0;
  console.log(`initial JavaScript: every script fetched before the title is interactive (gzip -9)`);
  for (const r of [...scripts].sort((a, b) => a.responseEnd - b.responseEnd)) {
    const path = join(out, new URL(r.url).pathname);
    const raw = readFileSync(path);
    const gzip = gzipSync(raw, { level: 9 }).length;
    total += gzip;
    totalRaw += raw.length;
    if (r.responseEnd <= load.titleDrawn) beforeTitle += gzip;
    console.log(
      `  ${basename(path).padEnd(34)}${kb(gzip).padStart(10)}  (${kb(raw.length)} raw)  in at ${ms(r.responseEnd)}`,
    );
  }
  const verdict = total <= JS_GOAL_KB * 1000 ? 'within' : 'OVER';
  console.log(
    `  ${'total'.padEnd(34)}${kb(total).padStart(10)}  (${kb(totalRaw)} raw)  goal ≤ ${JS_GOAL_KB} KB: ${verdict}`,
  );
  console.log(`  of which in before the title was first drawn: ${kb(beforeTitle)}`);
}

async function main(): Promise<void> {
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, `--explicitly-allowed-ports=${PORT}`],
  });
  try {
    const loads: Record<string, Load[]> = {};
    for (const r of RENDERERS) {
      loads[r.label] = [];
      for (let i = 0; i < runs; i++) loads[r.label]?.push(await loadOnce(browser, r.query));
    }
    const first = loads[RENDERERS[0].label]?.[0];
    if (first) printInitialJs(first);

    console.log(
      `time to an interactive title (navigation start → "New game" enabled; median of ${runs} cold loads)`,
    );
    for (const r of RENDERERS) {
      const ls = loads[r.label] ?? [];
      const inter = ls.map((l) => l.interactive);
      const drawn = ls.map((l) => l.titleDrawn);
      const name = RENDERER_NAME[ls[0]?.renderer ?? 0] ?? '?';
      console.log(
        `  ${r.label.padEnd(16)}${ms(median(inter)).padStart(8)}  (${ms(Math.min(...inter))}–${ms(Math.max(...inter))}; title first drawn at ${ms(median(drawn))}; renderer ${name})`,
      );
      const at = (key: keyof Marks) => ms(median(ls.map((l) => l.marks[key] ?? Number.NaN)));
      console.log(
        `  ${''.padEnd(16)}medians: main.ts running ${at('hooks')}, Phaser created ${at('phaser')}, art loading ${at('preload')}, art loaded ${at('art')}, engine in ${at('engine')}`,
      );
    }

    console.log(
      `table frame rate, all-bot game at normal pace, CPU throttled ${THROTTLE}×, ${VIEWPORT.width}×${VIEWPORT.height}, ${fpsSeconds} s (goal ≥ ${FPS_GOAL} FPS)`,
    );
    for (const r of FPS_RUNS) {
      const { plain, throttled } = await tableFrames(browser, r.query);
      const fps = meanFps(throttled.frames);
      const p95 = percentile(throttled.frames, 95);
      const tweenFrames = throttled.frames.filter((_, i) => throttled.tweening[i]);
      const perFrame = (x: number) =>
        (plain.frames.length ? x / plain.frames.length : 0).toFixed(1);
      const label = `${r.label} (${RENDERER_NAME[throttled.renderer] ?? '?'})`;
      console.log(
        `  ${label.padEnd(18)}${fps.toFixed(1).padStart(6)} FPS mean; 95th-percentile frame ${p95.toFixed(1)} ms, worst ${Math.max(0, ...throttled.frames).toFixed(0)} ms  ${fps >= FPS_GOAL ? 'ok' : 'BELOW GOAL'}`,
      );
      console.log(
        `  ${''.padEnd(18)}${throttled.frames.length} frames, ${throttled.moves} moves; ${tweenFrames.length ? `${tweenFrames.length} frames while something moved, ${meanFps(tweenFrames).toFixed(1)} FPS, 95th percentile ${percentile(tweenFrames, 95).toFixed(1)} ms` : 'nothing moved (no meter changed)'}`,
      );
      const gate = throttled.gate;
      console.log(
        `  ${''.padEnd(18)}${gate ? `drawn ${gate.drawn} (${gate.partial} of them only where tweens move), skipped ${gate.skipped} (nothing had changed)` : 'no render gate'}`,
      );
      console.log(
        `  ${''.padEnd(18)}unthrottled: ${meanFps(plain.frames).toFixed(1)} FPS; CPU per frame: page ${perFrame(plain.cpu.page)} ms, GPU process ${perFrame(plain.cpu.gpu)} ms`,
      );
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((error) => {
  console.error(
    `bench: the browser figures failed: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
});
