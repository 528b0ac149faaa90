/**
 * Browser tests (tests/e2e): the production build served by `vite preview`, driven in the
 * Debian Chromium (never a downloaded browser: see ../shared/toolchain.md G12). One worker: the
 * machine has two cores and each test plays a whole game. Screenshots are written by the tests
 * themselves to test-results/screens/ (git-ignored); Playwright's own artefacts (traces and
 * screenshots of failures) go to test-results/ as well.
 *
 *   npm run test:e2e                 build, serve on :4173, run every spec
 *   CI=true npm run test:e2e         the same, but serve the build CI made just before
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from './tools/chromium.ts';

// E2E_PORT lets two people (or a bench and a test run) use the machine at once.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const preview = `node node_modules/vite/bin/vite.js preview --port ${PORT} --strictPort`;
const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: ci,
  retries: 0,
  // A whole game with the mouse takes a few seconds; the margin is for a slow CI machine.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      executablePath: SYSTEM_CHROMIUM,
      args: [...CHROMIUM_ARGS],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: {
    // CI builds just before running the browser tests (.ci/run); locally, build first.
    command: ci ? preview : `npm run build && ${preview}`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !ci,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
