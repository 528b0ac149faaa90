/**
 * The `simulate` command: pure argument parsing and statistics, then the command run as a
 * process the way authors run it — same arguments, same bytes; --json parses with the documented
 * fields; bad arguments exit 2 with one line; an invalid scenario exits 1 with validate's lines.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gameSeed, parseArgs } from '../../src/cli/simulate.ts';
import { SimulationStats } from '../../src/cli/simulate-stats.ts';
import { playBotGame } from '../../src/flow/bot-game.ts';
import { cli, problemLine, stackTrace } from '../support/cli.ts';
import { table } from '../support/scenarios.ts';

const TABLE = 'tests/fixtures/scenarios/table.json';

describe('parseArgs', () => {
  it('reads options in either form, with defaults', () => {
    expect(parseArgs(['x.json'])).toEqual({
      file: 'x.json',
      games: 100,
      seed: 1,
      level: 'normal',
      json: false,
      time: false,
    });
    expect(parseArgs(['--games', '5', 'x.json', '--seed=9', '--level=hard', '--json'])).toEqual({
      file: 'x.json',
      games: 5,
      seed: 9,
      level: 'hard',
      json: true,
      time: false,
    });
    expect(parseArgs(['x.json', '--help'])).toBe('help');
  });

  it.each([
    [[], /no scenario file/],
    [['a.json', 'b.json'], /one scenario file/],
    [['x.json', '--games', '0'], /--games must be a whole number/],
    [['x.json', '--games', '2.5'], /--games must be a whole number/],
    [['x.json', '--games'], /--games needs a value/],
    [['x.json', '--seed', '-1'], /unknown option "-1"|--seed must be/],
    [['x.json', '--seed=4294967296'], /--seed must be a whole number/],
    [['x.json', '--level', 'expert'], /--level must be easy, normal or hard/],
    [['x.json', '--json=yes'], /--json takes no value/],
    [['x.json', '--fast'], /unknown option "--fast"/],
  ])('refuses %j', (args, message) => {
    const parsed = parseArgs(args);
    expect(parsed).toHaveProperty('error');
    expect((parsed as { error: string }).error).toMatch(message);
  });

  it('spreads game seeds from the base seed, deterministically', () => {
    expect(gameSeed(1, 0)).toBe(gameSeed(1, 0));
    expect(new Set([0, 1, 2, 3].map((i) => gameSeed(1, i))).size).toBe(4);
    expect(gameSeed(2, 0)).not.toBe(gameSeed(1, 0));
  });
});

describe('SimulationStats', () => {
  const scenario = table();

  it('summarises games: shares, nearest-rank percentiles, counts', () => {
    const stats = new SimulationStats(scenario);
    const states = [0, 1, 2, 3, 4].map((seed) => playBotGame(scenario, seed, 'normal').state);
    for (const s of states) stats.add(s);
    const summary = stats.summary();
    expect(summary.games).toBe(5);
    expect(summary.decisions.reduce((n, d) => n + d.count, 0)).toBe(5);
    const trust = states.map((s) => s.meters.trust).sort((a, b) => a - b);
    expect(summary.meters.trust.p10).toBe(trust[0]); // rank ceil(0.5) = 1
    expect(summary.meters.trust.p50).toBe(trust[2]); // rank ceil(2.5) = 3
    expect(summary.meters.trust.p90).toBe(trust[4]); // rank ceil(4.5) = 5
    for (const a of summary.assurances) {
      expect(a.agreed).toBeLessThanOrEqual(a.proposed);
      expect(a.proposed).toBeLessThanOrEqual(1);
    }
    expect(summary.redLineFlags).toBe(0);
  });

  it('is all zeros, not NaN, with no games', () => {
    const summary = new SimulationStats(scenario).summary();
    expect(JSON.stringify(summary)).not.toMatch(/null|NaN/);
    expect(summary.balance.mean).toBe(0);
  });
});

// Each run starts Node and tsx: slow on a busy machine, hence the generous timeout.
describe('simulate (as a process)', { timeout: 90_000 }, () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'oversight-simulate-'));
  });

  it('prints the same bytes for the same arguments; --time only adds stderr', async () => {
    const [a, b, timed] = await Promise.all([
      cli('simulate', TABLE, '--games', '30', '--seed', '3'),
      cli('simulate', TABLE, '--games', '30', '--seed', '3'),
      cli('simulate', TABLE, '--games', '30', '--seed', '3', '--time'),
    ]);
    expect(a.code).toBe(0);
    expect(a.stderr).toBe('');
    expect(b.stdout).toBe(a.stdout);
    expect(timed.stdout).toBe(a.stdout);
    expect(timed.stderr).toMatch(/^simulate: 30 games in [\d.]+ s \(\d+ games\/s\)\n$/);
    for (const heading of ['Decisions', 'Final meters and balance', 'Roles', 'Assurances']) {
      expect(a.stdout).toContain(heading);
    }
    expect(a.stdout).toContain('Red-line flags: 0');
    expect(a.stdout).toMatch(/\nBalance notes(: none)?\n/);
  });

  it('--json parses, with the documented fields', async () => {
    const run = await cli('simulate', TABLE, '--games', '25', '--level', 'hard', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      file: TABLE,
      scenario: 'test-table',
      seed: 1,
      level: 'hard',
      games: 25,
      redLineFlags: 0,
    });
    expect(Array.isArray(report.notes)).toBe(true);
    for (const key of [
      'decisions',
      'deferred',
      'meters',
      'balance',
      'roles',
      'assurances',
      'packages',
      'notes',
    ]) {
      expect(report).toHaveProperty(key);
    }
    expect(Object.keys(report.meters)).toEqual(['trust', 'security', 'privacy']);
    expect(Object.keys(report.meters.trust)).toEqual([
      'mean',
      'p10',
      'p50',
      'p90',
      'below',
      'above',
    ]);
    expect(report.roles[0]).toEqual({
      id: 'mayor',
      name: 'Mayor',
      satisfied: expect.any(Number),
      meanScore: expect.any(Number),
      reservation: 0,
    });
    expect(report.assurances[0]).toEqual({
      id: 'dpia',
      title: expect.any(String),
      proposed: expect.any(Number),
      agreed: expect.any(Number),
      available: expect.any(Number),
      requires: expect.any(Array),
      // Who opposed the packages it was in most often, when anyone did.
      ...(report.assurances[0].mostAgainst
        ? {
            mostAgainst: {
              role: expect.any(String),
              name: expect.any(String),
              share: expect.any(Number),
            },
          }
        : {}),
    });
    expect(report.packages).toEqual({
      agreed: expect.any(Number),
      rejected: expect.any(Number),
      withdrawn: expect.any(Number),
    });
  });

  it('exits 2 with one line for bad arguments or a missing file', async () => {
    // parseArgs is tested above for every kind of mistake; here, the exit code and the one line.
    const runs = await Promise.all([
      cli('simulate'),
      cli('simulate', TABLE, '--level', 'expert'),
      cli('simulate', join(dir, 'missing.json')),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).not.toMatch(stackTrace);
    }
    expect(runs[1]?.stderr).toMatch(/^simulate: --level must be easy, normal or hard/);
    expect(runs[2]?.stderr).toMatch(/missing\.json: cannot read: no such file\./);
  });

  it("exits 1 for an invalid scenario, printing validate's lines", async () => {
    const data = JSON.parse(readFileSync(TABLE, 'utf8'));
    data.decider = 'nobody';
    data.roles[0].colour = 'red';
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(data, null, 2));
    const run = await cli('simulate', bad, '--games', '3');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(problemLine);
    expect(run.stderr).not.toMatch(stackTrace);
  });

  it('--help explains itself and exits 0; the tool lists the command', async () => {
    const [help, tool] = await Promise.all([cli('simulate', '--help'), cli('--help')]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--games N');
    expect(tool.stdout).toContain('simulate');
  });
});
