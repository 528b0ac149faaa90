/** Rebuilds a game from scenario + seed + the actions that were applied. */
import type { Scenario } from '../scenario/schema.ts';
import { applyAction } from './apply.ts';
import { createGame } from './setup.ts';
import type { GameAction, GameState, RuleError } from './types.ts';

export type ReplayResult =
  | { ok: true; state: GameState }
  | { ok: false; state: GameState; failedAt: number; error: RuleError };

/** Every action must be legal where it stands; the first illegal one stops the replay. */
export function replay(
  scenario: Scenario,
  seed: number,
  actions: readonly GameAction[],
): ReplayResult {
  let state = createGame(scenario, seed);
  for (let i = 0; i < actions.length; i++) {
    const action = actions[i] as GameAction;
    const result = applyAction(scenario, state, action);
    if (!result.ok) return { ok: false, state, failedAt: i, error: result.error };
    state = result.value;
  }
  return { ok: true, state };
}
