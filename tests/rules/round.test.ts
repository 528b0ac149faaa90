import { describe, expect, it, vi } from 'vitest';
import { isProposable } from '../../src/rules/packages.ts';
import { currentTurnRole, eligibleEvents } from '../../src/rules/round.ts';
import { valuation } from '../../src/rules/scoring.ts';
import { createGame } from '../../src/rules/setup.ts';
import type { GameState } from '../../src/rules/types.ts';
import { Script, seedWhere } from '../support/games.ts';
import { duo, table, variant } from '../support/scenarios.ts';

// Property runs and graph walks: generous time when the machine is busy (CI, parallel files).
vi.setConfig({ testTimeout: 60_000 });

const scenario = table();
const begun = (seed: number) => new Script(scenario, seed).act({ type: 'BEGIN' });
const at = (fields: Partial<GameState>): GameState => ({ ...createGame(scenario, 1), ...fields });
const ids = (events: { id: string }[]) => events.map((e) => e.id);

describe('eligibleEvents', () => {
  it('only events whose condition holds', () => {
    expect(ids(eligibleEvents(scenario, at({ round: 1 })))).toEqual(['leak', 'budget']);
    expect(ids(eligibleEvents(scenario, at({ round: 2 })))).toEqual(['leak', 'budget', 'court']);
  });

  it('a once-only event is not drawn again', () => {
    expect(ids(eligibleEvents(scenario, at({ round: 2, drawnEvents: ['leak'] })))).toEqual([
      'budget',
      'court',
    ]);
    const repeatable = variant(scenario, (s) => {
      for (const e of s.events) e.once = false;
    });
    expect(ids(eligibleEvents(repeatable, at({ round: 2, drawnEvents: ['leak'] })))).toEqual([
      'leak',
      'budget',
      'court',
    ]);
  });

  it('meter conditions are read at the start of the round', () => {
    const crisis = variant(scenario, (s) => {
      s.events = [
        {
          ...(s.events[0] as (typeof s.events)[number]),
          id: 'crisis',
          when: { meters: { trust: { max: 40 } } },
        },
      ];
    });
    expect(eligibleEvents(crisis, at({ round: 1 }))).toEqual([]);
    expect(
      ids(
        eligibleEvents(crisis, at({ round: 1, meters: { trust: 40, security: 50, privacy: 50 } })),
      ),
    ).toEqual(['crisis']);
  });
});

describe('the event card', () => {
  it('starts round 1 with a card drawn from the eligible ones, by the seed', () => {
    const seen = new Set<string | null>();
    for (let seed = 0; seed < 100; seed++) {
      const g = begun(seed);
      expect(g.state).toMatchObject({ phase: 'event', round: 1, turn: 0, pending: null });
      seen.add(g.state.currentEvent);
      expect(begun(seed).state).toEqual(g.state);
    }
    expect([...seen].sort()).toEqual(['budget', 'leak']);
  });

  it('draws in proportion to the weights', () => {
    // Round 2: court (weight 2) and whichever of leak/budget is left (weight 1).
    let court = 0;
    const n = 600;
    for (let seed = 0; seed < n; seed++) {
      const g = begun(seed).act({ type: 'CONTINUE' }).endRound().act({ type: 'CONTINUE' });
      expect(g.state.round).toBe(2);
      if (g.state.currentEvent === 'court') court++;
    }
    expect(court / n).toBeGreaterThan(0.58);
    expect(court / n).toBeLessThan(0.75);
  });

  it('moves the meters, logged on the event entry with what it unlocked', () => {
    const seed = seedWhere(
      scenario,
      (g) => g.act({ type: 'BEGIN' }),
      (s) => s.currentEvent === 'leak',
    );
    const g = begun(seed);
    expect(g.state.meters.trust).toBe(45);
    expect(g.state.log).toMatchObject([
      { kind: 'begin', round: 0 },
      { kind: 'event', round: 1, subjects: ['leak', 'bias-test'], deltas: { trust: -5 } },
    ]);
    expect(g.state.drawnEvents).toEqual(['leak']);
  });

  it('unlocks assurances', () => {
    const leak = seedWhere(
      scenario,
      (g) => g.act({ type: 'BEGIN' }),
      (s) => s.currentEvent === 'leak',
    );
    const budget = seedWhere(
      scenario,
      (g) => g.act({ type: 'BEGIN' }),
      (s) => s.currentEvent === 'budget',
    );
    expect(begun(leak).state.unlocked).toEqual(['bias-test']);
    expect(isProposable(scenario, begun(leak).state, 'bias-test')).toBe(true);
    expect(isProposable(scenario, begun(budget).state, 'bias-test')).toBe(false);
    const g = begun(leak).act({ type: 'CONTINUE' });
    g.act({ type: 'PROPOSE', role: 'police', assurances: ['bias-test'] });
    expect(g.state.pending?.assurances).toEqual(['bias-test']);
  });

  it('changes private valuations', () => {
    const seed = seedWhere(
      scenario,
      (g) => g.act({ type: 'BEGIN' }),
      (s) => s.currentEvent === 'budget',
    );
    const g = begun(seed);
    expect(g.state.valuationDeltas).toEqual({ police: { approve: 3 } });
    expect(valuation(scenario, g.state, 'police', 'approve')).toBe(13);
    expect(valuation(scenario, g.state, 'vendor', 'approve')).toBe(12);
  });

  it('repeatable events add their valuation changes each time they are drawn', () => {
    // The duo's only event, "leak", is repeatable and lowers the vendor's worth of approve by 2.
    const g = new Script(duo(), 1).act({ type: 'BEGIN' }, { type: 'CONTINUE' });
    g.decide('defer');
    expect(g.state.drawnEvents).toEqual(['leak', 'leak']);
    expect(g.state.valuationDeltas).toEqual({ vendor: { approve: -4 } });
  });

  it('with nothing eligible there is no card, and no chance is used', () => {
    // After three rounds every once-only event is gone; a defer brings a fourth round.
    const g = new Script(scenario, 5).act({ type: 'BEGIN' });
    for (let r = 1; r <= 3; r++) {
      g.act({ type: 'CONTINUE' }).endRound().act({ type: 'CONTINUE' });
    }
    expect([...g.state.drawnEvents].sort()).toEqual(['budget', 'court', 'leak']);
    g.allStances('defer');
    const before = g.state;
    g.act({ type: 'DECIDE', role: 'mayor', decision: 'defer' });
    expect(g.state).toMatchObject({ phase: 'event', round: 4, currentEvent: null });
    expect(g.state.rng).toBe(before.rng);
    expect(g.state.log.at(-1)?.kind).toBe('defer');
  });
});

describe('turns', () => {
  it('the role on turn follows the scenario order, only during negotiation', () => {
    const g = begun(1);
    expect(currentTurnRole(scenario, g.state)).toBeNull();
    g.act({ type: 'CONTINUE' });
    const order: string[] = [];
    while (g.state.phase === 'negotiation') {
      order.push(currentTurnRole(scenario, g.state) as string);
      g.act({ type: 'PASS', role: g.actor });
    }
    expect(order).toEqual(['police', 'vendor', 'rights', 'mayor']);
    g.act({ type: 'CONTINUE' }, { type: 'CONTINUE' });
    expect(g.state).toMatchObject({ round: 2, turn: 0 });
    expect(currentTurnRole(scenario, g.state)).toBe('police');
  });
});
