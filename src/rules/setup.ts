/** A new game: the briefing, before round 1. */
import type { Scenario } from '../scenario/schema.ts';
import { seedRng } from './rng.ts';
import { type GameState, STATE_VERSION } from './types.ts';

export function createGame(scenario: Scenario, seed: number): GameState {
  const safeSeed = Number.isFinite(seed) ? Math.trunc(seed) >>> 0 : 0;
  return {
    stateVersion: STATE_VERSION,
    scenarioId: scenario.id,
    seed: safeSeed,
    rng: seedRng(safeSeed),
    phase: 'briefing',
    round: 0,
    roundsTotal: scenario.rounds.count,
    turn: 0,
    meters: {
      trust: scenario.meters.trust.start,
      security: scenario.meters.security.start,
      privacy: scenario.meters.privacy.start,
    },
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
  };
}
