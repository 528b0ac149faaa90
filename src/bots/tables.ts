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
}

const cache = new WeakMap<Scenario, PackageTables>();

export function packageTables(scenario: Scenario): PackageTables {
  const hit = cache.get(scenario);
  if (hit) return hit;
  const count = scenario.assurances.length;
  const position = new Map(scenario.assurances.map((a, i) => [a.id, i]));
  const roleIndex = new Map(scenario.roles.map((r, i) => [r.id, i]));
  const excludes = new Uint8Array(count * count);
  const requires: number[][] = [];
  const deliverer = new Int32Array(count);
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
  });
  const ids = scenario.assurances.map((a) => a.id);
  const tables = { count, ids, position, roleIndex, excludes, requires, deliverer };
  cache.set(scenario, tables);
  return tables;
}
