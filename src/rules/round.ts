/** The round cycle: event card, negotiation turns, round end with delayed effects. */
import type { GameEvent, Scenario } from '../scenario/schema.ts';
import { conditionHolds } from './conditions.ts';
import { log, moveMeters, NO_DELTAS, NO_SUBJECTS, own, ownRecord } from './draft.ts';
import { pickWeighted } from './rng.ts';
import { indexScenario } from './scenario-index.ts';
import type { GameState } from './types.ts';

/** Events that could be drawn now. */
export function eligibleEvents(scenario: Scenario, s: GameState): GameEvent[] {
  const out: GameEvent[] = [];
  for (const e of scenario.events) {
    if (!(e.once && s.drawnEvents.includes(e.id)) && conditionHolds(scenario, s, e.when)) {
      out.push(e);
    }
  }
  return out;
}

/** Starts round `s.round + 1` on a draft: draws its event card. */
export function startRound(scenario: Scenario, s: GameState): void {
  s.round += 1;
  s.turn = 0;
  s.phase = 'event';
  s.pending = null;
  const candidates = eligibleEvents(scenario, s);
  const weights: number[] = [];
  for (const e of candidates) weights.push(e.weight);
  const [pick, rng] = pickWeighted(s.rng, weights);
  s.rng = rng;
  const event = candidates[pick];
  if (!event) {
    s.currentEvent = null;
    return;
  }
  s.currentEvent = event.id;
  own(s, 'drawnEvents').push(event.id);
  const deltas = moveMeters(s, event.effects);
  for (const change of event.valuationChanges) {
    const all = ownRecord(s, 'valuationDeltas');
    const mine = { ...(all[change.role] ?? {}) };
    mine[change.target] = (mine[change.target] ?? 0) + change.delta;
    all[change.role] = mine;
  }
  for (const id of event.unlocks) if (!s.unlocked.includes(id)) own(s, 'unlocked').push(id);
  log(s, 'event', null, [event.id, ...event.unlocks], deltas, null);
}

/** The turn passes to the next role; after the last one the round ends. */
export function advanceTurn(scenario: Scenario, s: GameState): void {
  s.pending = null;
  s.turn += 1;
  if (s.turn >= scenario.rounds.turnOrder.length) endRound(scenario, s);
}

/** Round end: delayed effects that are due land, each logged with its own cause. */
export function endRound(scenario: Scenario, s: GameState): void {
  const index = indexScenario(scenario);
  s.pending = null;
  s.phase = 'roundEnd';
  // Nothing delayed (the usual case): the list stays as it is, shared.
  const due = s.delayed.length > 0 ? s.delayed.filter((d) => d.dueRound <= s.round) : s.delayed;
  if (due.length > 0) s.delayed = s.delayed.filter((d) => d.dueRound > s.round);
  for (const d of due) {
    const deltas = moveMeters(s, index.assurances.get(d.assurance)?.effects);
    log(s, 'delayed-effect', null, [d.assurance], deltas, null);
  }
  log(s, 'round-end', null, NO_SUBJECTS, NO_DELTAS, null);
}

export function currentTurnRole(scenario: Scenario, s: GameState): string | null {
  if (s.phase !== 'negotiation') return null;
  return scenario.rounds.turnOrder[s.turn] ?? null;
}
