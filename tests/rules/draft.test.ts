import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { addLog, draft, moveMeters } from '../../src/rules/draft.ts';
import { createGame } from '../../src/rules/setup.ts';
import type { GameState, LogKind } from '../../src/rules/types.ts';
import { gameArb, sumDeltas } from '../support/games.ts';
import { duo, table } from '../support/scenarios.ts';

// Property runs and graph walks: generous time when the machine is busy (CI, parallel files).
vi.setConfig({ testTimeout: 60_000 });

const METERS = ['trust', 'security', 'privacy'] as const;
/** The only kinds of log entry that may move a meter. */
const MOVERS: LogKind[] = [
  'event',
  'agreed',
  'rejected',
  'delayed-effect',
  'defer',
  'decision',
  'audit',
];

describe('draft', () => {
  it('is a copy: changing it leaves the original alone, and counts the step', () => {
    const original = createGame(table(), 1);
    const frozen = JSON.stringify(original);
    const d = draft(original);
    d.unlocked.push('x');
    d.agreed.push({ id: 'dpia', round: 1, package: 1 });
    d.stances.police = 'approve';
    d.valuationDeltas.police = { approve: 1 };
    moveMeters(d, { trust: 5 });
    addLog(d, { kind: 'begin' });
    expect(JSON.stringify(original)).toBe(frozen);
    expect(d.step).toBe(1);
    expect(d.meters.trust).toBe(55);
  });

  it('log entries are numbered from 1 and stamped with the round', () => {
    const d = draft({ ...createGame(table(), 1), round: 2 });
    addLog(d, { kind: 'passed', actor: 'police' });
    addLog(d, { kind: 'event', subjects: ['leak'], deltas: { trust: -5 } });
    expect(d.log).toEqual([
      { seq: 1, round: 2, kind: 'passed', actor: 'police', subjects: [], deltas: {}, reason: null },
      {
        seq: 2,
        round: 2,
        kind: 'event',
        actor: null,
        subjects: ['leak'],
        deltas: { trust: -5 },
        reason: null,
      },
    ]);
  });
});

describe('the causal log', () => {
  for (const [name, scenario] of [
    ['table', table()],
    ['duo', duo()],
  ] as const) {
    it(`records every meter change on exactly one entry (${name})`, () => {
      fc.assert(
        fc.property(gameArb(scenario), (game) => {
          const { states } = game;
          for (let i = 1; i < states.length; i++) {
            const before = states[i - 1] as GameState;
            const after = states[i] as GameState;
            // Append-only, numbered in order.
            expect(after.log.slice(0, before.log.length)).toEqual(before.log);
            const added = after.log.slice(before.log.length);
            for (const [k, e] of added.entries()) expect(e.seq).toBe(before.log.length + k + 1);
            // This step's meter change is exactly the sum of its new entries' deltas.
            const sum = sumDeltas(added);
            for (const m of METERS) {
              expect(after.meters[m] - before.meters[m]).toBeCloseTo(sum[m], 6);
            }
            for (const e of added) {
              for (const m of METERS)
                if (e.deltas[m] !== undefined) expect(e.deltas[m]).not.toBe(0);
              if (Object.keys(e.deltas).length > 0) expect(MOVERS).toContain(e.kind);
            }
          }
          const first = states[0] as GameState;
          const last = game.final;
          const total = sumDeltas(last.log);
          for (const m of METERS) {
            expect(last.meters[m] - first.meters[m]).toBeCloseTo(total[m], 6);
          }
        }),
        { seed: 8, numRuns: 60 },
      );
    });
  }
});
