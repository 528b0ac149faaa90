/**
 * How the project starts Chromium, for the browser tests (playwright.config.ts) and the browser
 * bench (tools/bench-browser.ts): Debian's package, never a downloaded browser (see
 * ../shared/toolchain.md), headless, with nothing that reaches the network on its own.
 */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
