/**
 * Writes scenarios/scenario.schema.json from the Zod schema (the source of truth).
 * `--check` exits 1 when the committed file differs, so CI catches a stale schema.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../src/scenario/json-schema.ts';

const target = fileURLToPath(new URL('../scenarios/scenario.schema.json', import.meta.url));
const fresh = scenarioJsonSchemaText();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // a missing file is simply stale
  }
  if (current !== fresh) {
    console.error('scenarios/scenario.schema.json is stale: run `npm run schema` and commit it.');
    process.exit(1);
  }
  console.log('scenarios/scenario.schema.json is up to date.');
} else {
  writeFileSync(target, fresh);
  console.log('wrote scenarios/scenario.schema.json');
}
