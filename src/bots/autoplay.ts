/**
 * The driver that keeps a game moving: who, if anyone, moves automatically next.
 *
 * Screens (briefing, event card, round end, aftermath) are acknowledged automatically only when
 * no person sits at the table — people need time to read them. A bot seat moves when it is its
 * turn; in the stances phase bots declare without waiting for people (stances are public
 * anyway). Null means a person must act (or the game is over).
 */
import { actingRole } from '../rules/legal.ts';
import type { GameAction, GameState } from '../rules/types.ts';
import type { Scenario } from '../scenario/schema.ts';
import { botCanAct, chooseBotAction } from './choose.ts';
import type { Seats } from './types.ts';

export interface AutoplayOptions {
  /** Acknowledge screens automatically. Default: only when every seat is a bot. */
  advanceScreens?: boolean;
}

export function nextAutomaticAction(
  scenario: Scenario,
  state: GameState,
  seats: Seats,
  options: AutoplayOptions = {},
): GameAction | null {
  const advance = options.advanceScreens ?? scenario.roles.every((r) => isBot(seats, r.id));
  switch (state.phase) {
    case 'briefing':
      return advance ? { type: 'BEGIN' } : null;
    case 'event':
    case 'roundEnd':
    case 'aftermath':
      return advance ? { type: 'CONTINUE' } : null;
    case 'debrief':
      return null;
    case 'stances': {
      // The first bot in turn order (then scenario order) that has not declared yet.
      for (const role of scenario.rounds.turnOrder) {
        const action = stanceOf(scenario, state, seats, role);
        if (action) return action;
      }
      for (const r of scenario.roles) {
        const action = stanceOf(scenario, state, seats, r.id);
        if (action) return action;
      }
      return null;
    }
    default: {
      const role = actingRole(scenario, state);
      const seat = role === null ? undefined : seats[role];
      if (role === null || !seat || seat === 'human') return null;
      return chooseBotAction(scenario, state, role, seat);
    }
  }
}

/** The role's stance if a bot sits there and has not declared yet. */
function stanceOf(
  scenario: Scenario,
  state: GameState,
  seats: Seats,
  role: string,
): GameAction | null {
  const seat = seats[role];
  if (!seat || seat === 'human' || !botCanAct(scenario, state, role)) return null;
  return chooseBotAction(scenario, state, role, seat);
}

function isBot(seats: Seats, role: string): boolean {
  const seat = seats[role];
  return seat !== undefined && seat !== 'human';
}
