/**
 * Package arithmetic by position: each assurance is its index in the scenario's list, so the
 * bots can test thousands of packages per game with array lookups instead of id searches.
 * Built once per scenario and cached (scenarios are immutable once loaded).
 */
import type { Scenario } from '../scenario/schema.ts';

export interface PackageTables {
  readonly count: number;
  /** Assurance ids in scenario order, and each id's position. */
  readonly ids: readonly string[];
  readonly position: ReadonlyMap<string, number>;
  /** Each role's position in scenario.roles. */
  readonly roleIndex: ReadonlyMap<string, number>;
  /** excludes[i * count + j] = 1 when i and j cannot stand together (both directions). */
  readonly excludes: Uint8Array;
  /** Positions each assurance requires. */
  readonly requires: readonly (readonly number[])[];
  /** Position of each assurance's deliverer in scenario.roles (-1 if unknown). */
  readonly deliverer: Int32Array;
  /**
   * Each assurance's meter effects (0 where it has none), by position. The bots read these on
   * every worth and projection: the effects objects come in many shapes (whichever meters a
   * card moves), which makes each read through them a slow, megamorphic one.
   */
  readonly trust: Float64Array;
  readonly security: Float64Array;
  readonly privacy: Float64Array;
}

const cache = new WeakMap<Scenario, PackageTables>();

/**
 * Do two lists hold the same entries in the same order? The rules copy a state's lists whenever
 * they might change them, so a list can be a new array with the old contents: the caches keyed
 * by a list check this before working things out again.
 */
export function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * n zeros in a plain array, for the flags built on every move: allocating a small typed array
 * costs more than all the work the flags then serve.
 */
export function zeros(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(0);
  return out;
}

export function packageTables(scenario: Scenario): PackageTables {
  const hit = cache.get(scenario);
  if (hit) return hit;
  const count = scenario.assurances.length;
  const position = new Map(scenario.assurances.map((a, i) => [a.id, i]));
  const roleIndex = new Map(scenario.roles.map((r, i) => [r.id, i]));
  const excludes = new Uint8Array(count * count);
  const requires: number[][] = [];
  const deliverer = new Int32Array(count);
  const trust = new Float64Array(count);
  const security = new Float64Array(count);
  const privacy = new Float64Array(count);
  scenario.assurances.forEach((a, i) => {
    for (const other of a.excludes) {
      const j = position.get(other);
      if (j === undefined) continue;
      excludes[i * count + j] = 1;
      excludes[j * count + i] = 1;
    }
    const needs: number[] = [];
    for (const id of a.requires) {
      const j = position.get(id);
      // An unknown requirement can never be met: -1 keeps the assurance unplayable, as in the rules.
      needs.push(j ?? -1);
    }
    requires.push(needs);
    deliverer[i] = roleIndex.get(a.deliverer) ?? -1;
    trust[i] = a.effects.trust ?? 0;
    security[i] = a.effects.security ?? 0;
    privacy[i] = a.effects.privacy ?? 0;
  });
  const ids = scenario.assurances.map((a) => a.id);
  const tables = {
    count,
    ids,
    position,
    roleIndex,
    excludes,
    requires,
    deliverer,
    trust,
    security,
    privacy,
  };
  cache.set(scenario, tables);
  return tables;
}
