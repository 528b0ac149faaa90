/**
 * Rules are pure: an action never changes the state it is given. Each action works on an edit:
 * a shallow copy of the state that shares the state's lists and records until a handler first
 * changes one (`own` / `ownRecord` copy it then, once). So an action pays only for what it
 * changes, and handlers can still push and assign freely on what they own.
 */
import { METER_IDS, type MeterEffects } from '../scenario/schema.ts';
import { meterMove, roundedMeter } from './meters.ts';
import type { GameState, LogEntry, LogKind, MeterDeltas, Meters, RoleId } from './types.ts';

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

/**
 * What a log entry with no subjects or no meter change shares: one frozen empty list and one
 * frozen empty record (entries are never changed once written, and JSON cannot tell them apart
 * from fresh ones), so the many entries without either allocate nothing for them.
 */
export const NO_SUBJECTS: string[] = Object.freeze([]) as unknown as string[];
export const NO_DELTAS: MeterDeltas = Object.freeze({});

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

/**
 * Applies meter effects to a draft and returns what actually moved (as `applyEffects` does; the
 * meters are copied only when one moves, and "nothing moved" is the shared `NO_DELTAS`).
 */
export function moveMeters(s: GameState, effects: MeterEffects | undefined): MeterDeltas {
  if (!effects) return NO_DELTAS;
  let next: Meters | null = null;
  let deltas: MeterDeltas | null = null;
  for (const m of METER_IDS) {
    const change = effects[m];
    if (!change) continue;
    const current = (next ?? s.meters)[m];
    const rounded = roundedMeter(current, change);
    const moved = meterMove(current, rounded);
    if (moved !== 0) {
      next ??= { ...s.meters };
      deltas ??= {};
      deltas[m] = moved;
      next[m] = rounded;
    }
  }
  if (next) s.meters = next;
  return deltas ?? NO_DELTAS;
}

export function addLog(
  s: GameState,
  entry: Pick<LogEntry, 'kind'> & Partial<Omit<LogEntry, 'seq' | 'round' | 'kind'>>,
): void {
  log(
    s,
    entry.kind,
    entry.actor ?? null,
    entry.subjects ?? [],
    entry.deltas ?? {},
    entry.reason ?? null,
  );
}

/**
 * Appends one entry to the log of an edit: `addLog` with the fields as arguments, so the rules
 * build each entry once. (A copy of the right length, by `concat` or a loop, allocates less
 * than `slice` then `push` but runs slower in V8.)
 */
export function log(
  s: GameState,
  kind: LogKind,
  actor: RoleId | null,
  subjects: string[],
  deltas: MeterDeltas,
  reason: string | null,
): void {
  const entry: LogEntry = {
    seq: s.log.length + 1,
    round: s.round,
    kind,
    actor,
    subjects,
    deltas,
    reason,
  };
  own(s, 'log').push(entry);
}
