/**
 * Red lines: a bot never proposes, supports or amends in a red-line assurance, and never backs or
 * takes a red-line decision — even when the red line is on what it would otherwise like best.
 */
import { describe, expect, it, vi } from 'vitest';
import { chooseBotAction } from '../../src/bots/choose.ts';
import { BOT_LEVELS } from '../../src/bots/types.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { Script } from '../support/games.ts';
import { table, variant } from '../support/scenarios.ts';
import { MANY_GAMES, playPure, seatsOf } from './support.ts';

vi.setConfig({ testTimeout: MANY_GAMES, hookTimeout: MANY_GAMES });

/** Every role's red lines hold the card it values most and the decision it values most. */
function favouritesForbidden(base: Scenario): Scenario {
  return variant(base, (s) => {
    for (const role of s.roles) {
      const card = [...s.assurances].sort(
        (a, b) => (b.valuations[role.id] ?? 0) - (a.valuations[role.id] ?? 0),
      )[0];
      const finals = s.decisions.filter((d) => d.kind === 'final');
      const choice = [...finals].sort(
        (a, b) => (b.valuations[role.id] ?? 0) - (a.valuations[role.id] ?? 0),
      )[0];
      role.redLines = {
        assurances: card ? [card.id] : [],
        decisions: choice ? [choice.id] : [],
      };
    }
  });
}

describe('red lines', () => {
  const scenario = favouritesForbidden(table());

  it.each(BOT_LEVELS)('%s bots never cross them, even on their favourite cards', (level) => {
    for (let seed = 0; seed < 60; seed++) {
      const { state, moves } = playPure(scenario, seed, seatsOf(scenario, level));
      expect(state.redLineFlags).toEqual([]);
      for (const { action } of moves) {
        if (!('role' in action)) continue;
        const red = scenario.roles.find((r) => r.id === action.role)?.redLines;
        if (action.type === 'PROPOSE') {
          for (const id of action.assurances) expect(red?.assurances).not.toContain(id);
        }
        if (action.type === 'AMEND') expect(red?.assurances).not.toContain(action.add);
        if (action.type === 'STANCE' || action.type === 'DECIDE') {
          expect(red?.decisions).not.toContain(action.decision);
        }
      }
    }
  });

  it('a bot asked to support its red line swaps it out or opposes', () => {
    const base = table(); // the vendor will never accept escrow
    for (const level of BOT_LEVELS) {
      const g = new Script(base, 1).toNegotiation();
      g.passUntil('police');
      g.act({ type: 'PROPOSE', role: 'police', assurances: ['dpia', 'escrow'] });
      expect(g.actor).toBe('vendor');
      const move = chooseBotAction(base, g.state, 'vendor', level);
      if (move.type === 'AMEND') expect(move.remove).toBe('escrow');
      else expect(move).toMatchObject({ type: 'RESPOND', response: 'oppose' });
      expect(move.reason).toContain('Escrow');
    }
  });
});
