/** Red lines: bots never cross them; when a human does, the debrief flags it. */
import type { Scenario } from '../scenario/schema.ts';
import { own } from './draft.ts';
import { indexScenario } from './scenario-index.ts';
import type { GameState, RedLineHow, RoleId } from './types.ts';

export function crossesAssuranceRedLine(scenario: Scenario, role: RoleId, id: string): boolean {
  return indexScenario(scenario).roles.get(role)?.redLines.assurances.includes(id) ?? false;
}

export function crossesDecisionRedLine(scenario: Scenario, role: RoleId, id: string): boolean {
  return indexScenario(scenario).roles.get(role)?.redLines.decisions.includes(id) ?? false;
}

export function flagAssurances(
  scenario: Scenario,
  s: GameState,
  role: RoleId,
  ids: readonly string[],
  how: RedLineHow,
): void {
  const lines = indexScenario(scenario).roles.get(role)?.redLines.assurances;
  if (!lines || lines.length === 0) return;
  for (const id of ids) {
    if (lines.includes(id)) {
      own(s, 'redLineFlags').push({ role, kind: 'assurance', id, how, round: s.round });
    }
  }
}

export function flagDecision(
  scenario: Scenario,
  s: GameState,
  role: RoleId,
  id: string,
  how: RedLineHow,
): void {
  if (crossesDecisionRedLine(scenario, role, id)) {
    own(s, 'redLineFlags').push({ role, kind: 'decision', id, how, round: s.round });
  }
}
