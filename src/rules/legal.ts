/**
 * Who acts now, and which actions are legal: used by bots, the views (to offer only legal moves)
 * and the tests (to generate random legal games).
 */
import type { Scenario } from '../scenario/schema.ts';
import { openDecisions } from './decision.ts';
import { legalPackagesOf, packageProblem, proposableAssurances } from './packages.ts';
import { currentTurnRole } from './round.ts';
import type { AssuranceId, GameAction, GameState, RoleId } from './types.ts';

/** The role expected to act now, or null when the next step needs no role (CONTINUE, BEGIN). */
export function actingRole(scenario: Scenario, state: GameState): RoleId | null {
  switch (state.phase) {
    case 'negotiation':
      return state.pending ? (state.pending.awaiting[0] ?? null) : currentTurnRole(scenario, state);
    case 'stances':
      return scenario.rounds.turnOrder.find((r) => state.stances[r] === undefined) ?? null;
    case 'decision':
      return scenario.decider;
    default:
      return null;
  }
}

/** Every legal package of 1–3 assurances, smallest first. */
export function legalPackages(scenario: Scenario, state: GameState): AssuranceId[][] {
  return legalPackagesOf(scenario, state, proposableAssurances(scenario, state));
}

/** Legal amendments to the pending package: swap one assurance for one not in it. */
export function legalAmendments(
  scenario: Scenario,
  state: GameState,
): { remove: AssuranceId; add: AssuranceId }[] {
  const p = state.pending;
  if (!p || p.amendedBy) return [];
  const out: { remove: AssuranceId; add: AssuranceId }[] = [];
  for (const add of proposableAssurances(scenario, state)) {
    if (p.assurances.includes(add)) continue;
    for (const remove of p.assurances) {
      const swapped = p.assurances.map((id) => (id === remove ? add : id));
      if (packageProblem(scenario, state, swapped) === null) out.push({ remove, add });
    }
  }
  return out;
}

/** All legal actions now, timeouts included. Used to explore games exhaustively in tests. */
export function legalActions(scenario: Scenario, state: GameState): GameAction[] {
  switch (state.phase) {
    case 'briefing':
      return [{ type: 'BEGIN' }];
    case 'event':
    case 'roundEnd':
    case 'aftermath':
      return [{ type: 'CONTINUE' }];
    case 'negotiation': {
      const role = actingRole(scenario, state);
      if (!role) return [];
      const timeouts: GameAction[] = [
        { type: 'TIMEOUT', scope: 'turn' },
        { type: 'TIMEOUT', scope: 'round' },
      ];
      if (state.pending) {
        return [
          { type: 'RESPOND', role, response: 'support' },
          { type: 'RESPOND', role, response: 'oppose' },
          ...legalAmendments(scenario, state).map((a) => ({ type: 'AMEND' as const, role, ...a })),
          ...timeouts,
        ];
      }
      return [
        { type: 'PASS', role },
        ...legalPackages(scenario, state).map((assurances) => ({
          type: 'PROPOSE' as const,
          role,
          assurances,
        })),
        ...timeouts,
      ];
    }
    case 'stances': {
      const open = openDecisions(scenario, state);
      return scenario.roles
        .filter((r) => state.stances[r.id] === undefined)
        .flatMap((r) => open.map((d) => ({ type: 'STANCE' as const, role: r.id, decision: d.id })));
    }
    case 'decision':
      return openDecisions(scenario, state).map((d) => ({
        type: 'DECIDE' as const,
        role: scenario.decider,
        decision: d.id,
      }));
    case 'debrief':
      return [];
  }
}
