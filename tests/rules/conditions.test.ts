import { describe, expect, it } from 'vitest';
import { conditionHolds, isAgreed } from '../../src/rules/conditions.ts';
import { createGame } from '../../src/rules/setup.ts';
import type { GameState } from '../../src/rules/types.ts';
import { table } from '../support/scenarios.ts';

const scenario = table();

/** A state with some fields set by hand: conditions read only plain fields of the state. */
function at(fields: Partial<GameState>): GameState {
  return { ...createGame(scenario, 1), ...fields };
}

const holds = (state: GameState, when: Parameters<typeof conditionHolds>[2]) =>
  conditionHolds(scenario, state, when);

describe('conditionHolds', () => {
  it('an empty condition always holds', () => {
    expect(holds(at({}), {})).toBe(true);
  });

  it('rounds: inclusive bounds, either may be open', () => {
    const r = (round: number) => at({ round });
    expect(holds(r(1), { rounds: { min: 2 } })).toBe(false);
    expect(holds(r(2), { rounds: { min: 2 } })).toBe(true);
    expect(holds(r(3), { rounds: { max: 3 } })).toBe(true);
    expect(holds(r(4), { rounds: { max: 3 } })).toBe(false);
    expect(holds(r(2), { rounds: { min: 2, max: 2 } })).toBe(true);
    expect(holds(r(2), { rounds: {} })).toBe(true);
  });

  it('meters: every given range must hold, bounds inclusive', () => {
    const s = at({ meters: { trust: 40, security: 60, privacy: 45 } });
    expect(holds(s, { meters: { trust: { max: 40 } } })).toBe(true);
    expect(holds(s, { meters: { trust: { max: 39.9 } } })).toBe(false);
    expect(holds(s, { meters: { trust: { min: 40 }, security: { min: 60, max: 60 } } })).toBe(true);
    expect(holds(s, { meters: { trust: { min: 40 }, privacy: { min: 46 } } })).toBe(false);
    expect(holds(s, { meters: {} })).toBe(true);
  });

  it('agreed / notAgreed: all listed assurances must be (not) agreed', () => {
    const s = at({ agreed: [{ id: 'dpia', round: 1, package: 1 }] });
    expect(isAgreed(s, 'dpia')).toBe(true);
    expect(isAgreed(s, 'audit')).toBe(false);
    expect(holds(s, { agreed: ['dpia'] })).toBe(true);
    expect(holds(s, { agreed: ['dpia', 'audit'] })).toBe(false);
    expect(holds(s, { notAgreed: ['audit', 'escrow'] })).toBe(true);
    expect(holds(s, { notAgreed: ['audit', 'dpia'] })).toBe(false);
    expect(holds(s, { agreed: [], notAgreed: [] })).toBe(true);
  });

  it('decisions: the decision taken must be listed; no decision yet never matches', () => {
    expect(holds(at({ decision: null }), { decisions: ['approve'] })).toBe(false);
    expect(holds(at({ decision: 'approve' }), { decisions: ['approve', 'block'] })).toBe(true);
    expect(holds(at({ decision: 'block' }), { decisions: ['approve'] })).toBe(false);
  });

  it('deferred: whether the decision-maker deferred once', () => {
    expect(holds(at({ deferred: false }), { deferred: false })).toBe(true);
    expect(holds(at({ deferred: false }), { deferred: true })).toBe(false);
    expect(holds(at({ deferred: true }), { deferred: true })).toBe(true);
    expect(holds(at({ deferred: true }), { deferred: false })).toBe(false);
  });

  it('breach: true needs a breached audit; false needs none', () => {
    const none = at({ audits: [] });
    const kept = at({ audits: [{ assurance: 'dpia', chance: 0.3, breached: false }] });
    const breached = at({
      audits: [
        { assurance: 'dpia', chance: 0.3, breached: false },
        { assurance: 'uk-data', chance: 0.2, breached: true },
      ],
    });
    expect(holds(none, { breach: true })).toBe(false);
    expect(holds(none, { breach: false })).toBe(true);
    expect(holds(kept, { breach: true })).toBe(false);
    expect(holds(kept, { breach: false })).toBe(true);
    expect(holds(breached, { breach: true })).toBe(true);
    expect(holds(breached, { breach: false })).toBe(false);
  });

  it('meterFailure: strictly outside the healthy band at the given end', () => {
    // Trust band is [35, 75].
    const trust = (v: number) => at({ meters: { trust: v, security: 50, privacy: 50 } });
    const low = { meterFailure: { meter: 'trust' as const, end: 'low' as const } };
    const high = { meterFailure: { meter: 'trust' as const, end: 'high' as const } };
    expect(holds(trust(34.9), low)).toBe(true);
    expect(holds(trust(35), low)).toBe(false);
    expect(holds(trust(0), high)).toBe(false);
    expect(holds(trust(75), high)).toBe(false);
    expect(holds(trust(75.1), high)).toBe(true);
    expect(holds(trust(100), low)).toBe(false);
  });

  it('all given fields must hold together', () => {
    const s = at({ round: 2, decision: 'approve', agreed: [{ id: 'dpia', round: 1, package: 1 }] });
    expect(holds(s, { rounds: { min: 2 }, decisions: ['approve'], agreed: ['dpia'] })).toBe(true);
    expect(holds(s, { rounds: { min: 2 }, decisions: ['approve'], agreed: ['audit'] })).toBe(false);
    expect(holds(s, { rounds: { min: 3 }, decisions: ['approve'], agreed: ['dpia'] })).toBe(false);
  });
});
