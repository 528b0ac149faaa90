/**
 * The scenario catalogue: the scenarios shipped with the game plus any opened from disk, each
 * loaded through the same two-stage loader the CLI uses (see ./catalogue-load.ts, which is
 * loaded lazily with the game engine: the loader and the full Zod schema are not needed to show
 * the title screen). A file that does not load becomes an `OpenErrors` value whose lines read
 * exactly like the CLI's (`FILE:LINE:COL: error CODE at PATH: message`), so a teacher sees the
 * same report in the browser and in a terminal.
 */
import { formatProblem, type Problem } from '../scenario/codes.ts';
import type { Scenario } from '../scenario/schema.ts';

export type CatalogueSource = 'shipped' | 'file';

export interface CatalogueEntry {
  /** Unique in the catalogue: the scenario id for shipped ones, `file:<id>` for opened ones. */
  key: string;
  source: CatalogueSource;
  fileName: string;
  scenario: Scenario;
  /** Loader warnings (the scenario is playable; authors may want to see them). */
  warnings: Problem[];
}

export interface OpenErrors {
  fileName: string;
  problems: Problem[];
  /** One line per problem, formatted like the CLI. */
  lines: string[];
  /** The file opened all the same: the problems are only warnings. */
  opened?: boolean;
}

/** A scenario file as shipped: its name and its text. */
export interface ScenarioFile {
  fileName: string;
  text: string;
}

export type OpenResult = { ok: true; entry: CatalogueEntry } | { ok: false; errors: OpenErrors };

/** The biggest file the browser will try to read (the flagship is under 100 KB). */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

export function catalogueKey(source: CatalogueSource, scenarioId: string): string {
  return source === 'shipped' ? scenarioId : `file:${scenarioId}`;
}

export function openErrors(fileName: string, problems: Problem[]): OpenErrors {
  return { fileName, problems, lines: problems.map(formatProblem) };
}

/** The problem reported for a file too big to be a scenario (it is not read at all). */
export function tooLargeProblem(fileName: string, bytes: number): Problem {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return {
    code: 'E_FILE_TOO_LARGE',
    severity: 'error',
    message: `The file is ${mb} MB; the game reads scenario files of ${MAX_SCENARIO_BYTES / 1024 / 1024} MB at most (a scenario is tens of kB). Is this the right file?`,
    file: fileName,
    path: [],
    pathText: '$',
    line: 1,
    column: 1,
  };
}
