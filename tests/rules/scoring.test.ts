import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allRoleScores,
  BALANCE_RULE_TEXT,
  balanceScore,
  bandStatus,
  conditionsCount,
  meterHealth,
  roleScore,
  valuation,
} from '../../src/rules/scoring.ts';
import { createGame } from '../../src/rules/setup.ts';
import type { GameState, Meters } from '../../src/rules/types.ts';
import { roleOf, table, variant } from '../support/scenarios.ts';

const scenario = table();
const band = { low: 35, high: 75 };

describe('meterHealth', () => {
  it('is 1 at the middle of the band, 0.5 at its edges, 0 at 0 and 100', () => {
    expect(meterHealth(55, band)).toBe(1);
    expect(meterHealth(35, band)).toBe(0.5);
    expect(meterHealth(75, band)).toBe(0.5);
    expect(meterHealth(0, band)).toBe(0);
    expect(meterHealth(100, band)).toBe(0);
    expect(meterHealth(45, band)).toBe(0.75);
    expect(meterHealth(17.5, band)).toBe(0.25);
    expect(meterHealth(87.5, band)).toBe(0.25);
  });

  it('handles bands that touch 0 or 100', () => {
    expect(meterHealth(0, { low: 0, high: 60 })).toBe(0.5);
    expect(meterHealth(100, { low: 40, high: 100 })).toBe(0.5);
    expect(meterHealth(50, { low: 0, high: 100 })).toBe(1);
    expect(meterHealth(50, { low: 50, high: 50 })).toBe(1);
  });

  it('stays in 0–1, is at least 0.5 exactly inside the band, and falls away from the middle', () => {
    const value = fc.integer({ min: 0, max: 1000 }).map((x) => x / 10);
    const bandArb = fc
      .tuple(fc.integer({ min: 1, max: 98 }), fc.integer({ min: 1, max: 98 }))
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => ({ low: Math.min(a, b), high: Math.max(a, b) }));
    fc.assert(
      fc.property(bandArb, value, value, (b, x, y) => {
        const hx = meterHealth(x, b);
        expect(hx).toBeGreaterThanOrEqual(0);
        expect(hx).toBeLessThanOrEqual(1);
        expect(hx >= 0.5).toBe(x >= b.low && x <= b.high);
        const mid = (b.low + b.high) / 2;
        const [near, far] = Math.abs(x - mid) <= Math.abs(y - mid) ? [x, y] : [y, x];
        // On the same side of the middle, farther is never healthier.
        if ((near - mid) * (far - mid) >= 0) {
          expect(meterHealth(far, b)).toBeLessThanOrEqual(meterHealth(near, b) + 1e-12);
        }
      }),
      { seed: 5, numRuns: 1000 },
    );
  });
});

describe('balanceScore', () => {
  const meters = (trust: number, security: number, privacy: number): Meters => ({
    trust,
    security,
    privacy,
  });

  it('is 100 with every meter at the middle of its band', () => {
    expect(balanceScore(scenario, meters(55, 55, 55))).toBe(100);
  });

  it('is conjunctive: one collapsed meter means no balance, however good the others', () => {
    expect(balanceScore(scenario, meters(0, 55, 55))).toBe(0);
    expect(balanceScore(scenario, meters(55, 100, 55))).toBe(0);
    expect(balanceScore(scenario, meters(55, 55, 0))).toBe(0);
  });

  it('is the geometric mean of the three healths, in percent to one decimal', () => {
    // Healths 1, 1, 0.5 → 100·∛0.5.
    expect(balanceScore(scenario, meters(55, 55, 35))).toBe(79.4);
    // Healths 0.5, 0.5, 0.5 → 50.
    expect(balanceScore(scenario, meters(35, 75, 35))).toBe(50);
  });

  it('lies between the worst and the best meter, and is 0 exactly when one meter is at 0 health', () => {
    const v = fc.integer({ min: 0, max: 1000 }).map((x) => x / 10);
    fc.assert(
      fc.property(v, v, v, (t, s, p) => {
        const hs = [meterHealth(t, band), meterHealth(s, band), meterHealth(p, band)];
        const score = balanceScore(scenario, meters(t, s, p));
        expect(score).toBeGreaterThanOrEqual(100 * Math.min(...hs) - 0.05);
        expect(score).toBeLessThanOrEqual(100 * Math.max(...hs) + 0.05);
        if (Math.min(...hs) === 0) expect(score).toBe(0);
      }),
      { seed: 6, numRuns: 1000 },
    );
  });

  it('is explained to players in plain words', () => {
    expect(BALANCE_RULE_TEXT).toMatch(/geometric mean/);
    expect(BALANCE_RULE_TEXT).toMatch(/collapses/);
  });
});

describe('bandStatus', () => {
  it('says which side of the band a meter is on', () => {
    expect(bandStatus(scenario, 'trust', 34.9)).toBe('low');
    expect(bandStatus(scenario, 'trust', 35)).toBe('healthy');
    expect(bandStatus(scenario, 'trust', 75)).toBe('healthy');
    expect(bandStatus(scenario, 'trust', 75.1)).toBe('high');
  });
});

describe('roleScore', () => {
  function at(fields: Partial<GameState>): GameState {
    return {
      ...createGame(scenario, 1),
      phase: 'aftermath',
      round: 3,
      agreed: [
        { id: 'dpia', round: 1, package: 1 },
        { id: 'audit', round: 2, package: 2 },
      ],
      // Start: trust 50, security 50, privacy 45.
      meters: { trust: 60, security: 40, privacy: 55 },
      ...fields,
    };
  }

  it('before the decision: agreed assurances and the meters count', () => {
    // police: dpia -1, audit -2; weights trust 0.3, security 1, privacy -0.2.
    expect(roleScore(scenario, at({ phase: 'stances', decision: null }), 'police')).toEqual({
      role: 'police',
      assurances: -3,
      decision: 0,
      meters: -9,
      total: -12,
      reservation: 0,
      satisfied: false,
    });
  });

  it('a decision that enforces the conditions keeps the assurances; others drop them', () => {
    const conditions = at({ decision: 'approve-conditions' });
    expect(conditionsCount(scenario, conditions)).toBe(true);
    expect(roleScore(scenario, conditions, 'rights')).toMatchObject({
      assurances: 9,
      decision: 0,
      // rights: trust 0.3, security -0.2, privacy 1 → 3 + 2 + 10.
      meters: 15,
      total: 24,
      satisfied: true,
    });
    const approve = at({ decision: 'approve' });
    expect(conditionsCount(scenario, approve)).toBe(false);
    expect(roleScore(scenario, approve, 'rights')).toMatchObject({
      assurances: 0,
      decision: -12,
      meters: 15,
      total: 3,
    });
  });

  it('counts event changes to valuations', () => {
    const s = at({ decision: 'approve', valuationDeltas: { police: { approve: 3, dpia: 5 } } });
    expect(valuation(scenario, s, 'police', 'approve')).toBe(13);
    expect(valuation(scenario, s, 'police', 'dpia')).toBe(4);
    expect(valuation(scenario, s, 'police', 'nothing')).toBe(0);
    expect(roleScore(scenario, s, 'police')).toMatchObject({ decision: 13, assurances: 0 });
    const c = at({ decision: 'approve-conditions', valuationDeltas: { police: { dpia: 5 } } });
    expect(roleScore(scenario, c, 'police').assurances).toBe(2);
  });

  it('a defer adds the role’s worth of deferring to the decision it comes before', () => {
    // police: approve 10, defer -2; rights: block 8, defer 1.
    expect(
      roleScore(scenario, at({ decision: 'approve', deferred: true }), 'police').decision,
    ).toBe(8);
    expect(roleScore(scenario, at({ decision: 'block', deferred: true }), 'rights').decision).toBe(
      9,
    );
    expect(roleScore(scenario, at({ decision: 'block', deferred: false }), 'rights').decision).toBe(
      8,
    );
    // Already counted before the final decision, with event changes to its worth.
    const waiting = at({
      phase: 'negotiation',
      decision: null,
      deferred: true,
      valuationDeltas: { police: { defer: -1 } },
    });
    expect(roleScore(scenario, waiting, 'police').decision).toBe(-3);
  });

  it('satisfied exactly at or above the reservation value', () => {
    const s = at({ decision: 'approve' });
    const total = roleScore(scenario, s, 'vendor').total;
    const withReservation = (r: number) =>
      variant(scenario, (x) => {
        roleOf(x, 'vendor').reservation = r;
      });
    expect(roleScore(withReservation(total), s, 'vendor').satisfied).toBe(true);
    expect(roleScore(withReservation(total + 0.1), s, 'vendor').satisfied).toBe(false);
    expect(roleScore(withReservation(total + 0.1), s, 'vendor').reservation).toBe(total + 0.1);
  });

  it('rounds every component to one decimal', () => {
    const s = at({
      decision: null,
      agreed: [],
      meters: { trust: 50.1, security: 50, privacy: 45 },
    });
    // vendor: trust weight 0.2 → 0.02.
    expect(roleScore(scenario, s, 'vendor')).toMatchObject({ meters: 0, total: 0 });
  });

  it('allRoleScores lists every role in scenario order', () => {
    expect(allRoleScores(scenario, at({})).map((r) => r.role)).toEqual([
      'mayor',
      'police',
      'vendor',
      'rights',
    ]);
  });
});
