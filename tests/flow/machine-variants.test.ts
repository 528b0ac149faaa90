/**
 * The timed and untimed machines: the same states but for the timed one's turn sub-state, the
 * same moves, the same games; each game gets the variant its timer settings need, also when it
 * is restored from a save.
 */
import { describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { playBotGame } from '../../src/flow/bot-game.ts';
import {
  createGameMachine,
  type GameMachine,
  gameMachine,
  gameMachineFor,
  timedGameMachine,
  untimedGameMachine,
} from '../../src/flow/machine.ts';
import { restoreGame, saveGameText } from '../../src/flow/persistence.ts';
import { picture, sendAll } from '../support/machine.ts';
import { duo, table } from '../support/scenarios.ts';

vi.setConfig({ testTimeout: 60_000 });

/** Every state node of a machine: id and kind, in document order. */
function stateNodes(machine: GameMachine): string[] {
  const out: string[] = [];
  const walk = (node: GameMachine['root']) => {
    out.push(`${node.id} ${node.type}`);
    for (const child of Object.values(node.states)) walk(child);
  };
  walk(machine.root);
  return out;
}

describe('machine variants', () => {
  it('gameMachineFor picks the untimed machine only when no timer is set', () => {
    for (const none of [undefined, null, {}, { turnSeconds: null, roundSeconds: null }]) {
      expect(gameMachineFor(none)).toBe(untimedGameMachine);
    }
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(gameMachineFor({ turnSeconds: bad, roundSeconds: bad })).toBe(untimedGameMachine);
    }
    expect(gameMachineFor({ turnSeconds: 10 })).toBe(timedGameMachine);
    expect(gameMachineFor({ roundSeconds: 60 })).toBe(timedGameMachine);
    expect(createGameMachine({ timed: true })).toBe(timedGameMachine);
    expect(createGameMachine({ timed: false })).toBe(untimedGameMachine);
    // The name other modules import is the timed machine, so timer settings are never ignored.
    expect(gameMachine).toBe(timedGameMachine);
  });

  it('they differ only in negotiation: the timed one nests the turn timer inside the round timer', () => {
    const timed = stateNodes(timedGameMachine);
    const untimed = stateNodes(untimedGameMachine);
    expect(timed).toContain('oversight.playing.negotiation compound');
    expect(timed).toContain('oversight.playing.negotiation.turn atomic');
    expect(untimed).toContain('oversight.playing.negotiation atomic');
    const rest = (nodes: string[]) =>
      nodes.filter((n) => !n.startsWith('oversight.playing.negotiation'));
    expect(rest(untimed)).toEqual(rest(timed));
  });

  for (const [name, scenario] of [
    ['duo', duo()],
    ['table', table()],
  ] as const) {
    it(`a whole game goes the same way on both, step by step (${name})`, () => {
      for (const seed of [1, 2, 3, 4, 5]) {
        const { actions } = playBotGame(scenario, seed, 'normal');
        const timed = createActor(timedGameMachine, { input: { scenario, seed } }).start();
        const untimed = createActor(untimedGameMachine, { input: { scenario, seed } }).start();
        for (const action of [
          { type: 'PAUSE' } as const,
          { type: 'RESUME' } as const,
          ...actions,
        ]) {
          timed.send(action);
          untimed.send(action);
          expect(picture(untimed.getSnapshot())).toBe(picture(timed.getSnapshot()));
        }
        expect(untimed.getSnapshot().status).toBe('done');
        timed.stop();
        untimed.stop();
      }
    });
  }

  it('a save is restored on the variant its timers need', () => {
    const scenario = table();
    for (const [timers, machine] of [
      [undefined, untimedGameMachine],
      [{ turnSeconds: 30 }, timedGameMachine],
    ] as const) {
      const actor = createActor(gameMachineFor(timers), {
        input: { scenario, seed: 4, ...(timers ? { timers } : {}) },
      }).start();
      sendAll(actor, [{ type: 'BEGIN' }, { type: 'CONTINUE' }]);
      const restored = restoreGame(saveGameText(actor));
      expect(restored.ok).toBe(true);
      if (!restored.ok) continue;
      expect(restored.actor.logic).toBe(machine);
      expect(restored.actor.getSnapshot().context.game).toEqual(actor.getSnapshot().context.game);
      actor.stop();
      restored.actor.stop();
    }
  });

  it('a save made on the timed machine without timers is restored where it was', () => {
    const scenario = table();
    const actor = createActor(timedGameMachine, { input: { scenario, seed: 4 } }).start();
    sendAll(actor, [{ type: 'BEGIN' }, { type: 'CONTINUE' }]);
    expect(actor.getSnapshot().value).toEqual({ playing: { negotiation: 'turn' } });
    const restored = restoreGame(saveGameText(actor));
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(restored.actor.logic).toBe(timedGameMachine);
    restored.actor.send({ type: 'RESUME' });
    expect(picture(restored.actor.getSnapshot())).toBe(picture(actor.getSnapshot()));
    actor.stop();
    restored.actor.stop();
  });
});
