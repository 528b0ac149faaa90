import { describe, expect, it } from 'vitest';
import {
  csvCell,
  csvHeader,
  csvRow,
  exportFileName,
  parseReplay,
  REPLAY_FORMAT,
  replayJson,
  spreadsheetDate,
} from '../../src/app/exports.ts';
import { playBotGame } from '../../src/flow/bot-game.ts';
import { replay } from '../../src/rules/replay.ts';
import { fixtureScenario } from '../fixtures/load.ts';

const scenario = fixtureScenario('table');
const game = playBotGame(scenario, 42, 'normal');
const input = {
  scenario,
  seed: 42,
  actions: game.actions,
  exportedAt: '2026-05-21T10:00:00.000Z',
};

/** A tiny RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('replay export', () => {
  it('is pretty JSON that replay() turns back into the same final state', () => {
    const text = replayJson(input);
    expect(text).toContain('\n  "format": "oversight-replay"');
    const parsed = parseReplay(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.scenarioId).toBe(scenario.id);
    expect(parsed.seed).toBe(42);
    const rebuilt = replay(scenario, parsed.seed, parsed.actions);
    expect(rebuilt.ok).toBe(true);
    if (rebuilt.ok) expect(rebuilt.state).toEqual(game.state);
  });

  it('carries the format, version and a summary of the end', () => {
    const file = JSON.parse(replayJson(input));
    expect(file.format).toBe(REPLAY_FORMAT);
    expect(file.version).toBe(1);
    expect(file.scenarioFormatVersion).toBe(1);
    expect(file.exportedAt).toBe(input.exportedAt);
    expect(file.summary.phase).toBe('debrief');
    expect(file.summary.decision).toBe(game.state.decision);
    expect(file.summary.roles).toHaveLength(scenario.roles.length);
    expect(file.summary.agreed.map((a: { id: string }) => a.id)).toEqual(
      game.state.agreed.map((a) => a.id),
    );
  });

  it('refuses actions that do not replay, and files that are not replays', () => {
    expect(() => replayJson({ ...input, actions: [{ type: 'CONTINUE' }] })).toThrow(/refused/);
    expect(parseReplay('nope').ok).toBe(false);
    expect(parseReplay('{"format":"other"}').ok).toBe(false);
    expect(parseReplay(JSON.stringify({ format: REPLAY_FORMAT, version: 2 })).ok).toBe(false);
  });
});

describe('CSV export', () => {
  it('quotes per RFC 4180', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('yes');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('defuses formulas in text cells but keeps negative numbers as numbers', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell(-3.5)).toBe('-3.5');
  });

  it('has one row per table matching the header, ending in CRLF', () => {
    const header = csvHeader(scenario);
    const row = csvRow(input);
    expect(header.endsWith('\r\n')).toBe(true);
    expect(row.endsWith('\r\n')).toBe(true);
    const [h, r] = parseCsv(header + row);
    expect(h).toBeDefined();
    expect(r).toHaveLength(h?.length ?? -1);
    const col = (name: string) => r?.[h?.indexOf(name) ?? -1];
    // Local time, in a form spreadsheets read as a date (not ISO's "T…Z").
    expect(col('date')).toBe(spreadsheetDate(input.exportedAt));
    expect(col('date')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(col('scenario')).toBe(scenario.id);
    expect(col('seed')).toBe('42');
    // Without the table's set-up (a replay file has none), those columns stay empty.
    expect(col('mode')).toBe('');
    expect(col('played by people')).toBe('');
    expect(Number(col('balance'))).toBeGreaterThanOrEqual(0);
    for (const role of scenario.roles) {
      expect(h).toContain(`${role.shortName.text} score`);
      expect(['yes', 'no']).toContain(col(`${role.shortName.text} satisfied`));
    }
  });

  it('says how the table played: the mode and the roles people played', () => {
    const [role] = scenario.roles;
    const row = (people: string[]) => {
      const [h, r] = parseCsv(
        csvHeader(scenario) + csvRow({ ...input, table: { mode: 'pass-and-play', people } }),
      );
      return (name: string) => r?.[h?.indexOf(name) ?? -1];
    };
    const col = row(role ? [role.id] : []);
    // The mode as the set-up screen names it.
    expect(col('mode')).toBe('Pass and play');
    expect(col('played by people')).toBe(role?.shortName.text);
    expect(row([])('played by people')).toBe('nobody (bots only)');
  });

  it('dates a row in local time, to the minute', () => {
    const d = new Date(2026, 4, 21, 9, 5, 30);
    expect(spreadsheetDate(d.toISOString())).toBe('2026-05-21 09:05');
    expect(spreadsheetDate('not a date')).toBe('not a date');
  });

  it('is safe when a scenario names things like formulas', () => {
    const evil = {
      ...scenario,
      title: { ...scenario.title, text: '=cmd|" /C calc"!A0' },
    };
    const [h, r] = parseCsv(csvHeader(evil) + csvRow({ ...input, scenario: evil }));
    expect(r?.[h?.indexOf('scenario title') ?? -1]).toBe('\'=cmd|" /C calc"!A0');
  });

  it('names files safely', () => {
    // The local day: noon local time is 21 May wherever the test runs.
    const noon = new Date(2026, 4, 21, 12).toISOString();
    expect(exportFileName('Met/Palantir 2026', 7, noon, 'csv')).toBe(
      'oversight-met-palantir-2026-seed-7-2026-05-21.csv',
    );
  });

  it("tells tables apart: the table's name in the row, the replay and the file name", () => {
    const named = { ...input, table: { mode: 'projector' as const, people: [], name: 'Table 3' } };
    const [h, r] = parseCsv(csvHeader(scenario) + csvRow(named));
    expect(h?.[0]).toBe('table');
    expect(r?.[0]).toBe('Table 3');
    expect(r?.[h?.indexOf('mode') ?? -1]).toBe('Whole class');
    expect(h).toContain('red-line flags (count)');
    expect(JSON.parse(replayJson(named)).tableName).toBe('Table 3');
    // Eight tables on the same seed download eight different files.
    const noon = new Date(2026, 4, 21, 12).toISOString();
    expect(exportFileName(scenario.id, 7, noon, 'csv', 'Table 3 / Ms Okafor')).toBe(
      `oversight-table-3-ms-okafor-${scenario.id}-seed-7-2026-05-21.csv`,
    );
    // Without a name, the columns stay empty and the names as before.
    expect(parseCsv(csvHeader(scenario) + csvRow(input))[1]?.[0]).toBe('');
    expect(JSON.parse(replayJson(input)).tableName).toBeUndefined();
  });
});
