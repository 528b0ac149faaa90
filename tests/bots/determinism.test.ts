/**
 * Bots are deterministic given the seed, pure (they never change the state they are shown) and
 * draw nothing from Math.random or the game's own generator.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseBotAction } from '../../src/bots/choose.ts';
import { BOT_LEVELS } from '../../src/bots/types.ts';
import { playBotGame } from '../../src/flow/bot-game.ts';
import { MANY_GAMES, playPure, scenariosToPlay, seatsOf } from './support.ts';

vi.setConfig({ testTimeout: MANY_GAMES, hookTimeout: MANY_GAMES });

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(scenariosToPlay())('determinism on %s', (_name, scenario) => {
  it.each(BOT_LEVELS)('%s: the same seed gives the same moves, reasons included', (level) => {
    for (const seed of [0, 1, 42, 2 ** 31 + 5]) {
      const a = playBotGame(scenario, seed, level);
      const b = playBotGame(scenario, seed, level);
      expect(b.actions).toEqual(a.actions);
      expect(b.state).toEqual(a.state);
    }
  });

  it('different seeds give different games', () => {
    const games = [1, 2, 3, 4, 5].map((seed) =>
      JSON.stringify(playBotGame(scenario, seed, 'easy').actions),
    );
    expect(new Set(games).size).toBeGreaterThan(1);
  });

  it('never touches Math.random, the game rng or the state it is shown', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('a bot used Math.random');
    });
    for (const level of BOT_LEVELS) {
      const { moves } = playPure(scenario, 7, seatsOf(scenario, level));
      for (const { before, action } of moves) {
        if (!('role' in action)) continue;
        const copy = structuredClone(before);
        const again = chooseBotAction(scenario, before, action.role, level);
        expect(again).toEqual(action);
        expect(before).toEqual(copy);
      }
    }
  });
});
