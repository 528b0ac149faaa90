import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { applyAction } from '../../src/rules/apply.ts';
import { actingRole, legalActions, legalAmendments } from '../../src/rules/legal.ts';
import { gameArb, Script } from '../support/games.ts';
import { duo, table } from '../support/scenarios.ts';

// Property runs and graph walks: generous time when the machine is busy (CI, parallel files).
vi.setConfig({ testTimeout: 60_000 });

const scenario = table();

describe('actingRole', () => {
  it('names who must act in each phase, or null when the next step is a button', () => {
    const g = new Script(scenario, 1);
    const acting = () => actingRole(scenario, g.state);
    expect(acting()).toBeNull(); // briefing
    g.act({ type: 'BEGIN' });
    expect(acting()).toBeNull(); // event card
    g.act({ type: 'CONTINUE' });
    expect(acting()).toBe('police');
    g.act({ type: 'PROPOSE', role: 'police', assurances: ['dpia'] });
    expect(acting()).toBe('vendor'); // first to answer
    g.act({ type: 'RESPOND', role: 'vendor', response: 'support' });
    expect(acting()).toBe('rights');
    g.endRound();
    expect(acting()).toBeNull(); // round end
    g.toStances();
    expect(acting()).toBe('police'); // first without a stance, in turn order
    g.act({ type: 'STANCE', role: 'police', decision: 'block' });
    expect(acting()).toBe('vendor');
    g.allStances('block');
    expect(acting()).toBe('mayor'); // the decision-maker
    g.act({ type: 'DECIDE', role: 'mayor', decision: 'block' });
    expect(acting()).toBeNull();
  });
});

describe('legalActions', () => {
  it('lists the moves of each phase, timeouts included during negotiation', () => {
    const g = new Script(scenario, 1);
    expect(legalActions(scenario, g.state)).toEqual([{ type: 'BEGIN' }]);
    g.act({ type: 'BEGIN' });
    expect(legalActions(scenario, g.state)).toEqual([{ type: 'CONTINUE' }]);
    g.act({ type: 'CONTINUE' });
    const turn = legalActions(scenario, g.state);
    expect(turn[0]).toEqual({ type: 'PASS', role: 'police' });
    expect(turn.slice(-2)).toEqual([
      { type: 'TIMEOUT', scope: 'turn' },
      { type: 'TIMEOUT', scope: 'round' },
    ]);
    expect(turn.filter((a) => a.type === 'PROPOSE').every((a) => a.role === 'police')).toBe(true);
    g.act({ type: 'PROPOSE', role: 'police', assurances: ['dpia'] });
    const answer = legalActions(scenario, g.state);
    expect(answer.slice(0, 2)).toEqual([
      { type: 'RESPOND', role: 'vendor', response: 'support' },
      { type: 'RESPOND', role: 'vendor', response: 'oppose' },
    ]);
    expect(answer.some((a) => a.type === 'AMEND')).toBe(true);
    g.act({ type: 'AMEND', role: 'vendor', remove: 'dpia', add: 'audit' });
    expect(legalActions(scenario, g.state).some((a) => a.type === 'AMEND')).toBe(false);
    expect(legalAmendments(scenario, g.state)).toEqual([]);
  });

  it('lists exactly the amendments the rules accept', () => {
    const g = new Script(scenario, 1).toNegotiation();
    g.act({ type: 'PROPOSE', role: 'police', assurances: ['dpia', 'break-clause'] });
    const listed = legalAmendments(scenario, g.state);
    const key = (a: { remove: string; add: string }) => `${a.remove}->${a.add}`;
    const accepted: string[] = [];
    for (const remove of ['dpia', 'break-clause', 'audit']) {
      for (const a of scenario.assurances) {
        const r = applyAction(scenario, g.state, {
          type: 'AMEND',
          role: 'vendor',
          remove,
          add: a.id,
        });
        if (r.ok) accepted.push(key({ remove, add: a.id }));
      }
    }
    expect(listed.map(key).sort()).toEqual(accepted.sort());
    // Swapping out dpia strands nothing; long-term cannot join break-clause; escrow needs dpia.
    expect(listed.map(key)).toContain('dpia->audit');
    expect(listed.map(key)).not.toContain('dpia->long-term');
    expect(listed.map(key)).not.toContain('dpia->escrow');
    expect(listed.map(key)).toContain('break-clause->long-term');
  });

  for (const [name, s] of [
    ['table', table()],
    ['duo', duo()],
  ] as const) {
    it(`every listed action is accepted, and only the debrief has none (${name})`, () => {
      fc.assert(
        fc.property(gameArb(s), (game) => {
          for (const state of game.states) {
            const legal = legalActions(s, state);
            expect(legal.length === 0).toBe(state.phase === 'debrief');
            for (const action of legal) expect(applyAction(s, state, action).ok).toBe(true);
          }
        }),
        { seed: 10, numRuns: 40 },
      );
    });
  }
});
