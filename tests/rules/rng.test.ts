import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mixSeed, nextRandom, pickWeighted, seedRng } from '../../src/rules/rng.ts';

function draws(state: number, n: number): number[] {
  const out: number[] = [];
  let s = state;
  for (let i = 0; i < n; i++) {
    const [v, next] = nextRandom(s);
    out.push(v);
    s = next;
  }
  return out;
}

describe('seedRng', () => {
  it('is deterministic and gives an unsigned 32-bit state', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = seedRng(seed);
        expect(seedRng(seed)).toBe(a);
        expect(Number.isInteger(a)).toBe(true);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThan(2 ** 32);
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  it('treats non-finite seeds as 0 and truncates fractions', () => {
    expect(seedRng(Number.NaN)).toBe(seedRng(0));
    expect(seedRng(Number.POSITIVE_INFINITY)).toBe(seedRng(0));
    expect(seedRng(42.9)).toBe(seedRng(42));
  });

  it('spreads neighbouring seeds apart', () => {
    const states = new Set(Array.from({ length: 1000 }, (_, i) => seedRng(i)));
    expect(states.size).toBe(1000);
  });
});

describe('nextRandom', () => {
  it('replays the same sequence from the same state', () => {
    expect(draws(seedRng(7), 50)).toEqual(draws(seedRng(7), 50));
    expect(draws(seedRng(7), 50)).not.toEqual(draws(seedRng(8), 50));
  });

  it('returns values in [0, 1) and a new 32-bit state', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff_ffff }), (state) => {
        const [v, next] = nextRandom(state);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThan(1);
        expect(next).not.toBe(state);
        expect(next >>> 0).toBe(next);
      }),
      { seed: 2, numRuns: 500 },
    );
  });

  it('is roughly uniform', () => {
    const values = draws(seedRng(123), 20_000);
    const buckets = new Array(10).fill(0);
    for (const v of values) buckets[Math.floor(v * 10)]++;
    for (const count of buckets) expect(Math.abs(count / 20_000 - 0.1)).toBeLessThan(0.01);
  });
});

describe('pickWeighted', () => {
  it('picks nothing and leaves the state alone when no weight is positive', () => {
    expect(pickWeighted(99, [])).toEqual([-1, 99]);
    expect(pickWeighted(99, [0, 0])).toEqual([-1, 99]);
    expect(pickWeighted(99, [-1, 0, -5])).toEqual([-1, 99]);
  });

  it('never picks an index with zero or negative weight', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffff_ffff }),
        fc.array(
          fc.oneof(
            fc.constant(0),
            fc.constant(-1),
            fc.double({ min: 0.001, max: 100, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        (state, weights) => {
          const [index, next] = pickWeighted(state, weights);
          if (weights.every((w) => w <= 0)) {
            expect(index).toBe(-1);
            expect(next).toBe(state);
          } else {
            expect(weights[index]).toBeGreaterThan(0);
            expect(next).toBe(nextRandom(state)[1]);
          }
        },
      ),
      { seed: 3, numRuns: 500 },
    );
  });

  it('picks in proportion to the weights', () => {
    const weights = [1, 0, 2, 7];
    const counts = [0, 0, 0, 0];
    let state = seedRng(2026);
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const [index, next] = pickWeighted(state, weights);
      counts[index] = (counts[index] ?? 0) + 1;
      state = next;
    }
    expect(counts[1]).toBe(0);
    expect(Math.abs((counts[0] ?? 0) / n - 0.1)).toBeLessThan(0.015);
    expect(Math.abs((counts[2] ?? 0) / n - 0.2)).toBeLessThan(0.015);
    expect(Math.abs((counts[3] ?? 0) / n - 0.7)).toBeLessThan(0.015);
  });

  it('is deterministic', () => {
    expect(pickWeighted(5, [1, 1, 1])).toEqual(pickWeighted(5, [1, 1, 1]));
  });
});

describe('mixSeed', () => {
  it('is deterministic, order-sensitive and spreads its inputs', () => {
    expect(mixSeed(1, 2, 3)).toBe(mixSeed(1, 2, 3));
    expect(mixSeed(1, 2, 3)).not.toBe(mixSeed(3, 2, 1));
    const seen = new Set<number>();
    for (let a = 0; a < 20; a++) for (let b = 0; b < 20; b++) seen.add(mixSeed(a, b));
    expect(seen.size).toBe(400);
    expect(mixSeed(4, 5) >>> 0).toBe(mixSeed(4, 5));
  });
});
