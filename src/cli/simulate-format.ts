/** How `simulate` prints its summary: a table for people, or JSON for programs. */
import type { MeterId } from '../rules/types.ts';
import { METER_IDS } from '../scenario/schema.ts';
import type { SimulationSummary, Spread } from './simulate-stats.ts';

export interface SimulationReport {
  /** The scenario file as given on the command line. */
  file: string;
  scenario: string;
  seed: number;
  level: string;
  summary: SimulationSummary;
  /** What the numbers say about the scenario's balance (simulate-notes.ts). */
  notes: string[];
}

/** Machine-readable: the report as JSON (stable key order), one trailing newline. */
export function formatJson(report: SimulationReport): string {
  const { summary, notes, ...head } = report;
  return `${JSON.stringify({ ...head, ...summary, notes }, null, 2)}\n`;
}

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const num = (x: number) => x.toFixed(1);
const signed = (x: number) => (x > 0 ? `+${x.toFixed(1)}` : x.toFixed(1));

/** Rows of cells, the first column left-aligned and the rest right-aligned. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `  ${cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

const METER_NAMES: Record<MeterId, string> = {
  trust: 'Trust',
  security: 'Security',
  privacy: 'Privacy',
};

function spreadCells(s: Spread): string[] {
  return [num(s.mean), num(s.p10), num(s.p50), num(s.p90)];
}

/** Human-readable: aligned tables, one section per question an author asks. */
export function formatText(report: SimulationReport): string {
  const { summary: s } = report;
  const out: string[] = [];
  out.push(
    `${s.games} bot games of "${report.scenario}" (${report.file}), seed ${report.seed}, bots: ${report.level}`,
    '',
    'Decisions',
    ...table(
      ['decision', 'games', 'share'],
      s.decisions.map((d) => [d.title, String(d.count), pct(d.share)]),
    ),
    `  (deferred once in ${s.deferred.count} games, ${pct(s.deferred.share)})`,
    '',
    'Final meters and balance',
    ...table(
      ['', 'mean', 'p10', 'p50', 'p90', 'below band', 'above band'],
      [
        ...METER_IDS.map((m) => [
          METER_NAMES[m],
          ...spreadCells(s.meters[m]),
          pct(s.meters[m].below),
          pct(s.meters[m].above),
        ]),
        ['Balance score', ...spreadCells(s.balance), '', ''],
      ],
    ),
    '',
    'Roles',
    ...table(
      ['role', 'satisfied', 'mean score', 'reservation'],
      s.roles.map((r) => [r.name, pct(r.satisfied), signed(r.meanScore), String(r.reservation)]),
    ),
    '',
    'Assurances (share of games)',
    ...table(
      ['assurance', 'proposed', 'agreed'],
      s.assurances.map((a) => [a.title, pct(a.proposed), pct(a.agreed)]),
    ),
    '',
    `Packages per game: ${num(s.packages.agreed)} agreed, ${num(s.packages.rejected)} rejected, ${num(s.packages.withdrawn)} withdrawn`,
    `Red-line flags: ${s.redLineFlags}`,
    '',
    report.notes.length > 0 ? 'Balance notes' : 'Balance notes: none',
    ...report.notes.map((n) => `  - ${n}`),
  );
  return `${out.join('\n')}\n`;
}
