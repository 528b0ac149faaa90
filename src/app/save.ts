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
import { MODES, type Mode, SEATS, type Seat } from '../store/setup.ts';

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
}

const Envelope = z.object({
  format: z.literal(BROWSER_SAVE_FORMAT),
  version: z.number(),
  savedAt: z.string(),
  mode: z.enum(MODES),
  seats: z.record(z.string(), z.enum(SEATS)),
  briefed: z.array(z.string()),
  holder: z.string().nullable(),
  game: z.unknown(),
});

export function saveText(actor: GameActor, table: TableInfo, now: Date): string {
  return JSON.stringify({
    format: BROWSER_SAVE_FORMAT,
    version: BROWSER_SAVE_VERSION,
    savedAt: now.toISOString(),
    ...table,
    game: saveGame(actor),
  });
}

export type SaveRead =
  | { ok: true; actor: GameActor; table: TableInfo; savedAt: string }
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
  const restored = restoreGame(parsed.data.game);
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
    table: { mode: parsed.data.mode, seats, briefed, holder },
    savedAt: parsed.data.savedAt,
  };
}
