/**
 * playBotGame runs whole games through the real XState actor: every game reaches the debrief,
 * the actor's record replays to the same state on the pure rules, and misuse fails clearly.
 */
import { describe, expect, it, vi } from 'vitest';
import { playBotGame, stepCap } from '../../src/flow/bot-game.ts';
import { replay } from '../../src/rules/replay.ts';
import { table } from '../support/scenarios.ts';
import { MANY_GAMES, scenariosToPlay } from './support.ts';

vi.setConfig({ testTimeout: MANY_GAMES, hookTimeout: MANY_GAMES });

describe.each(scenariosToPlay())('playBotGame on %s', (_name, scenario) => {
  it('reaches the debrief through the actor, and the record replays exactly', () => {
    for (let seed = 0; seed < 20; seed++) {
      const game = playBotGame(scenario, seed, 'normal');
      expect(game.snapshot.status).toBe('done');
      expect(game.state.phase).toBe('debrief');
      expect(game.state.decision).not.toBeNull();
      expect(game.actions.length).toBeLessThan(stepCap(scenario));
      const rebuilt = replay(scenario, seed, game.actions);
      expect(rebuilt.ok).toBe(true);
      expect(rebuilt.state).toEqual(game.state);
    }
  });
});

describe('playBotGame', () => {
  const scenario = table();

  it('takes one level for every seat, or a level per role', () => {
    const mixed = playBotGame(scenario, 5, {
      mayor: 'hard',
      police: 'easy',
      vendor: 'normal',
      rights: 'hard',
    });
    expect(mixed.state.phase).toBe('debrief');
    expect(playBotGame(scenario, 5, 'hard').actions).not.toEqual(mixed.actions);
  });

  it('names the role that has no level', () => {
    expect(() => playBotGame(scenario, 1, { mayor: 'easy' })).toThrow(/"police"/);
  });
});
