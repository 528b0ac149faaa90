import { describe, expect, it } from 'vitest';
import { nextAutomaticAction } from '../../src/bots/autoplay.ts';
import { applyAction } from '../../src/rules/apply.ts';
import { decide, openDecisions } from '../../src/rules/decision.ts';
import { scoreIfDecided, scoresIfDecided } from '../../src/rules/forecast.ts';
import { roleScore } from '../../src/rules/scoring.ts';
import { createGame } from '../../src/rules/setup.ts';
import type { GameState } from '../../src/rules/types.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { MANY_GAMES, scenariosToPlay, seatsOf } from '../bots/support.ts';

/** A bot game on the pure rules, stopped when the decider is to decide. */
function toDecision(scenario: Scenario, seed: number): GameState {
  const seats = seatsOf(scenario, 'normal');
  let state = createGame(scenario, seed);
  for (let step = 0; state.phase !== 'decision'; step++) {
    if (step > 2000) throw new Error(`seed ${seed}: no decision`);
    const action = nextAutomaticAction(scenario, state, seats, { advanceScreens: true });
    if (!action) throw new Error(`seed ${seed}: nobody moves in ${state.phase}`);
    const result = applyAction(scenario, state, action);
    if (!result.ok) throw new Error(result.error.message);
    state = result.value;
  }
  return state;
}

describe('the score each decision would give', () => {
  it(
    'is the score the rules give after that decision, whenever no audit is breached',
    () => {
      let compared = 0;
      let binding = 0;
      for (const [, scenario] of scenariosToPlay()) {
        for (let seed = 1; seed <= 12; seed++) {
          const state = toDecision(scenario, seed);
          for (const d of openDecisions(scenario, state)) {
            if (d.kind !== 'final') continue;
            const after = decide(scenario, state, scenario.decider, d.id);
            if (!after.ok) throw new Error(after.error.message);
            // The forecast leaves the audits' chance out: compare where chance changed nothing.
            if (after.value.audits.some((a) => a.breached)) continue;
            for (const role of scenario.roles) {
              expect(scoreIfDecided(scenario, state, role.id, d.id)).toBe(
                roleScore(scenario, after.value, role.id).total,
              );
            }
            compared++;
            if (d.enforcesConditions && state.agreed.length > 0) binding++;
          }
        }
      }
      expect(compared).toBeGreaterThan(50);
      expect(binding, 'decisions that make agreed promises count').toBeGreaterThan(5);
    },
    MANY_GAMES,
  );

  it('is none for a defer, and offered only while the decision is ahead', () => {
    const [, scenario] = scenariosToPlay()[0] as [string, Scenario];
    const state = toDecision(scenario, 3);
    const defer = scenario.decisions.find((d) => d.kind === 'defer');
    if (defer) expect(scoreIfDecided(scenario, state, scenario.decider, defer.id)).toBeNull();
    const scores = scoresIfDecided(scenario, state, scenario.decider);
    expect(Object.keys(scores).sort()).toEqual(
      scenario.decisions
        .filter((d) => d.kind === 'final')
        .map((d) => d.id)
        .sort(),
    );
    expect(scoresIfDecided(scenario, createGame(scenario, 3), scenario.decider)).toEqual({});
  });
});
