/**
 * The bots' fast package search mirrors the rules: packageLegal agrees with packageProblem on
 * every subset of cards, and whatever the bots shortlist is legal by the rules.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  bestAmendments,
  bestPackages,
  packageLegal,
  proposableMask,
} from '../../src/bots/candidates.ts';
import { readMind } from '../../src/bots/mind.ts';
import { BOT_LEVELS } from '../../src/bots/types.ts';
import { Worth } from '../../src/bots/worth.ts';
import { legalAmendments, legalPackages } from '../../src/rules/legal.ts';
import { MAX_PACKAGE_SIZE, packageProblem } from '../../src/rules/packages.ts';
import type { GameState } from '../../src/rules/types.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { MANY_GAMES, playPure, scenariosToPlay, seatsOf } from './support.ts';

vi.setConfig({ testTimeout: MANY_GAMES, hookTimeout: MANY_GAMES });

/** Every subset of 1–3 positions out of n (and a few with duplicates or too many cards). */
function subsets(n: number): number[][] {
  const out: number[][] = [[], [0, 0], [0, 1, 2, 3].filter((i) => i < n)];
  const visit = (start: number, chosen: number[]) => {
    if (chosen.length > 0) out.push(chosen);
    if (chosen.length === MAX_PACKAGE_SIZE) return;
    for (let i = start; i < n; i++) visit(i + 1, [...chosen, i]);
  };
  visit(0, []);
  return out;
}

/** States along a few bot games where some role is to propose or respond. */
function negotiationStates(scenario: Scenario): { state: GameState; role: string }[] {
  const out: { state: GameState; role: string }[] = [];
  for (let seed = 0; seed < 6; seed++) {
    const { moves } = playPure(scenario, seed, seatsOf(scenario, 'normal'));
    for (const { before, action } of moves) {
      if (before.phase === 'negotiation' && 'role' in action) {
        out.push({ state: before, role: action.role });
      }
    }
  }
  return out;
}

const key = (ids: readonly string[]) => [...ids].sort().join('+');

describe.each(scenariosToPlay())('package search on %s', (_name, scenario) => {
  const states = negotiationStates(scenario);

  it('packageLegal agrees with the rules on every subset of cards', () => {
    const all = subsets(scenario.assurances.length);
    for (const { state, role } of states.filter((_, i) => i % 3 === 0)) {
      const mind = readMind(scenario, state, role, 'normal');
      const mask = proposableMask(mind);
      for (const pkg of all) {
        const ids = pkg.map((i) => scenario.assurances[i]?.id ?? '?');
        const rules = packageProblem(scenario, state, ids) === null;
        expect(packageLegal(mind, pkg, mask), ids.join(',')).toBe(rules);
      }
    }
  });

  it.each(BOT_LEVELS)('%s: shortlisted packages and amendments are legal', (level) => {
    for (const { state, role } of states) {
      const mind = readMind(scenario, state, role, level);
      const mask = proposableMask(mind);
      const worth = new Worth(mind);
      if (state.pending) {
        const legal = legalAmendments(scenario, state);
        for (const a of bestAmendments(mind, worth, mask, 50, null, Number.NEGATIVE_INFINITY)) {
          expect(legal).toContainEqual({ remove: mind.ids[a.remove], add: mind.ids[a.add] });
        }
      } else {
        const legal = new Set(legalPackages(scenario, state).map(key));
        const best = bestPackages(mind, worth, mask, 4);
        for (const pkg of best) {
          expect(legal.has(key(pkg.map((i) => mind.ids[i] as string)))).toBe(true);
          expect(pkg.length).toBeLessThanOrEqual(mind.profile.maxPackage);
        }
      }
    }
  });
});
