/**
 * Every bot move carries a one-line reason a student can read: it names the role by its display
 * name, names the concrete stake (a card or decision title, and a number of points), and never
 * shows an internal id.
 */
import { describe, expect, it, vi } from 'vitest';
import { listing, points } from '../../src/bots/reasons.ts';
import { BOT_LEVELS } from '../../src/bots/types.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { MANY_GAMES, playPure, scenariosToPlay, seatsOf } from './support.ts';

vi.setConfig({ testTimeout: MANY_GAMES, hookTimeout: MANY_GAMES });

/** Ids that could not be mistaken for words of a sentence (they hold "-", "_" or "."). */
function internalIds(scenario: Scenario): string[] {
  const ids = [
    ...scenario.roles.map((r) => r.id),
    ...scenario.assurances.map((a) => a.id),
    ...scenario.decisions.map((d) => d.id),
  ];
  return ids.filter((id) => /[-_.]/.test(id));
}

describe.each(scenariosToPlay())('reasons on %s', (_name, scenario) => {
  const title = (id: string) =>
    scenario.assurances.find((a) => a.id === id)?.title.text ??
    scenario.decisions.find((d) => d.id === id)?.title.text ??
    id;

  it.each(BOT_LEVELS)('%s: one line, the role, the stake and a number; no ids', (level) => {
    const ids = internalIds(scenario);
    for (let seed = 0; seed < 25; seed++) {
      const { moves } = playPure(scenario, seed, seatsOf(scenario, level));
      for (const { before, action } of moves) {
        if (!('role' in action)) continue;
        const reason = action.reason ?? '';
        expect(reason.length).toBeGreaterThan(10);
        expect(reason).not.toContain('\n');
        const name = scenario.roles.find((r) => r.id === action.role)?.shortName.text ?? '?';
        expect(reason.startsWith(name)).toBe(true);
        for (const id of ids) {
          // An id may appear only inside a title or name that happens to contain it.
          const stripped = reason.replace(/“[^”]*”/g, '').replace(name, '');
          expect(stripped, reason).not.toContain(id);
        }
        if (action.type === 'PROPOSE') {
          for (const id of action.assurances) expect(reason).toContain(`“${title(id)}”`);
          expect(reason).toMatch(/[+-]?\d/);
        }
        if (action.type === 'AMEND') {
          expect(reason).toContain(`“${title(action.remove)}”`);
          expect(reason).toContain(`“${title(action.add)}”`);
        }
        if (action.type === 'RESPOND' && before.pending) {
          const stakes = [...before.pending.assurances, ...scenario.decisions.map((d) => d.id)];
          expect(stakes.some((id) => reason.includes(`“${title(id)}”`))).toBe(true);
        }
        if (action.type === 'STANCE' || action.type === 'DECIDE') {
          expect(reason).toContain(`“${title(action.decision)}”`);
          expect(reason).toMatch(/\d/);
        }
      }
    }
  });
});

describe('reason wording', () => {
  it('lists titles as a sentence and signs points', () => {
    expect(listing(['A'])).toBe('A');
    expect(listing(['A', 'B'])).toBe('A and B');
    expect(listing(['A', 'B', 'C'])).toBe('A, B and C');
    expect(points(7.4)).toBe('+7');
    expect(points(-3.2)).toBe('−3');
    expect(points(-0.44)).toBe('−0.4');
    expect(points(0.44)).toBe('+0.4');
    expect(points(0.01)).toBe('0');
  });
});
