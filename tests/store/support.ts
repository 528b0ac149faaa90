/** Test helper: scenario files as the browser would ship them (text, through the loader). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CatalogueEntry, ScenarioFile } from '../../src/store/catalogue.ts';
import { loadShipped } from '../../src/store/catalogue-load.ts';

export function fixtureFile(name: string): ScenarioFile {
  const path = fileURLToPath(new URL(`../fixtures/scenarios/${name}.json`, import.meta.url));
  return { fileName: `${name}.json`, text: readFileSync(path, 'utf8') };
}

/** A deterministic "random" source for seeds. */
export const fixedRandom = () => 0.5;

/** Catalogue entries for fixtures, loaded through the loader as the browser loads shipped files. */
export function fixtureCatalogue(...names: string[]): CatalogueEntry[] {
  const { entries, failures } = loadShipped(names.map(fixtureFile));
  if (failures.length > 0) throw new Error(failures[0]?.lines.join('\n'));
  return entries;
}
