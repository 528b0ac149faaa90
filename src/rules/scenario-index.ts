/**
 * Lookup tables over a validated scenario, built once per scenario object and cached. Rules are
 * called thousands of times per simulated game, so they must not search arrays by id each time.
 */
import type { Assurance, Decision, GameEvent, Role, Scenario } from '../scenario/schema.ts';

export interface ScenarioIndex {
  roles: Map<string, Role>;
  assurances: Map<string, Assurance>;
  decisions: Map<string, Decision>;
  events: Map<string, GameEvent>;
  turnOrder: readonly string[];
  /** Assurances that exclude each other, in both directions. */
  excludes: Map<string, Set<string>>;
}

const cache = new WeakMap<Scenario, ScenarioIndex>();

export function indexScenario(scenario: Scenario): ScenarioIndex {
  const cached = cache.get(scenario);
  if (cached) return cached;
  const excludes = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    let set = excludes.get(a);
    if (!set) {
      set = new Set();
      excludes.set(a, set);
    }
    set.add(b);
  };
  for (const a of scenario.assurances) {
    for (const b of a.excludes) {
      link(a.id, b);
      link(b, a.id);
    }
  }
  const index: ScenarioIndex = {
    roles: new Map(scenario.roles.map((r) => [r.id, r])),
    assurances: new Map(scenario.assurances.map((a) => [a.id, a])),
    decisions: new Map(scenario.decisions.map((d) => [d.id, d])),
    events: new Map(scenario.events.map((e) => [e.id, e])),
    turnOrder: scenario.rounds.turnOrder,
    excludes,
  };
  cache.set(scenario, index);
  return index;
}
