/**
 * chooseBotAction(scenario, state, role, level): the bot's move for a role that is expected to
 * act now, always with a one-line reason. Pure and deterministic: the same state, role and level
 * give the same move.
 */
import type { GameAction, GameState, RoleId } from '../rules/types.ts';
import type { Scenario } from '../scenario/schema.ts';
import { chooseDecision, chooseStance } from './decide.ts';
import { readMind } from './mind.ts';
import { chooseTurn } from './propose.ts';
import { chooseResponse } from './respond.ts';
import type { BotLevel } from './types.ts';

/** Can this role move now? (Screens — briefing, event, round end, aftermath — need no role.) */
export function botCanAct(scenario: Scenario, state: GameState, role: RoleId): boolean {
  switch (state.phase) {
    case 'negotiation':
      return state.pending
        ? state.pending.awaiting[0] === role
        : scenario.rounds.turnOrder[state.turn] === role;
    case 'stances':
      return state.stances[role] === undefined && scenario.roles.some((r) => r.id === role);
    case 'decision':
      return scenario.decider === role;
    default:
      return false;
  }
}

export function chooseBotAction(
  scenario: Scenario,
  state: GameState,
  role: RoleId,
  level: BotLevel,
): GameAction {
  if (!botCanAct(scenario, state, role)) {
    throw new Error(
      `chooseBotAction: "${role}" has no move in phase "${state.phase}" (round ${state.round}).`,
    );
  }
  const mind = readMind(scenario, state, role, level);
  switch (state.phase) {
    case 'negotiation':
      return state.pending ? chooseResponse(mind) : chooseTurn(mind);
    case 'stances':
      return chooseStance(mind);
    default:
      return chooseDecision(mind);
  }
}
