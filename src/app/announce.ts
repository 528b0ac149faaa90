/**
 * What the screen reader hears: one sentence per log entry (event, proposal, response, agreed or
 * rejected package, meter changes with numbers, bot reasons), built from display names and card
 * titles, never ids. Pure: the session feeds it the new log entries after every snapshot.
 */

import { mustIncludeWords, supportNeeded } from '../print/rule-words.ts';
import { whyNotAgreed } from '../rules/packages.ts';
import { indexScenario } from '../rules/scenario-index.ts';
import type { LogEntry, LogKind, MeterDeltas, Meters, PackageRecord } from '../rules/types.ts';
import { METER_IDS, type Scenario } from '../scenario/schema.ts';

export function roleLabel(scenario: Scenario, role: string | null): string {
  if (!role) return 'Someone';
  return indexScenario(scenario).roles.get(role)?.shortName.text ?? role;
}

/** "Met's", "Civil liberties'": a name's possessive (a plural in s takes the apostrophe alone). */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

export function assuranceLabel(scenario: Scenario, id: string): string {
  return indexScenario(scenario).assurances.get(id)?.title.text ?? id;
}

export function decisionLabel(scenario: Scenario, id: string): string {
  return indexScenario(scenario).decisions.get(id)?.title.text ?? id;
}

export function eventLabel(scenario: Scenario, id: string): string {
  return indexScenario(scenario).events.get(id)?.title.text ?? id;
}

/**
 * A title or clause as the end of a sentence: a full stop, unless it ends in one of its own
 * ("…?").
 */
export function ended(title: string): string {
  return /[.!?…]$/.test(title) ? title : `${title}.`;
}

/** "A", "A and B", "A, B and C". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "Trust up 4 to 52, Privacy down 3 to 40" — `after` is the meters once the change landed. */
export function meterChangeText(scenario: Scenario, deltas: MeterDeltas, after: Meters): string {
  const parts: string[] = [];
  for (const m of METER_IDS) {
    const d = deltas[m];
    if (d === undefined || d === 0) continue;
    const name = scenario.meters[m].name.text;
    parts.push(`${name} ${d > 0 ? 'up' : 'down'} ${Math.abs(round1(d))} to ${round1(after[m])}`);
  }
  return parts.join(', ');
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The meters after each log entry: the start values plus every recorded change so far. */
export function metersAfterEach(scenario: Scenario, log: readonly LogEntry[]): Meters[] {
  const meters: Meters = {
    trust: scenario.meters.trust.start,
    security: scenario.meters.security.start,
    privacy: scenario.meters.privacy.start,
  };
  return log.map((entry) => {
    for (const m of METER_IDS) meters[m] += entry.deltas[m] ?? 0;
    return { ...meters };
  });
}

/** One sentence for a log entry (with its meter changes and reason), or null to stay quiet. */
export function describeLogEntry(
  scenario: Scenario,
  entry: LogEntry,
  after: Meters,
  record?: PackageRecord,
): string | null {
  const who = roleLabel(scenario, entry.actor);
  const cards = (ids: readonly string[]) =>
    listing(ids.map((id) => `“${assuranceLabel(scenario, id)}”`));
  let text: string;
  switch (entry.kind) {
    case 'begin':
      return null;
    case 'event': {
      const [id] = entry.subjects;
      text = `Round ${entry.round}. Event: ${ended(id ? eventLabel(scenario, id) : 'none')}`;
      const unlocked = entry.subjects.slice(1);
      if (unlocked.length > 0) text += ` Now available: ${cards(unlocked)}.`;
      break;
    }
    case 'proposed':
      text = `${who} proposes ${cards(entry.subjects)}.`;
      break;
    case 'amended': {
      const [remove, add] = entry.subjects;
      text = `${who} amends the package: “${assuranceLabel(scenario, add ?? '')}” instead of “${assuranceLabel(scenario, remove ?? '')}”.`;
      break;
    }
    case 'response':
      text = `${who} ${entry.subjects[0] === 'support' ? 'supports' : 'opposes'} the package.`;
      break;
    case 'agreed':
      text = `Agreed: ${cards(entry.subjects)}.`;
      break;
    case 'rejected':
      text = `Rejected: ${cards(entry.subjects)}.`;
      if (record) text += ` ${rejectionWhy(scenario, record)}`;
      break;
    case 'withdrawn':
      text = `Withdrawn: ${cards(entry.subjects)}.`;
      break;
    case 'passed':
      text = `${who} passes.`;
      break;
    case 'timeout':
      text =
        entry.subjects[0] === 'round'
          ? 'Time is up for this round of negotiation.'
          : entry.subjects[1] === 'oppose'
            ? `Time is up for ${who}: counted as opposing the package.`
            : `Time is up for ${who}: ${who} passes.`;
      break;
    case 'delayed-effect':
      text = `A promise takes effect: ${cards(entry.subjects)}.`;
      break;
    case 'round-end':
      text = `Round ${entry.round} ends.`;
      break;
    case 'stance':
      text = `${who} backs “${decisionLabel(scenario, entry.subjects[0] ?? '')}”.`;
      break;
    case 'decision':
      text = `${who} decides: “${decisionLabel(scenario, entry.subjects[0] ?? '')}”.`;
      break;
    case 'defer':
      text = `${who} defers the decision: one more round.`;
      break;
    case 'audit': {
      const [id, verdict] = entry.subjects;
      text = `Audit of “${assuranceLabel(scenario, id ?? '')}”: ${verdict === 'breached' ? 'breached' : 'kept'}.`;
      break;
    }
    case 'epilogue': {
      const epilogue = scenario.epilogues.find((e) => e.id === entry.subjects[0]);
      text = epilogue ? `Epilogue: ${ended(epilogue.title.text)}` : 'Epilogue.';
      break;
    }
    default:
      return null;
  }
  // A bot's reason already says who did what and why ("Vendor opposes: “Escrow” costs it 8"),
  // so it replaces the plain sentence rather than repeating it.
  if (entry.reason) text = /[.!?]$/.test(entry.reason) ? entry.reason : `${entry.reason}.`;
  const meters = meterChangeText(scenario, entry.deltas, after);
  if (meters) text += ` ${meters}.`;
  return text;
}

/**
 * Why a package was rejected, from its record: a deliverer that did not support it (the rule
 * players miss most), else the support the agreement rule asks for against what it had.
 */
export function rejectionWhy(scenario: Scenario, record: PackageRecord): string {
  const why = whyNotAgreed(scenario, record.assurances, record.supporters);
  const sentences = why.deliverers.map(
    (d) =>
      `${roleLabel(scenario, d.role)} must deliver ${listing(d.assurances.map((id) => `“${assuranceLabel(scenario, id)}”`))} and did not support it.`,
  );
  if (!why.rule) {
    const without =
      why.missing.length > 0
        ? `, without ${listing(why.missing.map((r) => roleLabel(scenario, r)))}`
        : '';
    sentences.push(
      `It needed the support of ${supportNeeded(scenario)}${mustIncludeWords(scenario)}; it had ${record.supporters.length}${without}.`,
    );
  }
  return sentences.join(' ');
}

/** The log entries that end a package (each has a record in the state's `packages`). */
export const PACKAGE_ENDS: ReadonlySet<LogKind> = new Set(['agreed', 'rejected', 'withdrawn']);

/** Sentences for the log entries from index `from` on. */
export function describeNewEntries(
  scenario: Scenario,
  log: readonly LogEntry[],
  from: number,
  packages: readonly PackageRecord[] = [],
): string[] {
  if (from >= log.length) return [];
  const after = metersAfterEach(scenario, log);
  // Each agreed, rejected or withdrawn entry has its package's record, in the same order.
  let record = log.slice(0, Math.max(0, from)).filter((e) => PACKAGE_ENDS.has(e.kind)).length;
  const out: string[] = [];
  for (let i = Math.max(0, from); i < log.length; i++) {
    const entry = log[i];
    const meters = after[i];
    if (!entry || !meters) continue;
    const own = PACKAGE_ENDS.has(entry.kind) ? packages[record++] : undefined;
    const text = describeLogEntry(scenario, entry, meters, own);
    if (text) out.push(text);
  }
  return out;
}
