/**
 * Helpers for the bot tests: the scenarios to play (the fixtures, and the flagship draft when it
 * exists and loads), and bot games played on the pure rules with every move checked for legality.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nextAutomaticAction } from '../../src/bots/autoplay.ts';
import type { BotLevel, Seats } from '../../src/bots/types.ts';
import { applyAction } from '../../src/rules/apply.ts';
import { createGame } from '../../src/rules/setup.ts';
import type { GameAction, GameState } from '../../src/rules/types.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { duo, table } from '../support/scenarios.ts';

/**
 * Timeout for tests that play many whole games: seconds on a quiet machine, but CI runners and
 * shared machines can be many times slower, and a timeout is not what these tests check.
 */
export const MANY_GAMES = 180_000;

export const FLAGSHIP_PATH = fileURLToPath(
  new URL('../../scenarios/met-palantir-2026.json', import.meta.url),
);

let flagshipCache: Scenario | null | undefined;

/** The flagship draft, or null while it is missing or does not load. */
export function flagship(): Scenario | null {
  if (flagshipCache !== undefined) return flagshipCache;
  flagshipCache = null;
  if (existsSync(FLAGSHIP_PATH)) {
    const loaded = loadScenario(readFileSync(FLAGSHIP_PATH, 'utf8'), FLAGSHIP_PATH);
    if (loaded.ok) flagshipCache = loaded.scenario;
  }
  return flagshipCache;
}

/** The scenarios every bot property is checked on. */
export function scenariosToPlay(): [string, Scenario][] {
  const out: [string, Scenario][] = [
    ['table', table()],
    ['duo', duo()],
  ];
  const f = flagship();
  if (f) out.push(['flagship', f]);
  return out;
}

export function seatsOf(scenario: Scenario, level: BotLevel | ((i: number) => BotLevel)): Seats {
  const seats: Seats = {};
  scenario.roles.forEach((r, i) => {
    seats[r.id] = typeof level === 'string' ? level : level(i);
  });
  return seats;
}

export interface PlayedMove {
  before: GameState;
  action: GameAction;
}

/**
 * A whole game on the pure rules, driven by nextAutomaticAction. Throws, naming the move, if a
 * bot's move is refused or the game does not end.
 */
export function playPure(
  scenario: Scenario,
  seed: number,
  seats: Seats,
): { state: GameState; moves: PlayedMove[] } {
  let state = createGame(scenario, seed);
  const moves: PlayedMove[] = [];
  for (let step = 0; state.phase !== 'debrief'; step++) {
    if (step > 2000) throw new Error(`seed ${seed}: no end (phase ${state.phase})`);
    const action = nextAutomaticAction(scenario, state, seats, { advanceScreens: true });
    if (!action) throw new Error(`seed ${seed}: nobody moves in phase ${state.phase}`);
    const result = applyAction(scenario, state, action);
    if (!result.ok) {
      throw new Error(
        `seed ${seed}: ${JSON.stringify(action)} refused in ${state.phase}: ${result.error.message}`,
      );
    }
    moves.push({ before: state, action });
    state = result.value;
  }
  return { state, moves };
}
