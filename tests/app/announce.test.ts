import { describe, expect, it } from 'vitest';
import {
  assuranceLabel,
  describeLogEntry,
  describeNewEntries,
  ended,
  meterChangeText,
  metersAfterEach,
  possessive,
} from '../../src/app/announce.ts';
import type { LogEntry, PackageRecord } from '../../src/rules/types.ts';
import { fixtureScenario } from '../fixtures/load.ts';

const scenario = fixtureScenario('table');
const entry = (e: Partial<LogEntry>): LogEntry => ({
  seq: 1,
  round: 1,
  kind: 'agreed',
  actor: 'police',
  subjects: [],
  deltas: {},
  reason: null,
  ...e,
});

describe('announcements', () => {
  it('says meter changes with numbers', () => {
    const text = meterChangeText(
      scenario,
      { trust: 4, privacy: -3 },
      { trust: 52, security: 50, privacy: 40 },
    );
    expect(text).toBe('Trust up 4 to 52, Privacy down 3 to 40');
  });

  it('tracks the meters through the log', () => {
    const log = [entry({ deltas: { trust: 5 } }), entry({ deltas: { trust: -2, security: 1 } })];
    const after = metersAfterEach(scenario, log);
    const start = scenario.meters.trust.start;
    expect(after[1]?.trust).toBe(start + 3);
  });

  it('uses card titles, and a bot reason instead of a plain sentence', () => {
    const assurance = scenario.assurances[0];
    if (!assurance) throw new Error('fixture has assurances');
    const meters = { trust: 50, security: 50, privacy: 50 };
    expect(
      describeLogEntry(scenario, entry({ subjects: [assurance.id], deltas: { trust: 2 } }), meters),
    ).toBe(`Agreed: “${assurance.title.text}”. Trust up 2 to 50.`);
    const reasoned = entry({ kind: 'passed', reason: 'Vendor passes: nothing helps it' });
    expect(describeLogEntry(scenario, reasoned, meters)).toBe('Vendor passes: nothing helps it.');
  });

  it('says why a package was rejected: a deliverer that did not support it, or too few supporters', () => {
    const record = (supporters: string[], assurances: string[]): PackageRecord => ({
      number: 1,
      round: 1,
      proposer: 'police',
      amendedBy: null,
      original: null,
      assurances,
      supporters,
      opposers: scenario.roles.map((r) => r.id).filter((r) => !supporters.includes(r)),
      outcome: 'rejected',
    });
    const rejected = (assurances: string[]) =>
      entry({ kind: 'rejected', subjects: assurances, deltas: { trust: -1 } });
    const log = [entry({ kind: 'agreed', subjects: ['dpia'] }), rejected(['dpia', 'uk-data'])];
    const packages = [
      { ...record(['police', 'mayor', 'rights', 'vendor'], ['dpia']), outcome: 'agreed' as const },
      // Three of four support it, the Mayor among them, but the vendor delivers "uk-data".
      record(['police', 'mayor', 'rights'], ['dpia', 'uk-data']),
    ];
    const [said] = describeNewEntries(scenario, log, 1, packages);
    expect(said).toContain(
      `Vendor must deliver “${assuranceLabel(scenario, 'uk-data')}” and did not support it.`,
    );
    expect(said).not.toContain('It needed');

    // Everyone who delivers supports it, but not the Mayor, whom the rule requires.
    const [short] = describeNewEntries(scenario, [rejected(['dpia'])], 0, [
      record(['police', 'vendor', 'rights'], ['dpia']),
    ]);
    expect(short).toContain(
      'It needed the support of more than half of the 4 roles (3 or more), including Mayor; it had 3, without Mayor.',
    );
  });

  it('ends a sentence once, after a title that has its own question mark', () => {
    const epilogue = scenario.epilogues[0];
    if (!epilogue) throw new Error('fixture has epilogues');
    const asking = {
      ...scenario,
      epilogues: [{ ...epilogue, title: { ...epilogue.title, text: 'But for which reasons?' } }],
    };
    const meters = { trust: 50, security: 50, privacy: 50 };
    const said = describeLogEntry(
      asking,
      entry({ kind: 'epilogue', actor: null, subjects: [epilogue.id] }),
      meters,
    );
    expect(said).toBe('Epilogue: But for which reasons?');
    expect(ended('A plain title')).toBe('A plain title.');
  });
});

describe('possessive', () => {
  it("gives a role's name its possessive, a name ending in s the apostrophe alone", () => {
    expect(possessive('Met')).toBe("Met's");
    expect(possessive('Palantir')).toBe("Palantir's");
    expect(possessive('Civil liberties')).toBe("Civil liberties'");
  });
});
