/**
 * The scenarios shipped with the game, the flagship first (the title screen lists them in this
 * order). Imported as text (Vite `?raw`) rather than as parsed JSON so the loader sees the real
 * file and any warning carries the file's own line and column. They travel in the engine chunk
 * (src/game-runtime.ts), not in the first script the page parses; the production build sends
 * them without indentation (vite.config.ts, `compactScenarios`).
 */
import chicago from '../../scenarios/chicago-shotspotter-2024.json?raw';
import flagship from '../../scenarios/met-palantir-2026.json?raw';
import sanFrancisco from '../../scenarios/sf-facial-recognition-2019.json?raw';
import type { ScenarioFile } from './catalogue.ts';

export const SHIPPED_SCENARIOS: readonly ScenarioFile[] = [
  { fileName: 'met-palantir-2026.json', text: flagship },
  { fileName: 'chicago-shotspotter-2024.json', text: chicago },
  { fileName: 'sf-facial-recognition-2019.json', text: sanFrancisco },
];
