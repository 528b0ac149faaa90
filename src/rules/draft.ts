/**
 * Rules are pure: an action never changes the state it is given. Each action works on an edit:
 * a shallow copy of the state that shares the state's lists and records until a handler first
 * changes one (`own` / `ownRecord` copy it then, once). So an action pays only for what it
 * changes, and handlers can still push and assign freely on what they own.
 */
import type { MeterEffects } from '../scenario/schema.ts';
import { applyEffects } from './meters.ts';
import type { GameState, LogEntry, MeterDeltas } from './types.ts';

/** The fields of the state that are lists. */
type ListKey = {
  [K in keyof GameState]: GameState[K] extends readonly unknown[] ? K : never;
}[keyof GameState];
/** The fields of the state that are records changed entry by entry. */
type RecordKey = 'valuationDeltas' | 'stances';

/**
 * The edit being made and the state it was made from. Actions run one at a time and make one
 * edit each, so one slot is enough; a list of any other state (an older edit, a full `draft`) is
 * copied whenever it is asked for, which is always safe.
 */
let editing: GameState | null = null;
let editedFrom: GameState | null = null;

/** A new state to change for one action: the step counted, every list and record still shared. */
export function edit(state: GameState): GameState {
  const s = copyState(state);
  s.step = state.step + 1;
  editing = s;
  editedFrom = state;
  return s;
}

/**
 * A shallow copy, field by field: one object shape for every state, which keeps the copy (and
 * every read of a state) on V8's fast path. TypeScript checks that no field is missing.
 */
export function copyState(s: GameState): GameState {
  return {
    stateVersion: s.stateVersion,
    scenarioId: s.scenarioId,
    seed: s.seed,
    rng: s.rng,
    phase: s.phase,
    round: s.round,
    roundsTotal: s.roundsTotal,
    turn: s.turn,
    meters: s.meters,
    unlocked: s.unlocked,
    valuationDeltas: s.valuationDeltas,
    drawnEvents: s.drawnEvents,
    currentEvent: s.currentEvent,
    pending: s.pending,
    packages: s.packages,
    agreed: s.agreed,
    delayed: s.delayed,
    stances: s.stances,
    deferred: s.deferred,
    decision: s.decision,
    audits: s.audits,
    epilogues: s.epilogues,
    redLineFlags: s.redLineFlags,
    log: s.log,
    step: s.step,
  };
}

/** Compiles only while every field of the state is required, so `copyState` can drop none. */
type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];
export type StateHasNoOptionalFields = [OptionalKeys<GameState>] extends [never] ? true : never;
const stateHasNoOptionalFields: StateHasNoOptionalFields = true;
void stateHasNoOptionalFields;

/** Is this list or record of `s` possibly shared with another state (so not yet its own)? */
function shared(s: GameState, key: ListKey | RecordKey): boolean {
  return s !== editing || editedFrom === null || s[key] === editedFrom[key];
}

/** A deep-enough copy: every list and record fresh, so all of them can be changed at once. */
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

/** A list of an edit that this action may change: copied on first use, then its own. */
export function own<K extends ListKey>(s: GameState, key: K): GameState[K] {
  if (shared(s, key)) s[key] = s[key].slice() as GameState[K];
  return s[key];
}

/** A record of an edit that this action may change: copied on first use, then its own. */
export function ownRecord<K extends RecordKey>(s: GameState, key: K): GameState[K] {
  if (shared(s, key)) s[key] = { ...s[key] };
  return s[key];
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
  const log = own(s, 'log');
  log.push({
    seq: log.length + 1,
    round: s.round,
    kind: entry.kind,
    actor: entry.actor ?? null,
    subjects: entry.subjects ?? [],
    deltas: entry.deltas ?? {},
    reason: entry.reason ?? null,
  });
}
