/**
 * Turning scenario files into catalogue entries, through the scenario loader (structure, then
 * meaning). This module pulls in the loader and the full Zod schema, so the store imports it
 * lazily (`import('./catalogue-load.ts')`) and main.ts gets it with the engine chunk.
 */
import { type LoadResult, loadScenario, loadScenarioBytes } from '../scenario/loader.ts';
import {
  type CatalogueEntry,
  type CatalogueSource,
  catalogueKey,
  MAX_SCENARIO_BYTES,
  type OpenErrors,
  type OpenResult,
  openErrors,
  type ScenarioFile,
  tooLargeProblem,
} from './catalogue.ts';

function fromLoad(result: LoadResult, fileName: string, source: CatalogueSource): OpenResult {
  if (!result.ok) return { ok: false, errors: openErrors(fileName, result.problems) };
  return {
    ok: true,
    entry: {
      key: catalogueKey(source, result.scenario.id),
      source,
      fileName,
      scenario: result.scenario,
      warnings: result.warnings,
    },
  };
}

export function loadCatalogueText(
  fileName: string,
  text: string,
  source: CatalogueSource,
): OpenResult {
  return fromLoad(loadScenario(text, fileName), fileName, source);
}

export function loadCatalogueBytes(
  fileName: string,
  bytes: Uint8Array,
  source: CatalogueSource,
): OpenResult {
  if (bytes.byteLength > MAX_SCENARIO_BYTES) {
    return {
      ok: false,
      errors: openErrors(fileName, [tooLargeProblem(fileName, bytes.byteLength)]),
    };
  }
  return fromLoad(loadScenarioBytes(bytes, fileName), fileName, source);
}

/** Loads the shipped files; one that fails (a build mistake) is left out and reported. */
export function loadShipped(files: readonly ScenarioFile[]): {
  entries: CatalogueEntry[];
  failures: OpenErrors[];
} {
  const entries: CatalogueEntry[] = [];
  const failures: OpenErrors[] = [];
  for (const file of files) {
    const result = loadCatalogueText(file.fileName, file.text, 'shipped');
    if (result.ok) entries.push(result.entry);
    else failures.push(result.errors);
  }
  return { entries, failures };
}
