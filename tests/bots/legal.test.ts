/**
 * Bots play only legal moves, never cross a red line, and every game reaches the debrief — on
 * every fixture and on the flagship draft, at every level and with levels mixed at one table.
 */
import { describe, expect, it, vi } from 'vitest';
import { chooseBotAction } from '../../src/bots/choose.ts';
import { BOT_LEVELS, type BotLevel } from '../../src/bots/types.ts';
import { legalActions, legalAmendments } from '../../src/rules/legal.ts';
import { packageProblem } from '../../src/rules/packages.ts';
import { MANY_GAMES, playPure, scenariosToPlay, seatsOf } from './support.ts';

vi.setConfig({ testTimeout: MANY_GAMES, hookTimeout: MANY_GAMES });

const GAMES = 60;
const mixed = (i: number): BotLevel => BOT_LEVELS[i % BOT_LEVELS.length] as BotLevel;

describe.each(scenariosToPlay())('bots on %s', (_name, scenario) => {
  it.each([...BOT_LEVELS, 'mixed'] as const)(
    '%s: every move is legal, no red line is crossed, every game ends',
    (level) => {
      const seats = seatsOf(scenario, level === 'mixed' ? mixed : level);
      for (let seed = 0; seed < GAMES; seed++) {
        const { state, moves } = playPure(scenario, seed, seats);
        expect(state.phase).toBe('debrief');
        expect(state.redLineFlags).toEqual([]);
        for (const { before, action } of moves) {
          if (!('role' in action)) continue;
          const legal = legalActions(scenario, before);
          if (action.type === 'PROPOSE') {
            expect(packageProblem(scenario, before, action.assurances)).toBeNull();
          } else if (action.type === 'AMEND') {
            expect(legalAmendments(scenario, before)).toContainEqual({
              remove: action.remove,
              add: action.add,
            });
          } else {
            const { reason: _reason, ...bare } = action;
            expect(legal).toContainEqual(bare);
          }
        }
      }
    },
  );

  it('never makes a move for a role that is not expected to act', () => {
    const { moves } = playPure(scenario, 3, seatsOf(scenario, 'normal'));
    const sample = moves.find((m) => m.before.phase === 'negotiation');
    if (!sample) throw new Error('no negotiation move');
    const idle = scenario.roles.find((r) => r.id !== (sample.action as { role: string }).role);
    if (!idle) throw new Error('one role only');
    expect(() => chooseBotAction(scenario, sample.before, idle.id, 'normal')).toThrow(
      /has no move/,
    );
  });
});
