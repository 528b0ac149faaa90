/**
 * What may be proposed, and when a package is agreed. Shared by the rules (to refuse illegal
 * moves), the bots (to search legal moves) and the views (to grey out cards).
 */
import type { Scenario } from '../scenario/schema.ts';
import { isAgreed } from './conditions.ts';
import { indexScenario, type ScenarioIndex } from './scenario-index.ts';
import type { AssuranceId, GameState, RoleId } from './types.ts';

export const MAX_PACKAGE_SIZE = 3;

/** An assurance a role could put in a package now: on the table, not agreed, not excluded. */
export function isProposable(scenario: Scenario, state: GameState, id: AssuranceId): boolean {
  return proposable(indexScenario(scenario), state, id);
}

function proposable(index: ScenarioIndex, state: GameState, id: AssuranceId): boolean {
  const assurance = index.assurances.get(id);
  if (!assurance) return false;
  if (!assurance.available && !state.unlocked.includes(id)) return false;
  if (isAgreed(state, id)) return false;
  const excluded = index.excludes.get(id);
  if (excluded) for (const other of excluded) if (isAgreed(state, other)) return false;
  return true;
}

export function proposableAssurances(scenario: Scenario, state: GameState): AssuranceId[] {
  const index = indexScenario(scenario);
  const out: AssuranceId[] = [];
  for (const a of scenario.assurances) if (proposable(index, state, a.id)) out.push(a.id);
  return out;
}

/** Why a package is not legal, or null when it is. */
export function packageProblem(
  scenario: Scenario,
  state: GameState,
  ids: readonly AssuranceId[],
): string | null {
  return problemOf(indexScenario(scenario), state, ids);
}

function problemOf(
  index: ScenarioIndex,
  state: GameState,
  ids: readonly AssuranceId[],
): string | null {
  const n = ids.length;
  if (n < 1 || n > MAX_PACKAGE_SIZE) {
    return `A package holds 1 to ${MAX_PACKAGE_SIZE} assurances.`;
  }
  for (let i = 1; i < n; i++) {
    if (ids.indexOf(ids[i] as AssuranceId) < i) {
      return 'A package cannot hold the same assurance twice.';
    }
  }
  for (const id of ids) {
    const assurance = index.assurances.get(id);
    if (!assurance) return `There is no assurance "${id}".`;
    if (!proposable(index, state, id)) {
      return `"${assurance.title.text}" cannot be proposed now (not available, already agreed, or excluded).`;
    }
    const excluded = index.excludes.get(id);
    if (excluded) {
      for (const other of ids) {
        if (other !== id && excluded.has(other)) {
          return `"${assurance.title.text}" cannot stand together with "${index.assurances.get(other)?.title.text}".`;
        }
      }
    }
    for (const needed of assurance.requires) {
      if (!ids.includes(needed) && !isAgreed(state, needed)) {
        const title = index.assurances.get(needed)?.title.text ?? needed;
        return `"${assurance.title.text}" needs "${title}" agreed first or in the same package.`;
      }
    }
  }
  return null;
}

/**
 * Every legal package of 1–3 of the proposable assurances `ids`, smallest first and, within a
 * size, in the order of `ids`. (Used by `legalPackages`.)
 */
export function legalPackagesOf(
  scenario: Scenario,
  state: GameState,
  ids: readonly AssuranceId[],
): AssuranceId[][] {
  const index = indexScenario(scenario);
  const out: AssuranceId[][] = [];
  const n = ids.length;
  const chosen: AssuranceId[] = [];
  // Sizes in turn, each in lexicographic order of positions: smallest first, as documented.
  const visit = (start: number, size: number) => {
    if (chosen.length === size) {
      if (problemOf(index, state, chosen) === null) out.push(chosen.slice());
      return;
    }
    for (let i = start; i < n; i++) {
      chosen.push(ids[i] as AssuranceId);
      visit(i + 1, size);
      chosen.pop();
    }
  };
  for (let size = 1; size <= MAX_PACKAGE_SIZE; size++) visit(0, size);
  return out;
}

/** The roles whose commitment the package needs. */
export function deliverersOf(scenario: Scenario, ids: readonly AssuranceId[]): RoleId[] {
  const index = indexScenario(scenario);
  const out: RoleId[] = [];
  for (const id of ids) {
    const d = index.assurances.get(id)?.deliverer;
    if (d && !out.includes(d)) out.push(d);
  }
  return out;
}

/** Does this set of supporters meet the scenario's agreement rule (deliverers aside)? */
export function agreementRuleHolds(scenario: Scenario, supporters: readonly RoleId[]): boolean {
  const rule = scenario.agreement;
  const total = scenario.roles.length;
  const count = supporters.length;
  if (rule.kind === 'majority' && count * 2 <= total) return false;
  if (rule.kind === 'unanimous' && count < total) return false;
  if (rule.kind === 'atLeast' && count < (rule.count ?? total)) return false;
  for (const r of rule.mustInclude) if (!supporters.includes(r)) return false;
  return true;
}

/** A package is agreed when every deliverer supports it and the agreement rule holds. */
export function packageAgreed(
  scenario: Scenario,
  ids: readonly AssuranceId[],
  supporters: readonly RoleId[],
): boolean {
  const why = whyNotAgreed(scenario, ids, supporters);
  return why.deliverers.length === 0 && why.rule;
}

/**
 * Why a package with these supporters is not agreed (no deliverers and `rule: true` when it is):
 * the deliverers who did not support it, each with its promises in the package, whether the
 * agreement rule fails, and which of the roles it must include were missing.
 */
export function whyNotAgreed(
  scenario: Scenario,
  ids: readonly AssuranceId[],
  supporters: readonly RoleId[],
): { deliverers: { role: RoleId; assurances: AssuranceId[] }[]; rule: boolean; missing: RoleId[] } {
  const index = indexScenario(scenario);
  const deliverers: { role: RoleId; assurances: AssuranceId[] }[] = [];
  for (const id of ids) {
    const role = index.assurances.get(id)?.deliverer;
    if (!role || supporters.includes(role)) continue;
    const known = deliverers.find((d) => d.role === role);
    if (known) known.assurances.push(id);
    else deliverers.push({ role, assurances: [id] });
  }
  return {
    deliverers,
    rule: agreementRuleHolds(scenario, supporters),
    missing: scenario.agreement.mustInclude.filter((r) => !supporters.includes(r)),
  };
}

/** Roles in turn order, starting with the one after `from` (used for who responds next). */
export function rotationAfter(order: readonly RoleId[], from: RoleId): RoleId[] {
  const start = order.indexOf(from);
  const out: RoleId[] = [];
  for (let i = 1; i <= order.length; i++) {
    const r = order[(start + i) % order.length];
    if (r !== undefined && r !== from) out.push(r);
  }
  return out;
}
