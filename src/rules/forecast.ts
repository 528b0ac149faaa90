/**
 * What each final decision would give a role, for the person choosing one: their final score
 * (scoring.ts) right after that decision, with everything the rules settle for certain at that
 * moment — the decision's own worth, its meter effects, the promises agreed (only when it makes
 * them contract terms) and the delayed effects a binding contract then delivers.
 *
 * A decision's own worth alone misleads: "Approve with conditions" can be worth −20 to the
 * Mayor and still be the Mayor's best choice, because it is what makes the agreed promises count.
 *
 * The audits twelve months on are left out: their outcome is chance, drawn from the game's RNG
 * when they happen, and a forecast that included them would give the draw away.
 */

import type { Scenario } from '../scenario/schema.ts';
import { moveMeters } from './draft.ts';
import { indexScenario } from './scenario-index.ts';
import { roleScore } from './scoring.ts';
import type { DecisionId, GameState, RoleId } from './types.ts';

/** The role's score if the decider took `id` now, before the audits; null for a defer. */
export function scoreIfDecided(
  scenario: Scenario,
  state: GameState,
  role: RoleId,
  id: DecisionId,
): number | null {
  const index = indexScenario(scenario);
  const decision = index.decisions.get(id);
  if (decision?.kind !== 'final') return null;
  // A shallow copy: moveMeters replaces `meters` on it and touches nothing else.
  const after: GameState = { ...state, decision: id };
  moveMeters(after, decision.effects);
  if (decision.enforcesConditions) {
    for (const late of state.delayed)
      moveMeters(after, index.assurances.get(late.assurance)?.effects);
  }
  return roleScore(scenario, after, role).total;
}

/**
 * `scoreIfDecided` for each final decision, while the decision is ahead (the stances and the
 * decision itself); empty at any other time.
 */
export function scoresIfDecided(
  scenario: Scenario,
  state: GameState,
  role: RoleId,
): Record<DecisionId, number> {
  const scores: Record<DecisionId, number> = {};
  if (state.phase !== 'stances' && state.phase !== 'decision') return scores;
  for (const d of scenario.decisions) {
    const score = scoreIfDecided(scenario, state, role, d.id);
    if (score !== null) scores[d.id] = score;
  }
  return scores;
}
