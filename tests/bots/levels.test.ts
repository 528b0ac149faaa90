/**
 * The levels play differently, in the ways the design promises: easy bots misjudge, keep their
 * packages small and sometimes sit a turn out; hard bots reach satisfying deals at least as
 * often as easy ones. Behaviour is asserted over 200 games, never exact numbers.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { chooseBotAction } from '../../src/bots/choose.ts';
import { BOT_LEVELS, type BotLevel } from '../../src/bots/types.ts';
import { playBotGame } from '../../src/flow/bot-game.ts';
import { applyOrKeep } from '../../src/rules/apply.ts';
import { roleScore } from '../../src/rules/scoring.ts';
import { createGame } from '../../src/rules/setup.ts';
import type { GameAction } from '../../src/rules/types.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { MANY_GAMES, scenariosToPlay } from './support.ts';

vi.setConfig({ testTimeout: MANY_GAMES, hookTimeout: MANY_GAMES });

const GAMES = 200;

interface LevelStats {
  /** Share of (game, role) pairs that ended satisfied. */
  satisfied: number;
  proposals: number;
  /** Turns passed although a normal bot in the same seat and state would have proposed. */
  idle: number;
  biggestPackage: number;
  games: string[];
}

function measure(scenario: Scenario, level: BotLevel): LevelStats {
  let satisfied = 0;
  let proposals = 0;
  let idle = 0;
  let biggestPackage = 0;
  const games: string[] = [];
  for (let seed = 0; seed < GAMES; seed++) {
    const { state, actions } = playBotGame(scenario, seed, level);
    for (const r of scenario.roles) if (roleScore(scenario, state, r.id).satisfied) satisfied++;
    let before = createGame(scenario, seed);
    for (const a of actions as GameAction[]) {
      if (a.type === 'PROPOSE') {
        proposals++;
        biggestPackage = Math.max(biggestPackage, a.assurances.length);
      }
      if (
        a.type === 'PASS' &&
        chooseBotAction(scenario, before, a.role, 'normal').type === 'PROPOSE'
      )
        idle++;
      before = applyOrKeep(scenario, before, a);
    }
    games.push(JSON.stringify(actions));
  }
  return {
    satisfied: satisfied / (GAMES * scenario.roles.length),
    proposals,
    idle,
    biggestPackage,
    games,
  };
}

describe.each(scenariosToPlay().filter(([name]) => name !== 'duo'))(
  'levels on %s',
  (_name, scenario) => {
    const stats = {} as Record<BotLevel, LevelStats>;
    beforeAll(() => {
      for (const level of BOT_LEVELS) stats[level] = measure(scenario, level);
    });

    it('hard bots reach satisfying deals at least as often as easy ones', () => {
      expect(stats.hard.satisfied).toBeGreaterThanOrEqual(stats.easy.satisfied);
    });

    it('easy bots keep packages small and sometimes sit out a turn a normal bot would use', () => {
      expect(stats.easy.biggestPackage).toBeLessThanOrEqual(2);
      expect(stats.easy.idle).toBeGreaterThan(0);
      expect(stats.normal.idle).toBe(0);
    });

    it('each pair of levels plays most games differently', () => {
      for (const [a, b] of [
        ['easy', 'normal'],
        ['normal', 'hard'],
        ['easy', 'hard'],
      ] as const) {
        const same = stats[a].games.filter((g, i) => g === stats[b].games[i]).length;
        expect(same, `${a} vs ${b}`).toBeLessThan(GAMES / 2);
      }
    });
  },
);
