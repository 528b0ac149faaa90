import { describe, expect, it } from 'vitest';
import { buildGameView } from '../../src/app/view-model.ts';
import { playBotGame, seatsFor } from '../../src/flow/bot-game.ts';
import { buildSections } from '../../src/view/debrief/content.ts';
import { fixtureScenario, variant } from '../support/scenarios.ts';

describe("the debrief's discussion", () => {
  it('cites the sources of a key term that states facts, with their addresses', () => {
    const scenario = variant(fixtureScenario('table'), (s) => {
      const term = s.debrief.keyTerms[0];
      if (term) term.definition.sources = ['s1'];
    });
    const played = playBotGame(scenario, 42, 'normal');
    const { game } = buildGameView(
      played.snapshot,
      { mode: 'solo', seats: seatsFor(scenario, 'normal'), briefed: [], holder: null },
      { turnStartedAt: null, roundStartedAt: null },
    );
    const discussion = buildSections(game).find((s) => s.id === 'discussion');
    const blocks = discussion?.blocks ?? [];
    const term = blocks.findIndex((b) => b.text.startsWith('DPIA — '));
    expect(term).toBeGreaterThan(0);
    expect(blocks[term + 1]).toMatchObject({
      kind: 'source',
      text: 'Source: Test source — https://ico.org.uk/for-the-public/anpr/',
      url: 'https://ico.org.uk/for-the-public/anpr/',
    });
    // A term with no sources is followed by the next term, not by a citation.
    expect(blocks[term + 2]?.kind).not.toBe('source');
  });
});
