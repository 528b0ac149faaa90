/**
 * The debrief's causal timeline: one line for every event, every agreed, rejected or withdrawn
 * package, every promise that took effect late, the defer, the decision and every audit — each
 * with its exact meter changes, e.g.
 *
 *   "Round 2 — Agreed: Independent audit (Palantir ↔ Civil liberties): Privacy +6, Trust +4, Security −1"
 *
 * "(Palantir ↔ Civil liberties)" names the deliverer and the role whose package it was; a card
 * its own sponsor delivers shows one name. Any other log entry that moved a meter is listed too,
 * so the lines add up to every change in the game. Pure: no DOM, no Phaser.
 */
import type { LogEntry, MeterDeltas, PackageRecord } from '../rules/types.ts';
import { METER_IDS, type Scenario } from '../scenario/schema.ts';
import {
  assuranceLabel,
  decisionLabel,
  eventLabel,
  listing,
  metersAfterEach,
  PACKAGE_ENDS,
  roleLabel,
} from './announce.ts';

export type TimelineKind =
  | 'event'
  | 'agreed'
  | 'rejected'
  | 'withdrawn'
  | 'delayed-effect'
  | 'defer'
  | 'decision'
  | 'audit'
  | 'other';

export interface TimelineLine {
  round: number;
  kind: TimelineKind;
  /** The whole line, as printed and read aloud. */
  text: string;
  /** What happened, without the round and the meter changes ("Agreed: …"). */
  what: string;
  /** "Privacy +6, Trust +4, Security −1", or "no meter change". */
  changes: string;
  deltas: MeterDeltas;
}

const MINUS = '\u2212';

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** "+6", "−1.5" (a true minus sign), "0". */
export function signed(n: number): string {
  const r = round1(n);
  if (r > 0) return `+${r}`;
  if (r < 0) return `${MINUS}${Math.abs(r)}`;
  return '0';
}

/** "Privacy +6, Trust +4, Security −1": gains first, largest first; "no meter change" if none. */
export function deltasText(scenario: Scenario, deltas: MeterDeltas): string {
  const parts = METER_IDS.map((m) => ({ m, d: round1(deltas[m] ?? 0) }))
    .filter((x) => x.d !== 0)
    .sort((a, b) => b.d - a.d);
  if (parts.length === 0) return 'no meter change';
  return parts.map((x) => `${scenario.meters[x.m].name.text} ${signed(x.d)}`).join(', ');
}

/** "Independent audit (Palantir ↔ Civil liberties)" — deliverer ↔ sponsor, one name if same. */
function cardWithParties(scenario: Scenario, id: string, sponsor: string | null): string {
  const deliverer = scenario.assurances.find((a) => a.id === id)?.deliverer ?? null;
  const names = [deliverer, sponsor]
    .filter((r, i, all): r is string => r !== null && all.indexOf(r) === i)
    .map((r) => roleLabel(scenario, r));
  const title = assuranceLabel(scenario, id);
  return names.length > 0 ? `${title} (${names.join(' \u2194 ')})` : title;
}

/**
 * The timeline of a game. `packages` (the state's package records, in order) lets a line name
 * who was behind a package when the log entry alone would not (an amended package's sponsor).
 */
export function timelineLines(
  scenario: Scenario,
  log: readonly LogEntry[],
  packages: readonly PackageRecord[] = [],
): TimelineLine[] {
  const out: TimelineLine[] = [];
  let packageIndex = 0;
  const after = metersAfterEach(scenario, log);
  log.forEach((entry, i) => {
    if (!after[i]) return;
    let kind: TimelineKind;
    let what: string;
    switch (entry.kind) {
      case 'event': {
        const [id] = entry.subjects;
        kind = 'event';
        what = `Event: ${id ? eventLabel(scenario, id) : 'none'}`;
        break;
      }
      case 'agreed':
      case 'rejected':
      case 'withdrawn': {
        const record = PACKAGE_ENDS.has(entry.kind) ? packages[packageIndex] : undefined;
        packageIndex += 1;
        const sponsor = record?.amendedBy ?? entry.actor ?? record?.proposer ?? null;
        kind = entry.kind;
        const word = { agreed: 'Agreed', rejected: 'Rejected', withdrawn: 'Withdrawn' }[entry.kind];
        what = `${word}: ${listing(entry.subjects.map((id) => cardWithParties(scenario, id, sponsor)))}`;
        break;
      }
      case 'delayed-effect':
        kind = 'delayed-effect';
        what = `Takes effect: ${listing(entry.subjects.map((id) => assuranceLabel(scenario, id)))}`;
        break;
      case 'defer':
        kind = 'defer';
        what = `${roleLabel(scenario, entry.actor)} defers the decision`;
        break;
      case 'decision':
        kind = 'decision';
        what = `${roleLabel(scenario, entry.actor)} decides \u201c${decisionLabel(scenario, entry.subjects[0] ?? '')}\u201d`;
        break;
      case 'audit': {
        const [id, verdict] = entry.subjects;
        kind = 'audit';
        what = `Audit: ${cardWithParties(scenario, id ?? '', null)} — ${verdict === 'breached' ? 'BREACHED' : 'kept'}`;
        break;
      }
      default: {
        // Anything else appears only if it moved a meter (so no change goes unexplained).
        if (!METER_IDS.some((m) => (entry.deltas[m] ?? 0) !== 0)) return;
        kind = 'other';
        what =
          entry.kind === 'round-end'
            ? 'Round end'
            : `${roleLabel(scenario, entry.actor)}: ${entry.kind}`;
      }
    }
    const changes = deltasText(scenario, entry.deltas);
    const when = entry.round > 0 ? `Round ${entry.round}` : 'Start';
    const late = kind === 'decision' ? 'Decision' : kind === 'audit' ? 'Twelve months later' : when;
    out.push({
      round: entry.round,
      kind,
      what,
      changes,
      deltas: { ...entry.deltas },
      text: `${late} \u2014 ${what}: ${changes}`,
    });
  });
  return out;
}
