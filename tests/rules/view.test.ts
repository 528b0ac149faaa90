import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { actingRole } from '../../src/rules/legal.ts';
import { balanceScore, roleScore } from '../../src/rules/scoring.ts';
import type { GameState } from '../../src/rules/types.ts';
import { viewFor } from '../../src/rules/view.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { choiceArb, playRandom, Script, seedWhere } from '../support/games.ts';
import { duo, roleOf, table } from '../support/scenarios.ts';

// Property runs and graph walks: generous time when the machine is busy (CI, parallel files).
vi.setConfig({ testTimeout: 60_000 });

const SECRET_KEYS = [
  'privateBrief',
  'meterWeights',
  'reservation',
  'redLines',
  'valuations',
  'score',
];

/** Calls `visit(top, key, value)` for every key in a JSON value; `top` is the top-level key. */
function walk(
  value: unknown,
  visit: (top: string, key: string, v: unknown) => void,
  top = '',
): void {
  if (typeof value !== 'object' || value === null) return;
  for (const [k, v] of Object.entries(value)) {
    visit(top || k, k, v);
    walk(v, visit, top || k);
  }
}

/** What must hold of every seat's view before the debrief. */
function checkHidden(scenario: Scenario, state: GameState) {
  for (const viewer of [null, ...scenario.roles.map((r) => r.id)]) {
    const view = viewFor(scenario, state, viewer);
    const json = JSON.parse(JSON.stringify(view));
    expect(view.revealed).toBeNull();
    const problems: string[] = [];
    const numbers = new Set<unknown>();
    walk(json, (top, key, v) => {
      if (['rng', 'seed', 'valuationDeltas', 'redLineFlags'].includes(key)) problems.push(key);
      if (SECRET_KEYS.includes(key) && top !== 'me') problems.push(`${top}…${key}`);
      numbers.add(v);
    });
    expect(problems).toEqual([]);
    const text = JSON.stringify(json);
    for (const role of scenario.roles) {
      if (role.id !== viewer) expect(text).not.toContain(role.privateBrief.text);
    }
    expect(numbers.has(state.rng)).toBe(false);
    expect(numbers.has(state.seed)).toBe(false);
    if (viewer === null) expect(view.me).toBeNull();
    else expect(view.me?.role).toBe(viewer);
  }
}

describe('viewFor', () => {
  it('shows the public state, the acting role and the balance', () => {
    const scenario = table();
    const g = new Script(scenario, 1).toNegotiation();
    const view = viewFor(scenario, g.state, 'rights');
    expect(view.viewer).toBe('rights');
    expect(view.actingRole).toBe(actingRole(scenario, g.state));
    expect(view.balance).toBe(balanceScore(scenario, g.state.meters));
    expect(view.meters).toEqual(g.state.meters);
    expect(view.log).toEqual(g.state.log);
    expect(viewFor(scenario, g.state, 'nobody').viewer).toBeNull();
  });

  it('gives a seat its own secrets, with event changes to its valuations', () => {
    const scenario = table();
    const seed = seedWhere(
      scenario,
      (g) => g.act({ type: 'BEGIN' }),
      (s) => s.currentEvent === 'budget',
    );
    const g = new Script(scenario, seed).act({ type: 'BEGIN' });
    const me = viewFor(scenario, g.state, 'police').me;
    expect(me).toMatchObject({
      role: 'police',
      privateBrief: { text: 'police private' },
      meterWeights: { trust: 0.3, security: 1, privacy: -0.2 },
      reservation: 0,
      redLines: { assurances: [], decisions: [] },
      score: roleScore(scenario, g.state, 'police'),
    });
    expect(me?.valuations.decisions.approve).toBe(13);
    expect(me?.valuations.assurances.dpia).toBe(-1);
    expect(viewFor(scenario, g.state, 'vendor').me?.valuations.decisions.approve).toBe(12);
  });

  it('hides every other seat’s secrets and the chance until the debrief, then reveals all', () => {
    for (const scenario of [table(), duo()]) {
      fc.assert(
        fc.property(
          fc.integer({ min: 1_000_000, max: 0xffff_ffff }),
          fc.array(choiceArb, { minLength: 1, maxLength: 30 }),
          (seed, choices) => {
            const game = playRandom(scenario, seed, choices);
            for (const state of game.states) {
              if (state.phase !== 'debrief') checkHidden(scenario, state);
            }
            const end = game.final;
            expect(end.phase).toBe('debrief');
            const view = viewFor(scenario, end, null);
            expect(view.revealed?.redLineFlags).toEqual(end.redLineFlags);
            expect(view.revealed?.roles.map((r) => r.role)).toEqual(
              scenario.roles.map((r) => r.id),
            );
            for (const info of view.revealed?.roles ?? []) {
              const role = roleOf(scenario, info.role);
              expect(info.privateBrief).toEqual(role.privateBrief);
              expect(info.reservation).toBe(role.reservation);
              expect(info.score).toEqual(roleScore(scenario, end, role.id));
            }
            expect(view.revealed?.seed).toBe(end.seed);
          },
        ),
        { seed: 7, numRuns: 25 },
      );
    }
  });
});
