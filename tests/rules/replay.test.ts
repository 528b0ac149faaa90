import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { replay } from '../../src/rules/replay.ts';
import { createGame } from '../../src/rules/setup.ts';
import { gameArb, Script } from '../support/games.ts';
import { table } from '../support/scenarios.ts';

// Property runs and graph walks: generous time when the machine is busy (CI, parallel files).
vi.setConfig({ testTimeout: 60_000 });

const scenario = table();

describe('replay', () => {
  it('rebuilds the same game, step by step, from scenario + seed + actions', () => {
    fc.assert(
      fc.property(gameArb(scenario), fc.nat(), (game, cut) => {
        const whole = replay(scenario, game.seed, game.actions);
        expect(whole).toEqual({ ok: true, state: game.final });
        const k = cut % (game.actions.length + 1);
        const prefix = replay(scenario, game.seed, game.actions.slice(0, k));
        expect(prefix).toEqual({ ok: true, state: game.states[k] });
      }),
      { seed: 9, numRuns: 80 },
    );
  });

  it('the empty replay is a new game', () => {
    expect(replay(scenario, 4, [])).toEqual({ ok: true, state: createGame(scenario, 4) });
  });

  it('stops at the first illegal action and says where and why', () => {
    const g = new Script(scenario, 3).toNegotiation();
    const actions = [
      ...g.actions,
      { type: 'PASS' as const, role: 'mayor' },
      { type: 'PASS' as const, role: 'police' },
    ];
    const result = replay(scenario, 3, actions);
    expect(result).toMatchObject({ ok: false, failedAt: 2, error: { code: 'NOT_YOUR_TURN' } });
    expect(result.state).toEqual(g.state);
  });

  it('another seed gives another game', () => {
    const actions = [{ type: 'BEGIN' as const }];
    const a = replay(scenario, 1, actions);
    const b = replay(scenario, 2, actions);
    expect(a.state.seed).not.toBe(b.state.seed);
  });
});
