/**
 * The browser's autosave: one localStorage entry, `oversight.save.v1`, holding the game's
 * versioned save (src/flow/persistence.ts, the same format the rest of the project reads) plus
 * what only the browser knows: the mode, who sits in each seat, and pass-and-play progress.
 *
 *   { format: 'oversight-browser-save', version: 1, savedAt, mode, seats, briefed, holder,
 *     game: SaveFile }
 *
 * Reading never throws: a damaged, foreign or outdated entry gives a message a player can read.
 */
import { z } from 'zod';
import { type GameActor, restoreGame, saveGame } from '../flow/persistence.ts';
import { cleanTableName, MODES, type Mode, SEATS, type Seat } from '../store/setup.ts';

export const SAVE_KEY = 'oversight.save.v1';
export const BROWSER_SAVE_FORMAT = 'oversight-browser-save';
export const BROWSER_SAVE_VERSION = 1;

/** The browser's part of a save. */
export interface TableInfo {
  mode: Mode;
  seats: Record<string, Seat>;
  /** Pass-and-play: people who have read their private brief. */
  briefed: string[];
  /** Pass-and-play: who holds the device (confirmed "I am …"), if anyone. */
  holder: string | null;
  /** What the teacher named the table ("Table 3"), if anything (set-up: `tableName`). */
  name?: string;
}

const Envelope = z.object({
  format: z.literal(BROWSER_SAVE_FORMAT),
  version: z.number(),
  savedAt: z.string(),
  mode: z.enum(MODES),
  seats: z.record(z.string(), z.enum(SEATS)),
  briefed: z.array(z.string()),
  holder: z.string().nullable(),
  /** The table's name; older saves lack it. */
  name: z.string().max(200).optional(),
  /** Paused by a person (not for a hand-off): it comes back paused. Older saves lack it. */
  paused: z.boolean().optional(),
  game: z.unknown(),
});

/**
 * The save's text: `JSON.stringify` of the envelope, to the byte. The scenario is most of it
 * (the flagship's is ~90 KB against a few KB of game) and the same object on every move, so
 * its JSON is made once per scenario and spliced in where a placeholder stands, instead of
 * being made again at every autosave (each move, on the main thread).
 */
export function saveText(actor: GameActor, table: TableInfo, now: Date, paused = false): string {
  const file = saveGame(actor);
  const envelope = (game: unknown) => ({
    format: BROWSER_SAVE_FORMAT,
    version: BROWSER_SAVE_VERSION,
    savedAt: now.toISOString(),
    ...table,
    ...(paused ? { paused } : {}),
    game,
  });
  const snapshot = file.snapshot as { context?: { scenario?: unknown } } | null;
  const context = snapshot?.context;
  const scenario = context?.scenario;
  if (!snapshot || !context || typeof scenario !== 'object' || scenario === null) {
    return JSON.stringify(envelope(file));
  }
  let json = scenarioJson.get(scenario);
  if (json === undefined) {
    json = JSON.stringify(scenario);
    scenarioJson.set(scenario, json);
  }
  // The same keys in the same order, the scenario's value aside.
  const placeholder = {
    ...file,
    snapshot: { ...snapshot, context: { ...context, scenario: SCENARIO_PLACEHOLDER } },
  };
  const text = JSON.stringify(envelope(placeholder));
  const at = text.indexOf(PLACEHOLDER_JSON);
  if (at < 0) return JSON.stringify(envelope(file));
  return text.slice(0, at) + json + text.slice(at + PLACEHOLDER_JSON.length);
}

/** Each scenario's JSON, made at its first save. */
const scenarioJson = new WeakMap<object, string>();
/** Stands for the scenario in the save until its JSON replaces it: no scenario text has it. */
const SCENARIO_PLACEHOLDER = `oversight-scenario-${Math.random().toString(36).slice(2)}-${Date.now()}`;
const PLACEHOLDER_JSON = JSON.stringify(SCENARIO_PLACEHOLDER);

export type SaveRead =
  | {
      ok: true;
      actor: GameActor;
      table: TableInfo;
      savedAt: string;
      /** A person had paused it: Continue leaves it paused. */
      paused: boolean;
    }
  | { ok: false; message: string };

/**
 * Rebuilds the saved game (paused, as `restoreGame` leaves it) and checks the seats fit its
 * scenario. The message on failure is for players; the technical detail stays out of it.
 */
export function readBrowserSave(text: string): SaveRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The saved game is damaged (it is not readable).' };
  }
  const format =
    typeof data === 'object' && data !== null ? (data as { format?: unknown }).format : undefined;
  if (format !== BROWSER_SAVE_FORMAT) {
    return { ok: false, message: 'The saved game is not one this version of Oversight can read.' };
  }
  const version = (data as { version?: unknown }).version;
  if (version !== BROWSER_SAVE_VERSION) {
    return {
      ok: false,
      message: `The saved game comes from another version of Oversight (save format ${String(version)}); it cannot be continued here.`,
    };
  }
  const parsed = Envelope.safeParse(data);
  if (!parsed.success) return { ok: false, message: 'The saved game is damaged.' };
  const restored = restoreGame(parsed.data.game, Date.parse(parsed.data.savedAt));
  if (!restored.ok) return { ok: false, message: restored.problem.message };
  const actor = restored.actor;
  const scenario = actor.getSnapshot().context.scenario;
  const roles = scenario.roles.map((r) => r.id);
  const { seats, briefed, holder } = parsed.data;
  const fits =
    roles.length === Object.keys(seats).length &&
    roles.every((r) => seats[r] !== undefined) &&
    briefed.every((r) => roles.includes(r)) &&
    (holder === null || roles.includes(holder));
  if (!fits) {
    actor.stop();
    return {
      ok: false,
      message: 'The saved game is damaged (its seats do not match its scenario).',
    };
  }
  return {
    ok: true,
    actor,
    table: {
      mode: parsed.data.mode,
      seats,
      briefed,
      holder,
      ...(parsed.data.name ? { name: cleanTableName(parsed.data.name) } : {}),
    },
    savedAt: parsed.data.savedAt,
    paused: parsed.data.paused ?? false,
  };
}
