import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEffects, clampMeter, hasDeltas, sumEffects } from '../../src/rules/meters.ts';
import type { Meters } from '../../src/rules/types.ts';

const mid: Meters = { trust: 50, security: 50, privacy: 50 };

describe('clampMeter', () => {
  it('keeps values in 0–100', () => {
    expect(clampMeter(-3)).toBe(0);
    expect(clampMeter(0)).toBe(0);
    expect(clampMeter(42.5)).toBe(42.5);
    expect(clampMeter(100)).toBe(100);
    expect(clampMeter(130)).toBe(100);
  });
});

describe('applyEffects', () => {
  it('moves the named meters and reports what moved', () => {
    const { meters, deltas } = applyEffects(mid, { trust: 4, privacy: -3 });
    expect(meters).toEqual({ trust: 54, security: 50, privacy: 47 });
    expect(deltas).toEqual({ trust: 4, privacy: -3 });
  });

  it('reports the change after clamping, not the change asked for', () => {
    const { meters, deltas } = applyEffects(
      { trust: 98, security: 3, privacy: 50 },
      { trust: 5, security: -10 },
    );
    expect(meters).toEqual({ trust: 100, security: 0, privacy: 50 });
    expect(deltas).toEqual({ trust: 2, security: -3 });
  });

  it('leaves a pinned meter out of the deltas', () => {
    const { meters, deltas } = applyEffects(
      { trust: 100, security: 0, privacy: 50 },
      { trust: 5, security: -5 },
    );
    expect(meters).toEqual({ trust: 100, security: 0, privacy: 50 });
    expect(deltas).toEqual({});
    expect(hasDeltas(deltas)).toBe(false);
  });

  it('ignores missing and zero effects and never mutates its input', () => {
    const input = { ...mid };
    expect(applyEffects(input, undefined)).toEqual({ meters: input, deltas: {} });
    expect(applyEffects(input, { trust: 0 }).deltas).toEqual({});
    applyEffects(input, { trust: 10 });
    expect(input).toEqual(mid);
  });

  it('rounds meters to one decimal so float noise never builds up', () => {
    let meters: Meters = { ...mid };
    for (let i = 0; i < 10; i++) meters = applyEffects(meters, { trust: 0.1 }).meters;
    expect(meters.trust).toBe(51);
    expect(applyEffects(mid, { trust: 0.33 })).toEqual({
      meters: { ...mid, trust: 50.3 },
      deltas: { trust: 0.3 },
    });
    // A change too small to show does not move the meter and is not reported.
    expect(applyEffects(mid, { trust: 0.04 })).toEqual({ meters: mid, deltas: {} });
  });

  it('always lands in 0–100 with deltas equal to the change', () => {
    const meter = fc.integer({ min: 0, max: 1000 }).map((x) => x / 10);
    const effect = fc.option(fc.double({ min: -100, max: 100, noNaN: true }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({ trust: meter, security: meter, privacy: meter }),
        fc.record({ trust: effect, security: effect, privacy: effect }),
        (before, effects) => {
          const { meters, deltas } = applyEffects(before, effects);
          for (const m of ['trust', 'security', 'privacy'] as const) {
            expect(meters[m]).toBeGreaterThanOrEqual(0);
            expect(meters[m]).toBeLessThanOrEqual(100);
            expect(Math.round(meters[m] * 10) / 10).toBe(meters[m]);
            expect(meters[m] - before[m]).toBeCloseTo(deltas[m] ?? 0, 9);
            if (deltas[m] !== undefined) expect(deltas[m]).not.toBe(0);
          }
        },
      ),
      { seed: 4, numRuns: 500 },
    );
  });
});

describe('sumEffects', () => {
  it('adds effects meter by meter and skips missing ones', () => {
    expect(sumEffects([{ trust: 4, privacy: 3 }, undefined, { trust: 5, security: -1 }])).toEqual({
      trust: 9,
      privacy: 3,
      security: -1,
    });
    expect(sumEffects([])).toEqual({});
  });
});
