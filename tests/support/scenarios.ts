/**
 * Test helper: scenario variants. A variant is a deep copy of a fixture, changed by a function
 * and parsed again by the schema, so every variant is a scenario the game could really load.
 */

import { type Scenario, Scenario as ScenarioSchema } from '../../src/scenario/schema.ts';
import { fixtureScenario } from '../fixtures/load.ts';

export { fixtureScenario };

/** The 4-role, 3-round fixture: requires/excludes/delay/verification/unlocks, defer, epilogues. */
export const table = (): Scenario => fixtureScenario('table');

/** The 2-role, 1-round fixture: small enough to walk every machine path. */
export const duo = (): Scenario => fixtureScenario('duo');

/** A copy of `base` changed by `change` (which may mutate its argument), validated again. */
export function variant(base: Scenario, change: (draft: Scenario) => void): Scenario {
  const copy = structuredClone(base);
  change(copy);
  return ScenarioSchema.parse(copy);
}

/** Looks up an assurance of a scenario (throws in the test when the id is wrong). */
export function assuranceOf(scenario: Scenario, id: string) {
  const found = scenario.assurances.find((a) => a.id === id);
  if (!found) throw new Error(`no assurance ${id}`);
  return found;
}

export function roleOf(scenario: Scenario, id: string) {
  const found = scenario.roles.find((r) => r.id === id);
  if (!found) throw new Error(`no role ${id}`);
  return found;
}

export function decisionOf(scenario: Scenario, id: string) {
  const found = scenario.decisions.find((d) => d.id === id);
  if (!found) throw new Error(`no decision ${id}`);
  return found;
}
