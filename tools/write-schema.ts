/**
 * Writes the files generated from code and committed: the scenario JSON Schema (for editors)
 * and the list of problem codes (for authors). `--check` exits 1 when a committed copy differs,
 * so CI catches a stale file.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { problemCodesMarkdown } from '../src/scenario/error-docs.ts';
import { scenarioJsonSchemaText } from '../src/scenario/json-schema.ts';

const generated = [
  { path: 'scenarios/scenario.schema.json', content: scenarioJsonSchemaText },
  { path: 'docs/scenario-errors.md', content: problemCodesMarkdown },
];

const check = process.argv.includes('--check');
let stale = 0;
for (const file of generated) {
  const target = fileURLToPath(new URL(`../${file.path}`, import.meta.url));
  const fresh = file.content();
  if (check) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // a missing file is simply stale
    }
    if (current !== fresh) {
      console.error(`${file.path} is stale: run \`npm run schema\` and commit it.`);
      stale++;
    } else console.log(`${file.path} is up to date.`);
  } else {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, fresh);
    console.log(`wrote ${file.path}`);
  }
}
process.exit(stale > 0 ? 1 : 0);
