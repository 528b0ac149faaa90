/**
 * What the debrief exports, as text (pure: no DOM, no Phaser; the debrief screen turns the text
 * into a download).
 *
 * - `replayJson(...)`: the whole game as pretty JSON — format tag and version, scenario id,
 *   seed, every accepted action in order, and a summary of the end. `replay(scenario, seed,
 *   actions)` (src/rules/replay.ts) rebuilds the exact final state from it; `parseReplay` reads
 *   one back.
 * - `csvHeader(scenario)` / `csvRow(...)`: one row per table, for a teacher's spreadsheet —
 *   date, scenario, seed, decision, final meters, balance, each role's score and whether it was
 *   satisfied, the agreed assurances. RFC 4180 (commas, quotes and line breaks are quoted,
 *   quotes doubled, CRLF line ends) and safe to open in a spreadsheet: a text cell that starts
 *   with = + - @ (or a tab or carriage return) gets a leading apostrophe so it is never run as a
 *   formula. Numbers are written as numbers (a negative score stays a number).
 */
import { replay } from '../rules/replay.ts';
import { allRoleScores, balanceScore } from '../rules/scoring.ts';
import type { GameAction, GameState, RedLineFlag } from '../rules/types.ts';
import { METER_IDS, type MeterId, type Scenario } from '../scenario/schema.ts';
import { MODE_NAMES, type Mode } from '../store/setup.ts';
import { assuranceLabel, decisionLabel, roleLabel } from './announce.ts';

export const REPLAY_FORMAT = 'oversight-replay';
export const REPLAY_VERSION = 1;

export interface RoleResult {
  role: string;
  name: string;
  score: number;
  reservation: number;
  satisfied: boolean;
}

/** The end of a game in a few numbers and names (the replay's `summary`, the CSV row). */
export interface TableSummary {
  phase: GameState['phase'];
  round: number;
  decision: string | null;
  decisionTitle: string | null;
  deferred: boolean;
  meters: Record<MeterId, number>;
  balance: number;
  roles: RoleResult[];
  agreed: { id: string; title: string; round: number }[];
  audits: { id: string; title: string; breached: boolean }[];
  epilogues: string[];
  redLineFlags: RedLineFlag[];
}

export interface ReplayFile {
  format: typeof REPLAY_FORMAT;
  version: typeof REPLAY_VERSION;
  scenarioId: string;
  scenarioTitle: string;
  scenarioFormatVersion: number;
  seed: number;
  exportedAt: string;
  /** The name the teacher gave the table, if any. */
  tableName?: string;
  actions: GameAction[];
  summary: TableSummary;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function summarize(scenario: Scenario, state: GameState): TableSummary {
  const meters = Object.fromEntries(METER_IDS.map((m) => [m, round1(state.meters[m])])) as Record<
    MeterId,
    number
  >;
  return {
    phase: state.phase,
    round: state.round,
    decision: state.decision,
    decisionTitle: state.decision ? decisionLabel(scenario, state.decision) : null,
    deferred: state.deferred,
    meters,
    balance: balanceScore(scenario, state.meters),
    roles: allRoleScores(scenario, state).map((s) => ({
      role: s.role,
      name: roleLabel(scenario, s.role),
      score: s.total,
      reservation: s.reservation,
      satisfied: s.satisfied,
    })),
    agreed: state.agreed.map((a) => ({
      id: a.id,
      title: assuranceLabel(scenario, a.id),
      round: a.round,
    })),
    audits: state.audits.map((a) => ({
      id: a.assurance,
      title: assuranceLabel(scenario, a.assurance),
      breached: a.breached,
    })),
    epilogues: [...state.epilogues],
    redLineFlags: state.redLineFlags.map((f) => ({ ...f })),
  };
}

export interface ExportInput {
  scenario: Scenario;
  seed: number;
  /** The accepted actions, in order (the machine's `context.actions`). */
  actions: readonly GameAction[];
  /** When the export was made (ISO); the CSV's date column. */
  exportedAt: string;
  /**
   * How the table played: the mode, the roles people played (the rest were bots), and the name
   * the teacher gave the table, if any.
   */
  table?: { mode: Mode; people: readonly string[]; name?: string | null };
}

/** Replays the actions: the final state, or a clear error if they do not make a game. */
function finalState(input: ExportInput): GameState {
  const result = replay(input.scenario, input.seed, input.actions);
  if (!result.ok) {
    throw new Error(
      `The actions do not replay: action ${result.failedAt + 1} was refused (${result.error.message})`,
    );
  }
  return result.state;
}

export function replayFile(input: ExportInput): ReplayFile {
  const state = finalState(input);
  return {
    format: REPLAY_FORMAT,
    version: REPLAY_VERSION,
    scenarioId: input.scenario.id,
    scenarioTitle: input.scenario.title.text,
    scenarioFormatVersion: input.scenario.formatVersion,
    seed: input.seed,
    exportedAt: input.exportedAt,
    ...(input.table?.name ? { tableName: input.table.name } : {}),
    actions: input.actions.map((a) => ({ ...a })),
    summary: summarize(input.scenario, state),
  };
}

/** The full replay as pretty JSON (2-space indent, trailing newline). */
export function replayJson(input: ExportInput): string {
  return `${JSON.stringify(replayFile(input), null, 2)}\n`;
}

export type ParsedReplay =
  | { ok: true; scenarioId: string; seed: number; actions: GameAction[] }
  | { ok: false; message: string };

/** Reads a replay file back (shape only; `replay()` checks that every action is legal). */
export function parseReplay(text: string): ParsedReplay {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This is not a JSON file.' };
  }
  if (typeof data !== 'object' || data === null) {
    return { ok: false, message: 'This is not an Oversight replay.' };
  }
  const d = data as Record<string, unknown>;
  if (d.format !== REPLAY_FORMAT) return { ok: false, message: 'This is not an Oversight replay.' };
  if (d.version !== REPLAY_VERSION) {
    return { ok: false, message: `Replay version ${String(d.version)} is not supported.` };
  }
  if (typeof d.scenarioId !== 'string' || !Number.isInteger(d.seed) || !Array.isArray(d.actions)) {
    return { ok: false, message: 'The replay is missing its scenario, seed or actions.' };
  }
  const actions = d.actions as unknown[];
  if (!actions.every((a) => typeof a === 'object' && a !== null && 'type' in a)) {
    return { ok: false, message: 'The replay has an action without a type.' };
  }
  return {
    ok: true,
    scenarioId: d.scenarioId,
    seed: d.seed as number,
    actions: actions as GameAction[],
  };
}

// ---------------------------------------------------------------------------------------------
// CSV

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field, safe against spreadsheet formula injection. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (/[",\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** Column names: fixed ones, then a score and a satisfied column per role, then the deal. */
export function csvHeader(scenario: Scenario): string {
  const roles = scenario.roles.flatMap((r) => {
    const name = roleLabel(scenario, r.id);
    return [`${name} score`, `${name} reservation`, `${name} satisfied`];
  });
  return csvLine([
    'table',
    'date',
    'scenario',
    'scenario title',
    'seed',
    'mode',
    'played by people',
    'decision',
    ...METER_IDS.map((m) => scenario.meters[m].name.text),
    'balance',
    ...roles,
    'satisfied roles',
    'agreed assurances',
    'breached assurances',
    'red-line flags (count)',
  ]);
}

/** One row for this table (the columns of `csvHeader`). */
export function csvRow(input: ExportInput): string {
  const { scenario } = input;
  const s = summarize(scenario, finalState(input));
  const byRole = new Map(s.roles.map((r) => [r.role, r]));
  const roles = scenario.roles.flatMap((r) => {
    const result = byRole.get(r.id);
    return [result?.score, result?.reservation, result?.satisfied];
  });
  const people = input.table?.people.map((role) => roleLabel(scenario, role));
  return csvLine([
    input.table?.name ?? '',
    spreadsheetDate(input.exportedAt),
    scenario.id,
    scenario.title.text,
    input.seed,
    input.table ? MODE_NAMES[input.table.mode] : '',
    people === undefined ? '' : people.length > 0 ? people.join('; ') : 'nobody (bots only)',
    s.decisionTitle ?? '',
    ...METER_IDS.map((m) => s.meters[m]),
    s.balance,
    ...roles,
    s.roles.filter((r) => r.satisfied).length,
    s.agreed.map((a) => a.title).join('; '),
    s.audits
      .filter((a) => a.breached)
      .map((a) => a.title)
      .join('; '),
    s.redLineFlags.length,
  ]);
}

/**
 * "2026-05-21 10:00", in the local time of the machine exporting (the classroom's): a form every
 * spreadsheet reads as a date and time, which an ISO string with "T" and "Z" is not.
 */
export function spreadsheetDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/**
 * A file name such as "oversight-met-palantir-2026-seed-1234-2026-05-21.json", or with the
 * table's name first ("oversight-table-3-met-palantir-…"): eight tables on the same seed would
 * otherwise download eight files of the same name.
 */
export function exportFileName(
  scenarioId: string,
  seed: number,
  date: string,
  ext: string,
  tableName?: string | null,
): string {
  const safe = (text: string) =>
    text
      .replace(/[^a-z0-9-]+/gi, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase();
  const table = tableName ? safe(tableName) : '';
  // The local day, as in the CSV's date column (not the UTC day of the ISO time).
  return `oversight-${table ? `${table}-` : ''}${safe(scenarioId)}-seed-${seed}-${spreadsheetDate(date).slice(0, 10)}.${ext}`;
}
