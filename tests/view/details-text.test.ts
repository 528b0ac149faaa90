import { describe, expect, it } from 'vitest';
import { sourcesLine } from '../../src/app/citations.ts';
import type { GameView } from '../../src/store/types.ts';
import {
  agreedDetails,
  balanceDetails,
  cardsInFull,
  decisionSummary,
  outcomeForViewer,
  packageDetails,
} from '../../src/view/scenes/game-text.ts';
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
  it('give each whole title, who delivers it, the round it was agreed, what it promises and does to the meters, its background and sources', () => {
    const game = gameWith({
      agreed: [
        { id: 'dpia', round: 1, package: 1 },
        { id: 'reprocure', round: 2, package: 3 },
      ],
    });
    expect(agreedDetails(game).split('\n\n')).toEqual([
      '✓ Dpia\nPolice delivers · agreed in round 1\ndpia summary Meters: Trust +4, Privacy +3. Verifiable: audited after the decision.\ndpia text\nSource: Test source.',
      '✓ Reprocure\nPolice delivers · agreed in round 2\nreprocure summary Meters: Trust +4, Security −3. Takes effect 1 round after it is agreed.\nreprocure text\nSource: Test source.',
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
      '• Uk-Data\nVendor delivers · +4 to you\nuk-data summary Meters: Trust +2, Privacy +4. Verifiable: audited after the decision.\nuk-data text\nSource: Test source.',
      '• Audit\nMayor delivers · −2.5 to you · your red line\naudit summary Meters: Trust +5, Privacy +2.\naudit text\nSource: Test source.',
      'So far: Police supports, Mayor opposes. Still to answer: Rights.',
      expect.stringMatching(/^A package is agreed when /),
    ]);
  });

  it('show no private worth in the public view, and nothing when no package is on the table', () => {
    const text = packageDetails(gameWith({ pending }));
    expect(text).toContain('• Uk-Data\nVendor delivers\n');
    expect(text).not.toContain('to you');
    expect(packageDetails(gameWith({}))).toBe('');
  });
});

describe("the proposer's cards in full", () => {
  it('give each card in full, and the paragraph each starts on', () => {
    const me = {
      role: 'police',
      valuations: { assurances: { dpia: 3 }, decisions: {} },
      redLines: { assurances: [], decisions: [] },
    };
    const { text, starts } = cardsInFull(gameWith({ me }), ['dpia', 'reprocure']);
    const blocks = text.split('\n\n');
    expect(blocks[0]).toBe(
      '• Dpia\nPolice delivers · +3 to you\ndpia summary Meters: Trust +4, Privacy +3. Verifiable: audited after the decision.\ndpia text\nSource: Test source.',
    );
    expect(blocks[1]).toMatch(/^• Reprocure\n/);
    // The text box scrolls to a card by its paragraph (line): the first line of its block.
    const lines = text.split('\n');
    expect(lines[starts.get('dpia') ?? -1]).toBe('• Dpia');
    expect(lines[starts.get('reprocure') ?? -1]).toBe('• Reprocure');
  });
});

describe('sources', () => {
  const withSources = {
    ...scenario,
    sources: [
      { id: 'a', title: 'First', url: 'https://a.test/', publisher: 'Paper', date: '2020' },
      { id: 'b', title: 'Second', url: 'https://b.test/' },
    ],
  };

  it('cite each source once, in order, with its publisher and date when known', () => {
    expect(sourcesLine(withSources, ['b', 'a'], ['a', 'missing'])).toBe(
      'Sources: Second; First (Paper, 2020).',
    );
    expect(sourcesLine(withSources, ['a'])).toBe('Source: First (Paper, 2020).');
    expect(sourcesLine(withSources, undefined, [])).toBe('');
  });
});

describe('what a decision would give the person choosing', () => {
  const me = {
    role: 'mayor',
    reservation: 29,
    valuations: { assurances: {}, decisions: { approve: -20, defer: -7 } },
    redLines: { assurances: [], decisions: [] },
    ifDecided: { approve: 28.46, block: -3 },
  };

  it('is their final score against what satisfies them, not the decision’s own worth', () => {
    const game = gameWith({ me });
    expect(outcomeForViewer(game, 'approve')).toBe('Your score: 28.5 — you need 29');
    expect(outcomeForViewer(game, 'block')).toBe('Your score: −3 — you need 29');
  });

  it('is another round first for a defer, with its cost, and nothing in the public view', () => {
    expect(outcomeForViewer(gameWith({ me }), 'defer')).toBe(
      'No score yet: one more round (delay −7 to you)',
    );
    expect(outcomeForViewer(gameWith({}), 'approve')).toBe('');
  });
});

describe('how the balance is scored', () => {
  it('gives the rule, then each meter’s score against its band, adding up to the balance', () => {
    const game = gameWith({ meters: { trust: 55, security: 35, privacy: 90 }, balance: 46.4 });
    const [rule, meters, total] = balanceDetails(game).split('\n\n');
    expect(rule).toMatch(/geometric mean/);
    expect(meters?.split('\n')).toEqual([
      'Trust 55: inside its healthy band 35–75, so it scores 100%.',
      'Security 35: inside its healthy band 35–75, so it scores 50%.',
      'Privacy 90: above its healthy band 35–75, so it scores 20%.',
    ]);
    expect(total).toBe('Together: a balance of 46 of 100.');
  });
});

describe('a decision on the stances and decision screens', () => {
  it('says what it does to the meters, a defer with the cost of the delay', () => {
    const game = gameWith({});
    expect(decisionSummary(game, 'approve')).toBe(
      'approve summary. Meters: Trust −4, Security +6, Privacy −4.',
    );
    // The defer's own effects are none: the trust it costs comes from the scenario's costs.
    expect(decisionSummary(game, 'defer')).toBe('defer summary. Meters: Trust −3.');
  });
});
