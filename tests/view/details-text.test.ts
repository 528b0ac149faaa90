import { describe, expect, it } from 'vitest';
import type { GameView } from '../../src/store/types.ts';
import { agreedDetails, packageDetails } from '../../src/view/scenes/game-text.ts';
import { fixtureScenario } from '../fixtures/load.ts';

const scenario = fixtureScenario('table');

/** What the details read: the scenario, the agreed conditions, the package and the viewer. */
function gameWith(view: Record<string, unknown>): GameView {
  return {
    scenario,
    view: { agreed: [], pending: null, me: null, ...view },
  } as unknown as GameView;
}

describe('the agreed conditions in full', () => {
  it('give each whole title, who delivers it, the round it was agreed and what it promises', () => {
    const game = gameWith({
      agreed: [
        { id: 'dpia', round: 1, package: 1 },
        { id: 'reprocure', round: 2, package: 3 },
      ],
    });
    expect(agreedDetails(game).split('\n\n')).toEqual([
      '✓ Dpia\nPolice delivers · agreed in round 1\ndpia summary Verifiable: audited after the decision.',
      '✓ Reprocure\nPolice delivers · agreed in round 2\nreprocure summary Takes effect 1 round after it is agreed.',
    ]);
  });

  it('say so when nothing is agreed yet', () => {
    expect(agreedDetails(gameWith({}))).toBe('No assurances agreed yet.');
  });
});

describe('the package on the table in full', () => {
  const pending = {
    number: 2,
    proposer: 'vendor',
    amendedBy: null,
    assurances: ['uk-data', 'audit'],
    responses: { police: 'support', mayor: 'oppose' },
    awaiting: ['rights'],
  };

  it('give each card with its worth to the viewer and their red line, then the answers', () => {
    const game = gameWith({
      pending,
      me: {
        role: 'rights',
        valuations: { assurances: { 'uk-data': 4, audit: -2.5 }, decisions: {} },
        redLines: { assurances: ['audit'], decisions: [] },
      },
    });
    expect(packageDetails(game).split('\n\n')).toEqual([
      '• Uk-Data\nVendor delivers · +4 to you\nuk-data summary Verifiable: audited after the decision.',
      '• Audit\nMayor delivers · −2.5 to you · your red line\naudit summary',
      'So far: Police supports, Mayor opposes. Still to answer: Rights.',
    ]);
  });

  it('show no private worth in the public view, and nothing when no package is on the table', () => {
    const text = packageDetails(gameWith({ pending }));
    expect(text).toContain('• Uk-Data\nVendor delivers\n');
    expect(text).not.toContain('to you');
    expect(packageDetails(gameWith({}))).toBe('');
  });
});
