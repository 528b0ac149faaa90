import { describe, expect, it, vi } from 'vitest';
import { decisionOpen, openDecisions } from '../../src/rules/decision.ts';
import { legalActions } from '../../src/rules/legal.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { Script } from '../support/games.ts';
import { assuranceOf, decisionOf, table, variant } from '../support/scenarios.ts';

// Property runs and graph walks: generous time when the machine is busy (CI, parallel files).
vi.setConfig({ testTimeout: 60_000 });

const scenario = table();
const ids = (list: { id: string }[]) => list.map((d) => d.id);

/** Round 1: police proposes `pkg` and everyone supports; then on to the stances. */
function withAgreed(pkg: string[] | null, s: Scenario = scenario, seed = 1) {
  const g = new Script(s, seed).toNegotiation();
  if (pkg) g.proposeAndAnswer(pkg, 'support');
  return g.toStances();
}

describe('stances', () => {
  it('only open decisions can be declared', () => {
    const g = withAgreed(null);
    expect(ids(openDecisions(scenario, g.state))).toEqual(['approve', 'defer', 'block']);
    expect(g.refuse({ type: 'STANCE', role: 'police', decision: 'approve-conditions' }).code).toBe(
      'DECISION_NOT_OPEN',
    );
    expect(g.refuse({ type: 'STANCE', role: 'police', decision: 'nonsense' }).code).toBe(
      'UNKNOWN_DECISION',
    );
    expect(g.refuse({ type: 'STANCE', role: 'ghost', decision: 'approve' }).code).toBe(
      'UNKNOWN_ROLE',
    );
    const stances = legalActions(scenario, g.state);
    expect(stances.every((a) => a.type === 'STANCE' && a.decision !== 'approve-conditions')).toBe(
      true,
    );
    expect(stances).toHaveLength(4 * 3);

    const h = withAgreed(['dpia']);
    expect(ids(openDecisions(scenario, h.state))).toEqual([
      'approve',
      'approve-conditions',
      'defer',
      'block',
    ]);
    h.act({ type: 'STANCE', role: 'police', decision: 'approve-conditions' });
  });

  it('each role declares once, in any order; then the decision-maker decides', () => {
    const g = withAgreed(null);
    expect(g.refuse({ type: 'DECIDE', role: 'mayor', decision: 'approve' }).code).toBe(
      'WRONG_PHASE',
    );
    g.act({ type: 'STANCE', role: 'rights', decision: 'block', reason: 'privacy first' });
    expect(g.state.log.at(-1)).toMatchObject({
      kind: 'stance',
      actor: 'rights',
      subjects: ['block'],
      reason: 'privacy first',
    });
    expect(g.refuse({ type: 'STANCE', role: 'rights', decision: 'approve' }).code).toBe(
      'NOT_YOUR_TURN',
    );
    g.act(
      { type: 'STANCE', role: 'mayor', decision: 'defer' },
      { type: 'STANCE', role: 'police', decision: 'approve' },
    );
    expect(g.state.phase).toBe('stances');
    g.act({ type: 'STANCE', role: 'vendor', decision: 'approve' });
    expect(g.state.phase).toBe('decision');
    expect(g.state.stances).toEqual({
      rights: 'block',
      mayor: 'defer',
      police: 'approve',
      vendor: 'approve',
    });
  });

  it('stances are only taken after the last round', () => {
    const g = new Script(scenario, 1).toNegotiation();
    expect(g.refuse({ type: 'STANCE', role: 'police', decision: 'approve' }).code).toBe(
      'WRONG_PHASE',
    );
  });
});

describe('decide', () => {
  it('only the decision-maker, only an open decision', () => {
    const g = withAgreed(null).allStances('approve');
    expect(g.refuse({ type: 'DECIDE', role: 'police', decision: 'approve' }).code).toBe(
      'NOT_DECIDER',
    );
    expect(g.refuse({ type: 'DECIDE', role: 'mayor', decision: 'approve-conditions' }).code).toBe(
      'DECISION_NOT_OPEN',
    );
    expect(g.refuse({ type: 'DECIDE', role: 'mayor', decision: 'x' }).code).toBe(
      'UNKNOWN_DECISION',
    );
    expect(legalActions(scenario, g.state)).toEqual([
      { type: 'DECIDE', role: 'mayor', decision: 'approve' },
      { type: 'DECIDE', role: 'mayor', decision: 'defer' },
      { type: 'DECIDE', role: 'mayor', decision: 'block' },
    ]);
  });

  it('a final decision moves the meters, is logged and leads to the aftermath, then the debrief', () => {
    const g = withAgreed(null).allStances('block');
    const before = g.state.meters;
    g.act({ type: 'DECIDE', role: 'mayor', decision: 'block', reason: 'not now' });
    expect(g.state.decision).toBe('block');
    expect(g.state.phase).toBe('aftermath');
    expect(g.state.meters).toEqual({
      trust: before.trust,
      security: before.security - 5,
      privacy: before.privacy + 4,
    });
    expect(g.state.log.find((e) => e.kind === 'decision')).toMatchObject({
      actor: 'mayor',
      subjects: ['block'],
      deltas: { security: -5, privacy: 4 },
      reason: 'not now',
    });
    expect(g.state.epilogues).toContain('ep.block');
    expect(legalActions(scenario, g.state)).toEqual([{ type: 'CONTINUE' }]);
    g.act({ type: 'CONTINUE' });
    expect(g.state.phase).toBe('debrief');
    expect(legalActions(scenario, g.state)).toEqual([]);
    expect(g.refuse({ type: 'CONTINUE' }).code).toBe('WRONG_PHASE');
  });

  it('requirements: minAgreed, maxAgreed and allAgreed', () => {
    const d = (requires: { minAgreed: number; maxAgreed?: number; allAgreed: string[] }) => ({
      ...decisionOf(scenario, 'approve'),
      requires,
    });
    const none = withAgreed(null).state;
    const one = withAgreed(['dpia']).state;
    expect(decisionOpen(d({ minAgreed: 1, allAgreed: [] }), none)).toBe(false);
    expect(decisionOpen(d({ minAgreed: 1, allAgreed: [] }), one)).toBe(true);
    expect(decisionOpen(d({ minAgreed: 0, maxAgreed: 0, allAgreed: [] }), none)).toBe(true);
    expect(decisionOpen(d({ minAgreed: 0, maxAgreed: 0, allAgreed: [] }), one)).toBe(false);
    expect(decisionOpen(d({ minAgreed: 0, allAgreed: ['dpia'] }), one)).toBe(true);
    expect(decisionOpen(d({ minAgreed: 0, allAgreed: ['dpia', 'audit'] }), one)).toBe(false);
  });
});

describe('defer', () => {
  it('adds one round at a trust cost, clears the stances, and can be used only once', () => {
    const g = withAgreed(null).allStances('defer');
    const before = g.state;
    g.act({ type: 'DECIDE', role: 'mayor', decision: 'defer' });
    expect(g.state).toMatchObject({
      phase: 'event',
      round: 4,
      roundsTotal: 4,
      deferred: true,
      decision: null,
      stances: {},
    });
    expect(g.state.meters.trust).toBe(before.meters.trust - 3);
    expect(g.state.log.find((e) => e.kind === 'defer')).toMatchObject({
      actor: 'mayor',
      subjects: ['defer'],
      deltas: { trust: -3 },
      round: 3,
    });
    g.act({ type: 'CONTINUE' });
    expect(g.state.phase).toBe('negotiation');
    g.toStances();
    expect(g.state.round).toBe(4);
    expect(ids(openDecisions(scenario, g.state))).toEqual(['approve', 'block']);
    expect(g.refuse({ type: 'STANCE', role: 'police', decision: 'defer' }).code).toBe(
      'DECISION_NOT_OPEN',
    );
    g.allStances('approve');
    expect(g.refuse({ type: 'DECIDE', role: 'mayor', decision: 'defer' }).code).toBe(
      'DECISION_NOT_OPEN',
    );
    g.act({ type: 'DECIDE', role: 'mayor', decision: 'approve' });
    expect(g.state.phase).toBe('aftermath');
  });

  it('adds the decision’s own effects to the scenario’s defer cost', () => {
    const costly = variant(scenario, (s) => {
      decisionOf(s, 'defer').effects = { trust: -2, security: 1 };
    });
    const g = withAgreed(null, costly).allStances('defer');
    const before = g.state.meters;
    g.act({ type: 'DECIDE', role: 'mayor', decision: 'defer' });
    expect(g.state.log.find((e) => e.kind === 'defer')?.deltas).toEqual({ trust: -5, security: 1 });
    expect(g.state.meters.trust).toBe(before.trust - 5);
  });
});

describe('aftermath', () => {
  const auditsOf = (g: Script) =>
    g.state.audits.map(({ assurance, chance }) => ({ assurance, chance }));

  it('audits each verifiable assurance in force when the decision enforces conditions', () => {
    const g = withAgreed(['dpia', 'uk-data', 'escrow']).decide('approve-conditions');
    // dpia 0.3, uk-data 0.2; escrow is not verifiable.
    expect(auditsOf(g)).toEqual([
      { assurance: 'dpia', chance: 0.3 },
      { assurance: 'uk-data', chance: 0.2 },
    ]);
    const entries = g.state.log.filter((e) => e.kind === 'audit');
    expect(entries.map((e) => e.actor)).toEqual(['police', 'vendor']);
    for (const [i, audit] of g.state.audits.entries()) {
      expect(entries[i]?.subjects).toEqual([audit.assurance, audit.breached ? 'breached' : 'kept']);
    }
  });

  it('an auditor in force lowers the others’ breach chances (never below 0)', () => {
    // audit: auditModifier -0.2.
    const g = withAgreed(['dpia', 'uk-data', 'audit']).decide('approve-conditions');
    expect(auditsOf(g)).toEqual([
      { assurance: 'dpia', chance: 0.1 },
      { assurance: 'uk-data', chance: 0 },
    ]);
    expect(g.state.audits[1]?.breached).toBe(false);
  });

  it('breach chances are capped at 1', () => {
    const lax = variant(scenario, (s) => {
      assuranceOf(s, 'audit').auditModifier = 1;
    });
    const g = withAgreed(['dpia', 'audit'], lax).decide('approve-conditions');
    expect(g.state.audits).toEqual([{ assurance: 'dpia', chance: 1, breached: true }]);
  });

  it('a breach applies its effects on the audit entry; a kept promise costs nothing', () => {
    const certain = (chance: number) =>
      variant(scenario, (s) => {
        assuranceOf(s, 'dpia').verification = {
          breachChance: chance,
          breachEffects: { trust: -6 },
        };
      });
    const breached = withAgreed(['dpia'], certain(1)).allStances('approve-conditions');
    const before = breached.state.meters.trust;
    breached.act({ type: 'DECIDE', role: 'mayor', decision: 'approve-conditions' });
    expect(breached.state.audits).toEqual([{ assurance: 'dpia', chance: 1, breached: true }]);
    expect(breached.state.log.find((e) => e.kind === 'audit')).toMatchObject({
      actor: 'police',
      subjects: ['dpia', 'breached'],
      deltas: { trust: -6 },
    });
    expect(breached.state.meters.trust).toBe(before - 6);
    expect(breached.state.epilogues).toEqual(['ep.approve-conditions', 'ep.breach']);

    const kept = withAgreed(['dpia'], certain(0)).decide('approve-conditions');
    expect(kept.state.audits).toEqual([{ assurance: 'dpia', chance: 0, breached: false }]);
    expect(kept.state.log.find((e) => e.kind === 'audit')?.deltas).toEqual({});
    expect(kept.state.epilogues).toEqual(['ep.approve-conditions']);
  });

  it('audit outcomes follow the seed', () => {
    let breaches = 0;
    const n = 300;
    for (let seed = 0; seed < n; seed++) {
      const g = withAgreed(['dpia'], scenario, seed).decide('approve-conditions');
      const again = withAgreed(['dpia'], scenario, seed).decide('approve-conditions');
      expect(again.state.audits).toEqual(g.state.audits);
      if (g.state.audits[0]?.breached) breaches++;
    }
    expect(breaches / n).toBeGreaterThan(0.22);
    expect(breaches / n).toBeLessThan(0.38);
  });

  it('no audits when the decision does not make the assurances binding', () => {
    const g = withAgreed(['dpia', 'uk-data']).allStances('approve');
    const rng = g.state.rng;
    g.act({ type: 'DECIDE', role: 'mayor', decision: 'approve' });
    expect(g.state.audits).toEqual([]);
    expect(g.state.rng).toBe(rng);
    expect(g.state.epilogues).toEqual(['ep.approve']);
  });

  it('every matching epilogue, in file order, including meter failures after the decision', () => {
    const harsh = variant(scenario, (s) => {
      decisionOf(s, 'block').effects = { trust: -40, security: 40 };
    });
    const g = withAgreed(null, harsh).decide('block');
    expect(g.state.meters.trust).toBeLessThan(35);
    expect(g.state.meters.security).toBeGreaterThan(75);
    expect(g.state.epilogues).toEqual(['ep.block', 'ep.trust.low', 'ep.security.high']);
    expect(g.state.log.filter((e) => e.kind === 'epilogue').map((e) => e.subjects)).toEqual([
      ['ep.block'],
      ['ep.trust.low'],
      ['ep.security.high'],
    ]);
  });
});
