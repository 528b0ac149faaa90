import { describe, expect, it } from 'vitest';
import { seedRng } from '../../src/rules/rng.ts';
import { createGame } from '../../src/rules/setup.ts';
import { STATE_VERSION } from '../../src/rules/types.ts';
import { table } from '../support/scenarios.ts';

describe('createGame', () => {
  it('starts in the briefing with the scenario’s meters and nothing on the table', () => {
    const scenario = table();
    const g = createGame(scenario, 7);
    expect(g).toMatchObject({
      stateVersion: STATE_VERSION,
      scenarioId: 'test-table',
      seed: 7,
      rng: seedRng(7),
      phase: 'briefing',
      round: 0,
      roundsTotal: 3,
      turn: 0,
      meters: { trust: 50, security: 50, privacy: 45 },
      unlocked: [],
      valuationDeltas: {},
      drawnEvents: [],
      currentEvent: null,
      pending: null,
      packages: [],
      agreed: [],
      delayed: [],
      stances: {},
      deferred: false,
      decision: null,
      audits: [],
      epilogues: [],
      redLineFlags: [],
      log: [],
      step: 0,
    });
  });

  it('is plain JSON', () => {
    const g = createGame(table(), 3);
    expect(JSON.parse(JSON.stringify(g))).toEqual(g);
  });

  it('normalises any seed to an unsigned 32-bit integer', () => {
    expect(createGame(table(), -1).seed).toBe(0xffff_ffff);
    expect(createGame(table(), 12.7).seed).toBe(12);
    expect(createGame(table(), Number.NaN).seed).toBe(0);
    expect(createGame(table(), 2 ** 32 + 5).seed).toBe(5);
  });

  it('the same seed gives the same game, different seeds different RNG states', () => {
    expect(createGame(table(), 9)).toEqual(createGame(table(), 9));
    expect(createGame(table(), 9).rng).not.toBe(createGame(table(), 10).rng);
  });
});
