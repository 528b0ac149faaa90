/**
 * The one entry point for changing a game: applyAction(scenario, state, action).
 * Illegal actions return an error and leave the state untouched; they never throw.
 */
import type { Scenario } from '../scenario/schema.ts';
import { decide, declareStance } from './decision.ts';
import { copyState, edit, log, NO_DELTAS, NO_SUBJECTS } from './draft.ts';
import { fail, ok } from './errors.ts';
import { amend, pass, propose, respond, timeout } from './negotiation.ts';
import { startRound } from './round.ts';
import type { GameAction, GameState, Result } from './types.ts';

export function applyAction(
  scenario: Scenario,
  state: GameState,
  action: GameAction,
): Result<GameState> {
  // Actions also come from files and, later, the network: check their shape before trusting it.
  const malformed = actionProblem(action);
  if (malformed) return fail('BAD_ACTION', malformed);
  switch (action.type) {
    case 'BEGIN':
      return begin(scenario, state);
    case 'CONTINUE':
      return continueGame(scenario, state);
    case 'PROPOSE':
      return propose(scenario, state, action.role, action.assurances, action.reason);
    case 'PASS':
      return pass(scenario, state, action.role, action.reason);
    case 'RESPOND':
      return respond(scenario, state, action.role, action.response, action.reason);
    case 'AMEND':
      return amend(scenario, state, action.role, action.remove, action.add, action.reason);
    case 'TIMEOUT':
      return timeout(scenario, state, action.scope);
    case 'STANCE':
      return declareStance(scenario, state, action.role, action.decision, action.reason);
    case 'DECIDE':
      return decide(scenario, state, action.role, action.decision, action.reason);
    default:
      return fail('WRONG_PHASE', 'Unknown action.');
  }
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** Why a value is not a well-formed action, or null when it is. */
function actionProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'An action must be an object.';
  const a = value as Record<string, unknown>;
  if (a.reason !== undefined && !isString(a.reason)) return 'A reason must be text.';
  switch (a.type) {
    case 'BEGIN':
    case 'CONTINUE':
      return null;
    case 'PROPOSE':
      if (!Array.isArray(a.assurances) || !a.assurances.every(isString)) {
        return 'A proposal lists assurance ids.';
      }
      break;
    case 'RESPOND':
      if (a.response !== 'support' && a.response !== 'oppose') {
        return 'A response is "support" or "oppose".';
      }
      break;
    case 'AMEND':
      if (!isString(a.remove) || !isString(a.add)) return 'An amendment names two assurance ids.';
      break;
    case 'TIMEOUT':
      return a.scope === 'turn' || a.scope === 'round' ? null : 'A timeout is "turn" or "round".';
    case 'STANCE':
    case 'DECIDE':
      if (!isString(a.decision)) return 'A stance or decision names a decision id.';
      break;
    case 'PASS':
      break;
    default:
      return 'Unknown action.';
  }
  return isString(a.role) ? null : 'The action must name a role.';
}

function begin(scenario: Scenario, state: GameState): Result<GameState> {
  if (state.phase !== 'briefing') return fail('WRONG_PHASE', 'The game has already begun.');
  const s = edit(state);
  log(s, 'begin', null, NO_SUBJECTS, NO_DELTAS, null);
  startRound(scenario, s);
  return ok(s);
}

/** Moves past a screen that only needs acknowledging: the event card, round end, aftermath. */
function continueGame(scenario: Scenario, state: GameState): Result<GameState> {
  switch (state.phase) {
    case 'event':
      return ok(withPhase(state, 'negotiation'));
    case 'roundEnd': {
      if (state.round >= state.roundsTotal) return ok(withPhase(state, 'stances'));
      const s = edit(state);
      startRound(scenario, s);
      return ok(s);
    }
    case 'aftermath':
      return ok(withPhase(state, 'debrief'));
    default:
      return fail('WRONG_PHASE', 'There is nothing to continue from here.');
  }
}

/** The next step is only a change of screen: nothing else of the state changes. */
function withPhase(state: GameState, phase: GameState['phase']): GameState {
  const s = copyState(state);
  s.phase = phase;
  s.step = state.step + 1;
  return s;
}

/** Applies an action, or returns the state unchanged when it is not legal. */
export function applyOrKeep(scenario: Scenario, state: GameState, action: GameAction): GameState {
  const result = applyAction(scenario, state, action);
  return result.ok ? result.value : state;
}
