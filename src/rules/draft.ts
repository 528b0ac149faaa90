/**
 * Rules are pure: an action never changes the state it is given. Each action works on a draft,
 * a copy of the state whose arrays and records are fresh, so handlers can push and assign freely.
 * The game state is small (a few dozen entries per list), so copying is cheap.
 */
import type { MeterEffects } from '../scenario/schema.ts';
import { applyEffects } from './meters.ts';
import type { GameState, LogEntry, MeterDeltas } from './types.ts';

export function draft(state: GameState): GameState {
  return {
    ...state,
    meters: { ...state.meters },
    unlocked: [...state.unlocked],
    valuationDeltas: { ...state.valuationDeltas },
    drawnEvents: [...state.drawnEvents],
    packages: [...state.packages],
    agreed: [...state.agreed],
    delayed: [...state.delayed],
    stances: { ...state.stances },
    audits: [...state.audits],
    epilogues: [...state.epilogues],
    redLineFlags: [...state.redLineFlags],
    log: [...state.log],
    step: state.step + 1,
  };
}

/** Applies meter effects to a draft and returns what actually moved. */
export function moveMeters(s: GameState, effects: MeterEffects | undefined): MeterDeltas {
  const { meters, deltas } = applyEffects(s.meters, effects);
  s.meters = meters;
  return deltas;
}

export function addLog(
  s: GameState,
  entry: Pick<LogEntry, 'kind'> & Partial<Omit<LogEntry, 'seq' | 'round' | 'kind'>>,
): void {
  s.log.push({
    seq: s.log.length + 1,
    round: s.round,
    kind: entry.kind,
    actor: entry.actor ?? null,
    subjects: entry.subjects ?? [],
    deltas: entry.deltas ?? {},
    reason: entry.reason ?? null,
  });
}
