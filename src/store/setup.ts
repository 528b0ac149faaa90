/**
 * The set-up screen's choices: scenario, mode, who sits in each seat, seed and timers. Pure
 * helpers so the rules of seating (solo has exactly one person, or none to watch bots) are
 * tested without a browser.
 */
import type { Seat } from '../bots/types.ts';
import type { RoleId } from '../rules/types.ts';
import type { Scenario } from '../scenario/schema.ts';

export type { Seat };
export const MODES = ['solo', 'pass-and-play', 'projector'] as const;
export type Mode = (typeof MODES)[number];
/** Each mode as the set-up screen names it (and the CSV row writes it). */
export const MODE_NAMES: Record<Mode, string> = {
  solo: 'Solo',
  'pass-and-play': 'Pass and play',
  projector: 'Whole class',
};
export const SEATS = ['human', 'easy', 'normal', 'hard'] as const satisfies readonly Seat[];

/** Largest seed: the rules read seeds as unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;

export interface SetupState {
  /** Catalogue key of the chosen scenario (null until the catalogue has one). */
  scenarioKey: string | null;
  mode: Mode;
  seats: Record<RoleId, Seat>;
  seed: number;
  /**
   * The seed was typed by a person (to replay a game, or to give every table the same one): it
   * is kept for the next game. A drawn one is replaced after each Start.
   */
  seedChosen: boolean;
  /** Seconds per turn (null = no timer). */
  turnSeconds: number | null;
  /** Seconds per round of negotiation (null = no timer). */
  roundSeconds: number | null;
  /**
   * What the teacher calls this table ("Table 3"), or "": it goes into the CSV row and the
   * exported files' names, so rows from several devices can be told apart.
   */
  tableName: string;
}

/** The longest table name kept. */
export const MAX_TABLE_NAME = 40;

/** A table name as kept: no control characters, spaces collapsed and trimmed, at most 40. */
export function cleanTableName(text: string): string {
  return text
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TABLE_NAME)
    .trim();
}

export const DEFAULT_BOT: Seat = 'normal';

/** A fresh random seed (0 … 2³²−1). */
export function randomSeed(random: () => number = Math.random): number {
  return Math.floor(random() * (MAX_SEED + 1)) >>> 0;
}

/** Parses a seed typed by a person: digits only, within range; null when it is not one. */
export function parseSeed(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,10}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n <= MAX_SEED ? n : null;
}

/**
 * Default seats for a mode: solo seats the player as the decision-maker (they can move to any
 * other seat) with bots elsewhere; pass-and-play and the projector seat people everywhere.
 */
export function defaultSeats(scenario: Scenario | null, mode: Mode): Record<RoleId, Seat> {
  const seats: Record<RoleId, Seat> = {};
  if (!scenario) return seats;
  for (const role of scenario.roles) {
    seats[role.id] =
      mode === 'solo' ? (role.id === scenario.decider ? 'human' : DEFAULT_BOT) : 'human';
  }
  return seats;
}

/**
 * Seats one role. In solo, taking a seat as a person moves the player there: the seat they had
 * becomes a bot. (Making the player's own seat a bot leaves nobody: a game of bots to watch.)
 */
export function seatRole(
  seats: Record<RoleId, Seat>,
  mode: Mode,
  role: RoleId,
  seat: Seat,
): Record<RoleId, Seat> {
  if (!(role in seats)) return seats;
  const next = { ...seats, [role]: seat };
  if (mode === 'solo' && seat === 'human') {
    for (const other of Object.keys(next)) {
      if (other !== role && next[other] === 'human') next[other] = DEFAULT_BOT;
    }
  }
  return next;
}

/** A timer value as the setup keeps it: a positive whole number of seconds, or null. */
export function timerValue(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0
    ? Math.round(value)
    : null;
}

/** Where the set-up is kept between visits (a reload on the set-up screen loses nothing). */
export const SETUP_KEY = 'oversight.setup.v1';

/**
 * A stored set-up for `scenario` (its catalogue `key`), each field checked: a mode, seats and
 * timers that do not fit fall back to the defaults, as does a seed out of range (`seed`: a new
 * one). Null when it was for another scenario, or is not a set-up at all.
 */
export function restoredSetup(
  stored: unknown,
  key: string,
  scenario: Scenario,
  seed: number,
): SetupState | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const s = stored as Partial<Record<keyof SetupState, unknown>>;
  if (s.scenarioKey !== key) return null;
  const mode = MODES.find((m) => m === s.mode) ?? 'solo';
  const kept = typeof s.seats === 'object' && s.seats !== null ? s.seats : {};
  const seats = defaultSeats(scenario, mode);
  for (const role of scenario.roles) {
    const seat = (kept as Record<string, unknown>)[role.id];
    const valid = SEATS.find((x) => x === seat);
    if (valid) seats[role.id] = valid;
  }
  // Solo has one person at most (none: bots to watch).
  const people = Object.values(seats).filter((x) => x === 'human').length;
  const seated = mode === 'solo' && people > 1 ? defaultSeats(scenario, mode) : seats;
  return {
    scenarioKey: key,
    mode,
    seats: seated,
    seed:
      typeof s.seed === 'number' && Number.isInteger(s.seed) && s.seed >= 0 && s.seed <= MAX_SEED
        ? s.seed
        : seed,
    seedChosen: s.seedChosen === true && s.seed !== undefined,
    turnSeconds: timerValue(typeof s.turnSeconds === 'number' ? s.turnSeconds : null),
    roundSeconds: timerValue(typeof s.roundSeconds === 'number' ? s.roundSeconds : null),
    tableName: typeof s.tableName === 'string' ? cleanTableName(s.tableName) : '',
  };
}

export function humanRoles(seats: Record<RoleId, Seat>, order: readonly RoleId[]): RoleId[] {
  return order.filter((r) => seats[r] === 'human');
}
