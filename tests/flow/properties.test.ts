/**
 * Properties over random legal games, at the rules level and through the machine. Seeded, so a
 * failure is reproducible; the counterexample prints the seed and the actions.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { MachineEvent } from '../../src/flow/machine.ts';
import { restoreGame, saveGameText } from '../../src/flow/persistence.ts';
import { applyAction } from '../../src/rules/apply.ts';
import { replay } from '../../src/rules/replay.ts';
import { createGame } from '../../src/rules/setup.ts';
import type { GameAction, GameState } from '../../src/rules/types.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import {
  choiceArb,
  junkActionArb,
  playRandom,
  seedArb,
  wellFormedActionArb,
} from '../support/games.ts';
import { phaseOfValue, picture, startGame } from '../support/machine.ts';
import { duo, table } from '../support/scenarios.ts';

// Property runs and graph walks: generous time when the machine is busy (CI, parallel files).
vi.setConfig({ testTimeout: 60_000 });

const METERS = ['trust', 'security', 'privacy'] as const;
const json = (x: unknown) => JSON.stringify(x);

/** What happens around each move at the machine level. */
interface Interlude {
  /** 0: pause and resume before the move (with a try to move while paused); else nothing. */
  pause: number;
  /** Something illegal to send before the move. */
  junk: unknown | null;
}

/**
 * XState's own contract: an event is an object with a string type (anything else crashes the
 * actor inside XState, before the machine sees it). Junk for the machine keeps to that; junk of
 * any shape is fed to the rules in tests/rules/apply.test.ts.
 */
const isEvent = (x: unknown) =>
  typeof x === 'object' && x !== null && typeof (x as { type?: unknown }).type === 'string';

function runArb(scenario: Scenario) {
  const junk = fc.oneof(junkActionArb(scenario).filter(isEvent), wellFormedActionArb(scenario));
  return fc.record({
    seed: seedArb,
    choices: fc.array(choiceArb, { minLength: 1, maxLength: 40 }),
    interludes: fc.array(
      fc.record({ pause: fc.nat({ max: 4 }), junk: fc.option(junk, { freq: 3, nil: null }) }),
      { minLength: 1, maxLength: 20 },
    ),
    cut: fc.nat(),
    after: fc.array(junk, { maxLength: 5 }),
  });
}

for (const [name, scenario] of [
  ['table', table()],
  ['duo', duo()],
] as const) {
  describe(`random legal games (${name})`, () => {
    it('rules: meters stay in 0–100, every game reaches the debrief, replays match step by step', () => {
      fc.assert(
        fc.property(
          seedArb,
          fc.array(choiceArb, { minLength: 1, maxLength: 40 }),
          (seed, choices) => {
            const game = playRandom(scenario, seed, choices);
            // Every game played to the end reaches the debrief (no dead end, no endless loop).
            expect(game.final.phase).toBe('debrief');
            expect(game.actions.length).toBeLessThan(400);
            for (const state of game.states) {
              for (const m of METERS) {
                expect(state.meters[m]).toBeGreaterThanOrEqual(0);
                expect(state.meters[m]).toBeLessThanOrEqual(100);
              }
            }
            // Rebuilt from what a replay file holds: scenario, seed, actions as JSON.
            const actions: GameAction[] = JSON.parse(json(game.actions));
            expect(replay(scenario, seed, actions)).toEqual({ ok: true, state: game.final });
            let state: GameState = createGame(scenario, seed);
            expect(state).toEqual(game.states[0]);
            actions.forEach((action, k) => {
              const next = applyAction(scenario, state, action);
              expect(next.ok).toBe(true);
              if (next.ok) state = next.value;
              expect(json(state)).toBe(json(game.states[k + 1]));
            });
          },
        ),
        { seed: 101, numRuns: 120 },
      );
    });

    it('machine: same game as the rules with pauses and junk interleaved; a save anywhere resumes exactly; the debrief is final', () => {
      fc.assert(
        fc.property(runArb(scenario), ({ seed, choices, interludes, cut, after }) => {
          const game = playRandom(scenario, seed, choices);
          const actor = startGame(scenario, seed);
          const saveAt = cut % (game.actions.length + 1);
          let saved = '';
          game.actions.forEach((action, k) => {
            if (k === saveAt) saved = saveGameText(actor);
            const { pause, junk } = interludes[k % interludes.length] as Interlude;
            const before = actor.getSnapshot();
            if (
              junk !== null &&
              !applyAction(scenario, before.context.game, junk as GameAction).ok
            ) {
              expect(() => actor.send(junk as MachineEvent)).not.toThrow();
              const now = actor.getSnapshot();
              expect(now.context.game).toBe(before.context.game);
              expect(now.context.actions).toBe(before.context.actions);
              expect(now.value).toEqual(before.value);
              expect(now.status).toBe('active');
            }
            if (pause === 0) {
              actor.send({ type: 'PAUSE' });
              actor.send(action); // not taken while paused
              expect(actor.getSnapshot().context.game).toBe(before.context.game);
              actor.send({ type: 'RESUME' });
              expect(actor.getSnapshot().value).toEqual(before.value);
            }
            actor.send(action);
            const snap = actor.getSnapshot();
            expect(snap.context.lastError).toBeNull();
            expect(phaseOfValue(snap.value)).toBe(snap.context.game.phase);
            expect(json(snap.context.game)).toBe(json(game.states[k + 1]));
          });
          if (saveAt === game.actions.length) saved = saveGameText(actor);

          // The machine ends where the rules end, and its action list replays to the same game.
          const end = actor.getSnapshot();
          expect(end.status).toBe('done');
          expect(end.value).toBe('debrief');
          expect(end.context.game).toEqual(game.final);
          expect(replay(scenario, seed, end.context.actions)).toEqual({
            ok: true,
            state: end.context.game,
          });

          // Once in the debrief nothing leaves it (XState warns that the actor is done: hushed).
          const frozen = picture(end);
          const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
          for (const e of [{ type: 'PAUSE' }, { type: 'RESUME' }, ...after, { type: 'CONTINUE' }]) {
            expect(() => actor.send(e as MachineEvent)).not.toThrow();
            expect(picture(actor.getSnapshot())).toBe(frozen);
          }
          warn.mockRestore();

          // Saved at a random point, restored, resumed, and played on: the same game.
          const restored = restoreGame(saved);
          expect(restored.ok).toBe(true);
          if (!restored.ok) return;
          const copy = restored.actor;
          if (saveAt < game.actions.length) {
            expect(copy.getSnapshot().value).toBe('paused');
            copy.send({ type: 'RESUME' });
          }
          for (const action of game.actions.slice(saveAt)) copy.send(action);
          expect(picture(copy.getSnapshot())).toBe(frozen);
          copy.stop();
        }),
        { seed: 102, numRuns: 100 },
      );
    });
  });
}
