/** Public stances, the decision, and the aftermath ("twelve months later"). */
import type { Decision, Scenario } from '../scenario/schema.ts';
import { conditionHolds, isAgreed } from './conditions.ts';
import { edit, log, moveMeters, NO_DELTAS, own, ownRecord } from './draft.ts';
import { fail, ok } from './errors.ts';
import { flagDecision } from './red-lines.ts';
import { nextRandom } from './rng.ts';
import { startRound } from './round.ts';
import { indexScenario } from './scenario-index.ts';
import type { DecisionId, GameState, Result, RoleId } from './types.ts';

/** Can this decision be taken now? */
export function decisionOpen(decision: Decision, state: GameState): boolean {
  if (decision.kind === 'defer' && state.deferred) return false;
  const req = decision.requires;
  const count = state.agreed.length;
  if (count < req.minAgreed) return false;
  if (req.maxAgreed !== undefined && count > req.maxAgreed) return false;
  for (const id of req.allAgreed) if (!isAgreed(state, id)) return false;
  return true;
}

export function openDecisions(scenario: Scenario, state: GameState): Decision[] {
  return scenario.decisions.filter((d) => decisionOpen(d, state));
}

function lookupDecision(scenario: Scenario, state: GameState, id: DecisionId): Result<Decision> {
  const decision = indexScenario(scenario).decisions.get(id);
  if (!decision) return fail('UNKNOWN_DECISION', `There is no decision "${id}".`);
  if (!decisionOpen(decision, state)) {
    return fail(
      'DECISION_NOT_OPEN',
      `"${decision.title.text}" is not open: its requirements do not hold.`,
    );
  }
  return ok(decision);
}

export function declareStance(
  scenario: Scenario,
  state: GameState,
  role: RoleId,
  id: DecisionId,
  reason?: string,
): Result<GameState> {
  if (state.phase !== 'stances')
    return fail('WRONG_PHASE', 'Stances are declared after the last round.');
  if (!indexScenario(scenario).roles.has(role))
    return fail('UNKNOWN_ROLE', `There is no role "${role}".`);
  if (state.stances[role] !== undefined)
    return fail('NOT_YOUR_TURN', 'You have already declared your stance.');
  const found = lookupDecision(scenario, state, id);
  if (!found.ok) return found;
  const s = edit(state);
  ownRecord(s, 'stances')[role] = id;
  flagDecision(scenario, s, role, id, 'stance');
  log(s, 'stance', role, [id], NO_DELTAS, reason ?? null);
  if (scenario.roles.every((r) => s.stances[r.id] !== undefined)) s.phase = 'decision';
  return ok(s);
}

export function decide(
  scenario: Scenario,
  state: GameState,
  role: RoleId,
  id: DecisionId,
  reason?: string,
): Result<GameState> {
  if (state.phase !== 'decision')
    return fail('WRONG_PHASE', 'The decision comes after the stances.');
  if (role !== scenario.decider) return fail('NOT_DECIDER', 'Only the decision-maker can decide.');
  const found = lookupDecision(scenario, state, id);
  if (!found.ok) return found;
  const decision = found.value;
  const s = edit(state);
  flagDecision(scenario, s, role, id, 'decided');
  if (decision.kind === 'defer') {
    // One more round of negotiation, at a cost in trust; stances are declared afresh.
    const deltas = moveMeters(s, decisionEffects(scenario, decision));
    log(s, 'defer', role, [id], deltas, reason ?? null);
    s.deferred = true;
    s.roundsTotal += 1;
    s.stances = {};
    startRound(scenario, s);
    return ok(s);
  }
  s.decision = id;
  const deltas = moveMeters(s, decision.effects);
  log(s, 'decision', role, [id], deltas, reason ?? null);
  runAftermath(scenario, s, decision);
  return ok(s);
}

/** What a decision does to the meters when taken: a defer adds the scenario's cost of delay. */
export function decisionEffects(scenario: Scenario, decision: Decision): Decision['effects'] {
  return decision.kind === 'defer'
    ? sumTwo(scenario.costs.defer, decision.effects)
    : decision.effects;
}

function sumTwo(a: Decision['effects'], b: Decision['effects']): Decision['effects'] {
  return {
    trust: (a.trust ?? 0) + (b.trust ?? 0),
    security: (a.security ?? 0) + (b.security ?? 0),
    privacy: (a.privacy ?? 0) + (b.privacy ?? 0),
  };
}

/**
 * Twelve months later: if the decision made the agreed assurances binding, each verifiable one
 * is audited (odds shaped by the others in force, e.g. an independent auditor); then the
 * epilogues whose conditions hold are chosen.
 */
function runAftermath(scenario: Scenario, s: GameState, decision: Decision): void {
  const index = indexScenario(scenario);
  s.phase = 'aftermath';
  // Promises whose effects had not landed yet: a binding contract delivers them in the twelve
  // months that follow; otherwise they were only words at the table and never land.
  const late = s.delayed;
  s.delayed = [];
  if (decision.enforcesConditions) {
    for (const d of late) {
      const deltas = moveMeters(s, index.assurances.get(d.assurance)?.effects);
      log(s, 'delayed-effect', null, [d.assurance], deltas, null);
    }
  }
  if (decision.enforcesConditions) {
    for (const agreed of s.agreed) {
      const assurance = index.assurances.get(agreed.id);
      if (!assurance?.verification) continue;
      let chance = assurance.verification.breachChance;
      for (const other of s.agreed) {
        if (other.id !== agreed.id) chance += index.assurances.get(other.id)?.auditModifier ?? 0;
      }
      chance = Math.min(1, Math.max(0, Math.round(chance * 1000) / 1000));
      const [roll, rng] = nextRandom(s.rng);
      s.rng = rng;
      const breached = roll < chance;
      own(s, 'audits').push({ assurance: agreed.id, chance, breached });
      const deltas = breached ? moveMeters(s, assurance.verification.breachEffects) : NO_DELTAS;
      log(
        s,
        'audit',
        assurance.deliverer,
        [agreed.id, breached ? 'breached' : 'kept'],
        deltas,
        null,
      );
    }
  }
  for (const epilogue of scenario.epilogues) {
    if (conditionHolds(scenario, s, epilogue.when)) {
      own(s, 'epilogues').push(epilogue.id);
      log(s, 'epilogue', null, [epilogue.id], NO_DELTAS, null);
    }
  }
}
