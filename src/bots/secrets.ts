/**
 * The bot's own private information, as the player in that seat is shown it:
 * `viewFor(scenario, state, role).me`. Nothing about any other role is read.
 *
 * viewFor builds the whole public view (tens of microseconds), far too slow for the ~50 bot
 * moves of each simulated game. So it is asked once per scenario and role, and the one part of
 * `me` that changes during a game — valuations, moved by events — is brought up to date from the
 * role's own entry in the game's event changes, exactly as viewFor computes it (a test checks
 * the two agree on every move of many games). `me.score` is not kept: the bots project their own.
 */
import type { GameState, RoleId } from '../rules/types.ts';
import { viewFor } from '../rules/view.ts';
import type { MeterWeights, Role, Scenario } from '../scenario/schema.ts';
import { packageTables } from './tables.ts';

export interface Secrets {
  readonly role: RoleId;
  readonly meterWeights: MeterWeights;
  readonly reservation: number;
  readonly redLines: Role['redLines'];
  /** My valuation of each assurance (event changes included), by position in the scenario. */
  readonly assurance: readonly number[];
  /** My valuation of each decision (event changes included), by id. */
  readonly decision: Readonly<Record<string, number>>;
  /** The same by position in scenario.decisions (0 where I have none). */
  readonly decisionValue: readonly number[];
  /** 1 for each decision on my red lines, by position in scenario.decisions. */
  readonly redDecision: readonly number[];
  /** 1 for each assurance on my red lines, by position. */
  readonly redAssurance: Uint8Array;
}

interface Known {
  /** Secrets without event changes. */
  base: Secrets;
  /** The last event changes seen, and the secrets with them applied. */
  deltas: Readonly<Record<string, number>> | undefined;
  current: Secrets;
}

const cache = new WeakMap<Scenario, Map<RoleId, Known>>();

export function readSecrets(scenario: Scenario, state: GameState, role: RoleId): Secrets | null {
  let byRole = cache.get(scenario);
  if (!byRole) {
    byRole = new Map();
    cache.set(scenario, byRole);
  }
  const deltas = state.valuationDeltas[role];
  let known = byRole.get(role);
  if (!known) {
    const base = fromView(scenario, state, role);
    if (!base) return null;
    known = { base, deltas: undefined, current: base };
    byRole.set(role, known);
  }
  // The rules replace a role's entry with a new object whenever an event changes it.
  if (deltas !== known.deltas && !sameChanges(deltas, known.deltas)) {
    known.current = withChanges(scenario, known.base, deltas);
  }
  known.deltas = deltas;
  return known.current;
}

/** The role's secrets from the view, with this game's event changes taken back out. */
function fromView(scenario: Scenario, state: GameState, role: RoleId): Secrets | null {
  const me = viewFor(scenario, state, role).me;
  if (!me) return null;
  const tables = packageTables(scenario);
  const deltas = state.valuationDeltas[role] ?? {};
  const redAssurance = new Uint8Array(tables.count);
  for (const id of me.redLines.assurances) {
    const p = tables.position.get(id);
    if (p !== undefined) redAssurance[p] = 1;
  }
  const decision: Record<string, number> = {};
  for (const [id, v] of Object.entries(me.valuations.decisions))
    decision[id] = v - (deltas[id] ?? 0);
  return {
    role,
    meterWeights: me.meterWeights,
    reservation: me.reservation,
    redLines: me.redLines,
    assurance: tables.ids.map((id) => (me.valuations.assurances[id] ?? 0) - (deltas[id] ?? 0)),
    decision,
    decisionValue: byDecision(scenario, decision),
    redDecision: scenario.decisions.map((d) => (me.redLines.decisions.includes(d.id) ? 1 : 0)),
    redAssurance,
  };
}

function withChanges(
  scenario: Scenario,
  base: Secrets,
  deltas: Readonly<Record<string, number>> | undefined,
): Secrets {
  if (!deltas) return base;
  const tables = packageTables(scenario);
  // Only the few changed entries are touched (v + 0 would leave the others as they are anyway).
  const decision: Record<string, number> = { ...base.decision };
  const assurance = base.assurance.slice();
  for (const id in deltas) {
    const delta = deltas[id] as number;
    if (Object.hasOwn(decision, id)) decision[id] = (decision[id] as number) + delta;
    const p = tables.position.get(id);
    if (p !== undefined) assurance[p] = (assurance[p] as number) + delta;
  }
  // Spelled out rather than spread, so that every Secrets object has the same shape: the bots
  // read them on every move, and reads stay fast only while they see one shape.
  return {
    role: base.role,
    meterWeights: base.meterWeights,
    reservation: base.reservation,
    redLines: base.redLines,
    assurance,
    decision,
    decisionValue: byDecision(scenario, decision),
    redDecision: base.redDecision,
    redAssurance: base.redAssurance,
  };
}

function byDecision(scenario: Scenario, decision: Readonly<Record<string, number>>): number[] {
  return scenario.decisions.map((d) => decision[d.id] ?? 0);
}

function sameChanges(
  a: Readonly<Record<string, number>> | undefined,
  b: Readonly<Record<string, number>> | undefined,
): boolean {
  if (a === undefined || b === undefined) return a === b;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}
