import { describe, expect, it } from 'vitest';
import type { GameView } from '../../src/store/types.ts';
import { rankedAmendments } from '../../src/view/scenes/game-text.ts';

/** Just what the ranking reads: the viewer's own valuations (null: the public view). */
function viewWith(assurances: Record<string, number> | null): GameView {
  return {
    view: { me: assurances ? { valuations: { assurances, decisions: {} } } : null },
  } as unknown as GameView;
}

const swaps = [
  { remove: 'audit', add: 'uk-data' },
  { remove: 'audit', add: 'break-clause' },
  { remove: 'dpia', add: 'uk-data' },
  { remove: 'dpia', add: 'break-clause' },
];

describe('amendments the person answering may offer', () => {
  it('come best for them first, each with what it is worth to them', () => {
    const game = viewWith({ audit: 2, dpia: -1, 'uk-data': 5, 'break-clause': 1 });
    expect(rankedAmendments(game, swaps).map((r) => [r.amendment, r.worth])).toEqual([
      [{ remove: 'dpia', add: 'uk-data' }, '+6 to you'],
      [{ remove: 'audit', add: 'uk-data' }, '+3 to you'],
      [{ remove: 'dpia', add: 'break-clause' }, '+2 to you'],
      [{ remove: 'audit', add: 'break-clause' }, '−1 to you'],
    ]);
  });

  it('keep the rules’ order among equals, and in the public view (no values shown)', () => {
    const even = viewWith({ audit: 1, dpia: 1, 'uk-data': 1, 'break-clause': 1 });
    expect(rankedAmendments(even, swaps).map((r) => r.amendment)).toEqual(swaps);
    const pub = rankedAmendments(viewWith(null), swaps);
    expect(pub.map((r) => r.amendment)).toEqual(swaps);
    expect(pub.every((r) => r.worth === '')).toBe(true);
  });
});
