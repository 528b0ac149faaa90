/**
 * The scenarios shipped with the game. Imported as text (Vite `?raw`) rather than as parsed JSON
 * so the loader sees the real file and any warning carries the file's own line and column. It
 * travels in the engine chunk (src/game-runtime.ts), not in the first script the page parses.
 */
import flagship from '../../scenarios/met-palantir-2026.json?raw';
import type { ScenarioFile } from './catalogue.ts';

export const SHIPPED_SCENARIOS: readonly ScenarioFile[] = [
  { fileName: 'met-palantir-2026.json', text: flagship },
];
