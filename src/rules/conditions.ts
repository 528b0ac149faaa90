/** Evaluates a scenario Condition (events, epilogues) against the game state. */
import { type Condition, METER_IDS, type Scenario } from '../scenario/schema.ts';
import type { GameState } from './types.ts';

function inRange(
  value: number,
  range: { min?: number | undefined; max?: number | undefined } | undefined,
) {
  if (!range) return true;
  if (range.min !== undefined && value < range.min) return false;
  if (range.max !== undefined && value > range.max) return false;
  return true;
}

export function isAgreed(state: GameState, id: string): boolean {
  for (const a of state.agreed) if (a.id === id) return true;
  return false;
}

export function conditionHolds(scenario: Scenario, state: GameState, when: Condition): boolean {
  if (!inRange(state.round, when.rounds)) return false;
  if (when.meters) {
    for (const m of METER_IDS) if (!inRange(state.meters[m], when.meters[m])) return false;
  }
  if (when.agreed) for (const id of when.agreed) if (!isAgreed(state, id)) return false;
  if (when.notAgreed) for (const id of when.notAgreed) if (isAgreed(state, id)) return false;
  if (when.decisions && (state.decision === null || !when.decisions.includes(state.decision))) {
    return false;
  }
  if (when.deferred !== undefined && state.deferred !== when.deferred) return false;
  if (when.breach !== undefined && state.audits.some((a) => a.breached) !== when.breach)
    return false;
  if (when.meterFailure) {
    const { meter, end } = when.meterFailure;
    const band = scenario.meters[meter].band;
    const value = state.meters[meter];
    if (end === 'low' ? value >= band.low : value <= band.high) return false;
  }
  return true;
}
