/**
 * The rules in plain words, where every screen and printout takes them from (the role cards, the
 * briefing, the package on the table): how a package is agreed, meter changes, signed numbers.
 * Plain data, no DOM: the words follow src/rules (packages.ts for the agreement rule).
 */
import { METER_IDS, type MeterEffects, type MeterId, type Scenario } from '../scenario/schema.ts';

/** "+4", "−3" (a real minus sign), "0"; one decimal at most. */
export function signedNumber(n: number): string {
  const r = Math.round(n * 10) / 10;
  if (r > 0) return `+${r}`;
  if (r < 0) return `−${Math.abs(r)}`;
  return '0';
}

/** A score as players read it: one decimal at most and a real minus sign ("−13.4"), no plus. */
export function scoreNumber(n: number): string {
  return signedNumber(n).replace(/^\+/, '');
}

export function listWords(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

export function meterName(scenario: Scenario, m: MeterId): string {
  return scenario.meters[m].name.text;
}

/** "Trust +4, Security −3", or "No meter change". */
export function effectsText(scenario: Scenario, effects: MeterEffects | undefined): string {
  const parts: string[] = [];
  for (const m of METER_IDS) {
    const v = effects?.[m];
    if (v) parts.push(`${meterName(scenario, m)} ${signedNumber(v)}`);
  }
  return parts.length > 0 ? parts.join(', ') : 'No meter change';
}

export function roleName(scenario: Scenario, id: string): string {
  return scenario.roles.find((r) => r.id === id)?.shortName.text ?? id;
}

/** How many must support a package: "more than half of the 4 roles (3 or more)". */
export function supportNeeded(scenario: Scenario): string {
  const rule = scenario.agreement;
  const n = scenario.roles.length;
  if (rule.kind === 'unanimous') return `all ${n} roles`;
  if (rule.kind === 'atLeast') return `at least ${rule.count ?? n} of the ${n} roles`;
  return `more than half of the ${n} roles (${Math.floor(n / 2) + 1} or more)`;
}

/** The roles a package's supporters must include: ", including Mayor", or nothing. */
export function mustIncludeWords(scenario: Scenario): string {
  const must = scenario.agreement.mustInclude.map((r) => roleName(scenario, r));
  return must.length > 0 ? `, including ${listWords(must)}` : '';
}

/** The agreement rule in words, as src/rules/packages.ts applies it. */
export function agreementText(scenario: Scenario): string {
  return (
    `A package is agreed when ${supportNeeded(scenario)} support it${mustIncludeWords(scenario)} — the proposer counts as a supporter — ` +
    'and every role that must deliver one of its promises supports it. Otherwise it is rejected' +
    `${rejectCost(scenario)}.`
  );
}

function rejectCost(scenario: Scenario): string {
  const cost = effectsText(scenario, scenario.costs.rejectedPackage);
  return cost === 'No meter change' ? '' : ` (${cost}: public wrangling)`;
}
