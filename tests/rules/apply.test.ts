import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { applyAction, applyOrKeep } from '../../src/rules/apply.ts';
import { legalActions } from '../../src/rules/legal.ts';
import { createGame } from '../../src/rules/setup.ts';
import type { GameAction, GameState } from '../../src/rules/types.ts';
import {
  actionKey,
  type Choice,
  choiceArb,
  deepFreeze,
  gameArb,
  junkActionArb,
  legalKeys,
  mustApply,
  pickAction,
  Script,
  seedArb,
  wellFormedActionArb,
} from '../support/games.ts';
import { duo, table } from '../support/scenarios.ts';

// Property runs and graph walks: generous time when the machine is busy (CI, parallel files).
vi.setConfig({ testTimeout: 60_000 });

const scenario = table();

describe('BEGIN and CONTINUE', () => {
  it('BEGIN starts round 1 with its event card, only from the briefing', () => {
    const g = new Script(scenario, 1);
    g.act({ type: 'BEGIN' });
    expect(g.state).toMatchObject({ phase: 'event', round: 1, step: 1 });
    expect(g.state.log.map((e) => e.kind)).toEqual(['begin', 'event']);
    expect(g.refuse({ type: 'BEGIN' }).code).toBe('WRONG_PHASE');
  });

  it('CONTINUE moves past the event card, the round end and the aftermath only', () => {
    const g = new Script(scenario, 1);
    expect(g.refuse({ type: 'CONTINUE' }).code).toBe('WRONG_PHASE');
    g.act({ type: 'BEGIN' }, { type: 'CONTINUE' });
    expect(g.state.phase).toBe('negotiation');
    expect(g.refuse({ type: 'CONTINUE' }).code).toBe('WRONG_PHASE');
    g.endRound().act({ type: 'CONTINUE' });
    expect(g.state).toMatchObject({ phase: 'event', round: 2 });
    g.act({ type: 'CONTINUE' })
      .endRound()
      .act({ type: 'CONTINUE' }, { type: 'CONTINUE' })
      .endRound();
    expect(g.state).toMatchObject({ phase: 'roundEnd', round: 3 });
    g.act({ type: 'CONTINUE' });
    expect(g.state.phase).toBe('stances');
    expect(g.refuse({ type: 'CONTINUE' }).code).toBe('WRONG_PHASE');
  });

  it('a malformed action is refused with BAD_ACTION', () => {
    const g = new Script(scenario, 1).toNegotiation();
    const bad = (action: unknown) => g.refuse(action as GameAction).code;
    expect(bad({ type: 'DANCE' })).toBe('BAD_ACTION');
    expect(bad(null)).toBe('BAD_ACTION');
    expect(bad('PASS')).toBe('BAD_ACTION');
    expect(bad({ type: 'PASS' })).toBe('BAD_ACTION');
    expect(bad({ type: 'PROPOSE', role: 'police' })).toBe('BAD_ACTION');
    expect(bad({ type: 'PROPOSE', role: 'police', assurances: 'dpia' })).toBe('BAD_ACTION');
    expect(bad({ type: 'PROPOSE', role: 'police', assurances: [{ id: 'dpia' }] })).toBe(
      'BAD_ACTION',
    );
    expect(bad({ type: 'TIMEOUT', scope: 'game' })).toBe('BAD_ACTION');
    expect(bad({ type: 'PASS', role: 'police', reason: { text: 'x' } })).toBe('BAD_ACTION');
    g.act({ type: 'PROPOSE', role: 'police', assurances: ['dpia'] });
    expect(bad({ type: 'RESPOND', role: 'vendor', response: 'maybe' })).toBe('BAD_ACTION');
    expect(bad({ type: 'AMEND', role: 'vendor', remove: 'dpia' })).toBe('BAD_ACTION');
    // Extra fields are ignored.
    g.act({ type: 'RESPOND', role: 'vendor', response: 'support', extra: 1 } as GameAction);
  });
});

describe('applyOrKeep', () => {
  it('applies a legal action and keeps the very same state for an illegal one', () => {
    const s = createGame(scenario, 1);
    expect(applyOrKeep(scenario, s, { type: 'CONTINUE' })).toBe(s);
    expect(applyOrKeep(scenario, s, { type: 'BEGIN' }).phase).toBe('event');
  });
});

describe('purity and safety', () => {
  it('never changes the state it is given (every state deep-frozen)', () => {
    fc.assert(
      fc.property(
        seedArb,
        fc.array(choiceArb, { minLength: 1, maxLength: 30 }),
        (seed, choices) => {
          let state = deepFreeze(createGame(scenario, seed));
          for (let i = 0; i < 400 && state.phase !== 'debrief'; i++) {
            const action = pickAction(
              legalActions(scenario, state),
              choices[i % choices.length] as Choice,
            ) as GameAction;
            const snapshot = JSON.stringify(state);
            const next = mustApply(scenario, state, action);
            expect(JSON.stringify(state)).toBe(snapshot);
            expect(next.step).toBe(state.step + 1);
            state = deepFreeze(next);
          }
          expect(state.phase).toBe('debrief');
        },
      ),
      { seed: 11, numRuns: 50 },
    );
  });

  for (const [name, s] of [
    ['table', table()],
    ['duo', duo()],
  ] as const) {
    it(`accepts a well-formed action exactly when legalActions lists it (${name})`, () => {
      fc.assert(
        fc.property(
          gameArb(s),
          fc.array(wellFormedActionArb(s), { minLength: 5, maxLength: 5 }),
          (game, tries) => {
            for (const state of game.states) {
              deepFreeze(state);
              const legal = legalKeys(s, state);
              for (const action of tries) {
                const result = applyAction(s, state, action);
                expect({ action, ok: result.ok }).toEqual({
                  action,
                  ok: legal.has(actionKey(action)),
                });
              }
            }
          },
        ),
        { seed: 12, numRuns: 40 },
      );
    });
  }

  it('junk never throws, never changes the state, and is accepted only when it is a legal move', () => {
    const relevant: Record<string, string[]> = {
      BEGIN: [],
      CONTINUE: [],
      PROPOSE: ['role', 'assurances'],
      PASS: ['role'],
      RESPOND: ['role', 'response'],
      AMEND: ['role', 'remove', 'add'],
      TIMEOUT: ['scope'],
      STANCE: ['role', 'decision'],
      DECIDE: ['role', 'decision'],
    };
    fc.assert(
      fc.property(
        gameArb(scenario),
        fc.array(junkActionArb(scenario), { minLength: 10, maxLength: 10 }),
        (game, junk) => {
          for (const state of game.states) {
            deepFreeze(state);
            const legal = legalKeys(scenario, state);
            const before = JSON.stringify(state);
            for (const action of junk) {
              let result: ReturnType<typeof applyAction> | undefined;
              expect(() => {
                result = applyAction(scenario, state, action as GameAction);
              }).not.toThrow();
              expect(JSON.stringify(state)).toBe(before);
              if (result?.ok) {
                const a = action as Record<string, unknown>;
                const fields = relevant[a.type as string] ?? [];
                const clean = Object.fromEntries([
                  ['type', a.type],
                  ...fields.map((f) => [f, a[f]]),
                ]) as GameAction;
                expect(legal.has(actionKey(clean))).toBe(true);
                expect(a.reason === undefined || typeof a.reason === 'string').toBe(true);
              }
            }
          }
        },
      ),
      { seed: 13, numRuns: 30 },
    );
  });

  it('a game is rebuilt exactly from its seed and actions (no hidden inputs)', () => {
    fc.assert(
      fc.property(gameArb(scenario), (game) => {
        let state: GameState = createGame(scenario, game.seed);
        for (const action of game.actions) state = mustApply(scenario, state, action);
        expect(state).toEqual(game.final);
      }),
      { seed: 14, numRuns: 30 },
    );
  });
});
