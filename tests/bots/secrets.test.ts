/**
 * A bot's private information is exactly what its seat is shown: readSecrets (cached, fast)
 * agrees with viewFor(scenario, state, role).me on every move of many games, events included.
 */
import { describe, expect, it, vi } from 'vitest';
import { readSecrets } from '../../src/bots/secrets.ts';
import { viewFor } from '../../src/rules/view.ts';
import { MANY_GAMES, playPure, scenariosToPlay, seatsOf } from './support.ts';

vi.setConfig({ testTimeout: MANY_GAMES, hookTimeout: MANY_GAMES });

describe.each(scenariosToPlay())('secrets on %s', (_name, scenario) => {
  it("match the seat's own view at every step", () => {
    for (let seed = 0; seed < 15; seed++) {
      const { moves } = playPure(scenario, seed, seatsOf(scenario, 'easy'));
      for (const { before } of moves) {
        for (const role of scenario.roles) {
          const me = viewFor(scenario, before, role.id).me;
          const secrets = readSecrets(scenario, before, role.id);
          if (!me || !secrets) throw new Error('no secrets');
          expect(secrets.meterWeights).toEqual(me.meterWeights);
          expect(secrets.reservation).toBe(me.reservation);
          expect(secrets.redLines).toEqual(me.redLines);
          expect(secrets.decision).toEqual(me.valuations.decisions);
          scenario.assurances.forEach((a, i) => {
            expect(secrets.assurance[i]).toBeCloseTo(me.valuations.assurances[a.id] ?? 0, 9);
          });
        }
      }
    }
  });

  it('an unknown role has none', () => {
    const { moves } = playPure(scenario, 1, seatsOf(scenario, 'easy'));
    const first = moves[0];
    if (!first) throw new Error('no moves');
    expect(readSecrets(scenario, first.before, 'nobody')).toBeNull();
  });
});
