/**
 * Scoring.
 *
 * Balance (0–100) is conjunctive, so one collapsed meter cannot be hidden by two high ones.
 * In plain words, as players are told: "Each meter scores 100% at the middle of its healthy
 * band, 50% at the edges of the band, and 0% at 0 or 100. The balance is the geometric mean of
 * the three scores: if any one meter collapses, the balance collapses with it."
 *
 * A role's private score is the sum of
 *   - its valuations of the agreed assurances (only while they can still bind: before the
 *     decision, or when the decision makes them contract terms),
 *   - its valuation of the decision taken (plus its valuation of "defer" if the decision-maker
 *     deferred once: delay has a price, or a worth, of its own),
 *   - Σ meterWeight × (meter now − meter at start).
 * It is satisfied when that total is at or above its reservation value.
 */
import { METER_IDS, type MeterId, type Scenario } from '../scenario/schema.ts';
import { indexScenario } from './scenario-index.ts';
import type { GameState, Meters, RoleId } from './types.ts';

export const BALANCE_RULE_TEXT =
  'Each meter scores 100% at the middle of its healthy band, 50% at the edges of the band, ' +
  'and 0% at 0 or 100. The balance is the geometric mean of the three scores: if any one ' +
  'meter collapses, the balance collapses with it.';

/** Health of one meter, 0–1: 1 at the band's middle, 0.5 at its edges, 0 at 0 or 100. */
export function meterHealth(value: number, band: { low: number; high: number }): number {
  const { low, high } = band;
  if (value < low) return low <= 0 ? 0.5 : (0.5 * value) / low;
  if (value > high) return high >= 100 ? 0.5 : (0.5 * (100 - value)) / (100 - high);
  const mid = (low + high) / 2;
  const half = (high - low) / 2;
  if (half <= 0) return 1;
  return 1 - (0.5 * Math.abs(value - mid)) / half;
}

// balanceScore spells the three meters out (bots call it for every card they weigh): this stops
// compiling if the meters ever change.
METER_IDS satisfies readonly ['trust', 'security', 'privacy'];

export function balanceScore(scenario: Scenario, meters: Meters): number {
  const m = scenario.meters;
  const product =
    meterHealth(meters.trust, m.trust.band) *
    meterHealth(meters.security, m.security.band) *
    meterHealth(meters.privacy, m.privacy.band);
  return Math.round(100 * Math.cbrt(product) * 10) / 10;
}

export type BandStatus = 'low' | 'healthy' | 'high';

export function bandStatus(scenario: Scenario, meter: MeterId, value: number): BandStatus {
  const band = scenario.meters[meter].band;
  return value < band.low ? 'low' : value > band.high ? 'high' : 'healthy';
}

/** A role's private worth of an assurance or decision, including changes made by events. */
export function valuation(scenario: Scenario, state: GameState, role: RoleId, id: string): number {
  const index = indexScenario(scenario);
  const base =
    index.assurances.get(id)?.valuations[role] ?? index.decisions.get(id)?.valuations[role] ?? 0;
  return base + (state.valuationDeltas[role]?.[id] ?? 0);
}

export interface RoleScore {
  role: RoleId;
  assurances: number;
  decision: number;
  meters: number;
  total: number;
  reservation: number;
  satisfied: boolean;
}

/** Do agreed assurances still bind? Before the decision we count them (they might). */
export function conditionsCount(scenario: Scenario, state: GameState): boolean {
  if (state.decision === null) return true;
  return indexScenario(scenario).decisions.get(state.decision)?.enforcesConditions ?? false;
}

export function roleScore(scenario: Scenario, state: GameState, role: RoleId): RoleScore {
  const r = indexScenario(scenario).roles.get(role);
  let assurances = 0;
  if (conditionsCount(scenario, state)) {
    for (const a of state.agreed) assurances += valuation(scenario, state, role, a.id);
  }
  let decision = state.decision === null ? 0 : valuation(scenario, state, role, state.decision);
  if (state.deferred) {
    const defer = scenario.decisions.find((d) => d.kind === 'defer');
    if (defer) decision += valuation(scenario, state, role, defer.id);
  }
  let meters = 0;
  if (r) {
    for (const m of METER_IDS) {
      meters += r.meterWeights[m] * (state.meters[m] - scenario.meters[m].start);
    }
  }
  const round = (x: number) => Math.round(x * 10) / 10;
  const total = round(assurances + decision + meters);
  const reservation = r?.reservation ?? 0;
  return {
    role,
    assurances: round(assurances),
    decision: round(decision),
    meters: round(meters),
    total,
    reservation,
    satisfied: total >= reservation,
  };
}

export function allRoleScores(scenario: Scenario, state: GameState): RoleScore[] {
  return scenario.roles.map((r) => roleScore(scenario, state, r.id));
}
