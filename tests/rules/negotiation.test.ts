import { describe, expect, it } from 'vitest';
import { createGame } from '../../src/rules/setup.ts';
import type { GameState, LogEntry } from '../../src/rules/types.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { mustRefuse, Script } from '../support/games.ts';
import { table, variant } from '../support/scenarios.ts';

const scenario = table();
const negotiation = (seed = 1) => new Script(scenario, seed).toNegotiation();
const newEntries = (before: GameState, after: GameState): LogEntry[] =>
  after.log.slice(before.log.length);
const meterChange = (before: GameState, after: GameState) => ({
  trust: after.meters.trust - before.meters.trust,
  security: after.meters.security - before.meters.security,
  privacy: after.meters.privacy - before.meters.privacy,
});

describe('propose', () => {
  it('puts the package on the table and asks the others in turn order', () => {
    const g = negotiation();
    const before = g.state;
    g.act({ type: 'PROPOSE', role: 'police', assurances: ['dpia', 'audit'], reason: 'why not' });
    expect(g.state.pending).toEqual({
      number: 1,
      proposer: 'police',
      sponsor: 'police',
      assurances: ['dpia', 'audit'],
      original: null,
      amendedBy: null,
      awaiting: ['vendor', 'rights', 'mayor'],
      responses: {},
    });
    expect(newEntries(before, g.state)).toMatchObject([
      {
        kind: 'proposed',
        actor: 'police',
        subjects: ['dpia', 'audit'],
        deltas: {},
        reason: 'why not',
        round: 1,
      },
    ]);
    expect(g.state.meters).toEqual(before.meters);
  });

  it('is refused with a code outside negotiation, for unknown roles, off turn and for bad packages', () => {
    const briefing = createGame(scenario, 1);
    expect(
      mustRefuse(scenario, briefing, { type: 'PROPOSE', role: 'police', assurances: ['dpia'] })
        .code,
    ).toBe('WRONG_PHASE');
    const g = negotiation();
    expect(g.refuse({ type: 'PROPOSE', role: 'ghost', assurances: ['dpia'] }).code).toBe(
      'UNKNOWN_ROLE',
    );
    expect(g.refuse({ type: 'PROPOSE', role: 'vendor', assurances: ['dpia'] }).code).toBe(
      'NOT_YOUR_TURN',
    );
    expect(g.refuse({ type: 'PROPOSE', role: 'police', assurances: [] }).code).toBe('BAD_PACKAGE');
    expect(g.refuse({ type: 'PROPOSE', role: 'police', assurances: ['escrow'] }).code).toBe(
      'BAD_PACKAGE',
    );
    g.act({ type: 'PROPOSE', role: 'police', assurances: ['dpia'] });
    expect(g.refuse({ type: 'PROPOSE', role: 'vendor', assurances: ['audit'] }).code).toBe(
      'NOT_YOUR_TURN',
    );
    expect(g.refuse({ type: 'PROPOSE', role: 'police', assurances: ['audit'] }).code).toBe(
      'NOT_YOUR_TURN',
    );
  });
});

describe('pass', () => {
  it('moves the turn on; after the last role the round ends', () => {
    const g = negotiation();
    const before = g.state;
    g.act({ type: 'PASS', role: 'police' });
    expect(g.state.turn).toBe(1);
    expect(g.actor).toBe('vendor');
    expect(newEntries(before, g.state)).toMatchObject([
      { kind: 'passed', actor: 'police', deltas: {} },
    ]);
    g.act(
      { type: 'PASS', role: 'vendor' },
      { type: 'PASS', role: 'rights' },
      { type: 'PASS', role: 'mayor' },
    );
    expect(g.state.phase).toBe('roundEnd');
    expect(g.state.log.at(-1)).toMatchObject({ kind: 'round-end', round: 1 });
  });

  it('is refused off turn and while a package waits for answers', () => {
    const g = negotiation();
    expect(g.refuse({ type: 'PASS', role: 'mayor' }).code).toBe('NOT_YOUR_TURN');
    g.act({ type: 'PROPOSE', role: 'police', assurances: ['dpia'] });
    expect(g.refuse({ type: 'PASS', role: 'vendor' }).code).toBe('NOT_YOUR_TURN');
  });
});

describe('respond', () => {
  it('is refused with no package, off turn, and for the proposer itself', () => {
    const g = negotiation();
    expect(g.refuse({ type: 'RESPOND', role: 'police', response: 'support' }).code).toBe(
      'WRONG_PHASE',
    );
    g.act({ type: 'PROPOSE', role: 'police', assurances: ['dpia'] });
    expect(g.refuse({ type: 'RESPOND', role: 'rights', response: 'support' }).code).toBe(
      'NOT_YOUR_TURN',
    );
    expect(g.refuse({ type: 'RESPOND', role: 'police', response: 'support' }).code).toBe(
      'NOT_YOUR_TURN',
    );
    expect(g.refuse({ type: 'RESPOND', role: 'ghost', response: 'support' }).code).toBe(
      'UNKNOWN_ROLE',
    );
  });

  it('agreed when every deliverer and a majority with the mayor support: effects land at once', () => {
    const g = negotiation();
    const before = g.state;
    g.proposeAndAnswer(['dpia', 'audit'], 'support');
    expect(g.state.pending).toBeNull();
    expect(g.state.packages).toEqual([
      {
        number: 1,
        round: 1,
        proposer: 'police',
        amendedBy: null,
        original: null,
        assurances: ['dpia', 'audit'],
        supporters: ['police', 'vendor', 'rights', 'mayor'],
        opposers: [],
        outcome: 'agreed',
      },
    ]);
    expect(g.state.agreed).toEqual([
      { id: 'dpia', round: 1, package: 1 },
      { id: 'audit', round: 1, package: 1 },
    ]);
    // dpia: trust +4, privacy +3; audit: trust +5, privacy +2.
    expect(meterChange(before, g.state)).toEqual({ trust: 9, security: 0, privacy: 5 });
    const agreed = g.state.log.filter((e) => e.kind === 'agreed');
    expect(agreed).toMatchObject([
      { actor: 'police', subjects: ['dpia', 'audit'], deltas: { trust: 9, privacy: 5 } },
    ]);
    expect(g.actor).toBe('vendor');
  });

  it('rejected when the rule fails: costs a little trust, logged with the cost', () => {
    const g = negotiation();
    const before = g.state;
    // audit is delivered by the mayor, who supports; but only 2 of 4 support: no majority.
    g.proposeAndAnswer(['audit'], { vendor: 'oppose', rights: 'oppose', mayor: 'support' });
    expect(g.state.packages[0]).toMatchObject({
      outcome: 'rejected',
      supporters: ['police', 'mayor'],
      opposers: ['vendor', 'rights'],
    });
    expect(g.state.agreed).toEqual([]);
    expect(meterChange(before, g.state)).toEqual({ trust: -1, security: 0, privacy: 0 });
    expect(g.state.log.filter((e) => e.kind === 'rejected')).toMatchObject([
      { actor: 'police', subjects: ['audit'], deltas: { trust: -1 } },
    ]);
  });

  it('rejected when a deliverer does not support, even with a majority and the mayor', () => {
    const g = negotiation();
    // uk-data is delivered by the vendor.
    g.proposeAndAnswer(['uk-data'], { vendor: 'oppose' });
    expect(g.state.packages[0]).toMatchObject({
      outcome: 'rejected',
      supporters: ['police', 'rights', 'mayor'],
    });
  });

  it('rejected without the mayor (mustInclude), whatever the count', () => {
    const g = negotiation();
    g.proposeAndAnswer(['dpia'], { mayor: 'oppose' });
    expect(g.state.packages[0]?.outcome).toBe('rejected');
  });
});

describe('the scenario’s agreement rule, in play', () => {
  const withRule = (agreement: Scenario['agreement']) =>
    variant(scenario, (s) => {
      s.agreement = agreement;
    });

  it('unanimous: one opposer sinks the package', () => {
    const unanimous = withRule({ kind: 'unanimous', mustInclude: [] });
    const g = new Script(unanimous, 1).toNegotiation();
    g.proposeAndAnswer(['dpia'], { rights: 'oppose' });
    expect(g.state.packages[0]?.outcome).toBe('rejected');
    g.proposeAndAnswer(['dpia'], 'support');
    expect(g.state.packages[1]?.outcome).toBe('agreed');
  });

  it('atLeast: enough supporters, with every deliverer among them', () => {
    const two = withRule({ kind: 'atLeast', count: 2, mustInclude: [] });
    const g = new Script(two, 1).toNegotiation();
    // dpia is delivered by police, the proposer: one more supporter is enough.
    g.proposeAndAnswer(['dpia'], { vendor: 'oppose', rights: 'oppose', mayor: 'support' });
    expect(g.state.packages[0]).toMatchObject({
      outcome: 'agreed',
      supporters: ['police', 'mayor'],
    });
    // audit is delivered by the mayor: two supporters without the mayor are not enough.
    g.proposeAndAnswer(['audit'], { rights: 'support', mayor: 'oppose', police: 'support' });
    expect(g.state.packages[1]).toMatchObject({ outcome: 'rejected' });
  });
});

describe('amend', () => {
  it('swaps one assurance and sends the package round once more, sponsored by the amender', () => {
    const g = negotiation();
    g.act({ type: 'PROPOSE', role: 'police', assurances: ['dpia', 'audit'] });
    const before = g.state;
    g.act({ type: 'AMEND', role: 'vendor', remove: 'dpia', add: 'uk-data' });
    expect(g.state.pending).toEqual({
      number: 1,
      proposer: 'police',
      sponsor: 'vendor',
      assurances: ['uk-data', 'audit'],
      original: ['dpia', 'audit'],
      amendedBy: 'vendor',
      awaiting: ['rights', 'mayor', 'police'],
      responses: {},
    });
    expect(newEntries(before, g.state)).toMatchObject([
      { kind: 'amended', actor: 'vendor', subjects: ['dpia', 'uk-data'] },
    ]);
    // Only once.
    expect(g.refuse({ type: 'AMEND', role: 'rights', remove: 'audit', add: 'dpia' }).code).toBe(
      'BAD_AMENDMENT',
    );
    g.act(
      { type: 'RESPOND', role: 'rights', response: 'support' },
      { type: 'RESPOND', role: 'mayor', response: 'support' },
      { type: 'RESPOND', role: 'police', response: 'oppose' },
    );
    expect(g.state.packages[0]).toEqual({
      number: 1,
      round: 1,
      proposer: 'police',
      amendedBy: 'vendor',
      original: ['dpia', 'audit'],
      assurances: ['uk-data', 'audit'],
      supporters: ['vendor', 'rights', 'mayor'],
      opposers: ['police'],
      outcome: 'agreed',
    });
    expect(g.state.agreed.map((a) => a.id)).toEqual(['uk-data', 'audit']);
  });

  it('earlier answers do not carry over to the amended package', () => {
    const g = negotiation();
    g.act(
      { type: 'PROPOSE', role: 'police', assurances: ['dpia'] },
      { type: 'RESPOND', role: 'vendor', response: 'support' },
      { type: 'AMEND', role: 'rights', remove: 'dpia', add: 'audit' },
    );
    expect(g.state.pending?.responses).toEqual({});
    expect(g.state.pending?.awaiting).toEqual(['mayor', 'police', 'vendor']);
  });

  it('is refused with BAD_AMENDMENT for anything but a legal one-for-one swap', () => {
    const g = negotiation();
    expect(g.refuse({ type: 'AMEND', role: 'police', remove: 'dpia', add: 'audit' }).code).toBe(
      'WRONG_PHASE',
    );
    g.act({ type: 'PROPOSE', role: 'police', assurances: ['break-clause', 'dpia'] });
    const amend = (remove: string, add: string) =>
      g.refuse({ type: 'AMEND', role: 'vendor', remove, add }).code;
    expect(amend('audit', 'uk-data')).toBe('BAD_AMENDMENT'); // audit is not in the package
    expect(amend('dpia', 'long-term')).toBe('BAD_AMENDMENT'); // excluded by break-clause
    expect(amend('dpia', 'break-clause')).toBe('BAD_AMENDMENT'); // would hold it twice
    expect(amend('dpia', 'bias-test')).toBe('BAD_AMENDMENT'); // not unlocked
    expect(amend('dpia', 'ghost')).toBe('BAD_AMENDMENT');
    expect(amend('dpia', 'escrow')).toBe('BAD_AMENDMENT'); // escrow requires dpia
    expect(amend('dpia', 'dpia')).toBe('BAD_AMENDMENT'); // swapping for itself is no swap
    expect(g.refuse({ type: 'AMEND', role: 'rights', remove: 'dpia', add: 'audit' }).code).toBe(
      'NOT_YOUR_TURN',
    );
  });
});

describe('timeouts', () => {
  it('turn timer without a package: the role passes', () => {
    const g = negotiation();
    const before = g.state;
    g.act({ type: 'TIMEOUT', scope: 'turn' });
    expect(g.actor).toBe('vendor');
    expect(newEntries(before, g.state)).toMatchObject([
      { kind: 'timeout', actor: 'police', subjects: ['turn'], deltas: {} },
    ]);
    expect(g.state.meters).toEqual(before.meters);
  });

  it('turn timer on a response: the role does not support', () => {
    const g = negotiation();
    g.act(
      { type: 'PROPOSE', role: 'police', assurances: ['uk-data'] },
      { type: 'TIMEOUT', scope: 'turn' },
    );
    expect(g.state.pending?.responses).toEqual({ vendor: 'oppose' });
    expect(g.state.log.at(-1)).toMatchObject({
      kind: 'timeout',
      actor: 'vendor',
      subjects: ['turn', 'oppose'],
    });
    g.act(
      { type: 'RESPOND', role: 'rights', response: 'support' },
      { type: 'RESPOND', role: 'mayor', response: 'support' },
    );
    // The vendor delivers uk-data and never said yes: rejected.
    expect(g.state.packages[0]).toMatchObject({ outcome: 'rejected', opposers: ['vendor'] });
  });

  it('turn timer of the last role ends the round', () => {
    const g = negotiation().passUntil('mayor');
    g.act({ type: 'TIMEOUT', scope: 'turn' });
    expect(g.state.phase).toBe('roundEnd');
  });

  it('round timer ends the round and withdraws a package still waiting, at no cost', () => {
    const g = negotiation();
    g.act(
      { type: 'PROPOSE', role: 'police', assurances: ['dpia'] },
      { type: 'RESPOND', role: 'vendor', response: 'support' },
    );
    const before = g.state;
    g.act({ type: 'TIMEOUT', scope: 'round' });
    expect(g.state.phase).toBe('roundEnd');
    expect(g.state.pending).toBeNull();
    expect(g.state.packages).toMatchObject([
      { number: 1, outcome: 'withdrawn', supporters: ['police', 'vendor'], assurances: ['dpia'] },
    ]);
    expect(g.state.agreed).toEqual([]);
    expect(g.state.meters).toEqual(before.meters);
    expect(newEntries(before, g.state).map((e) => e.kind)).toEqual([
      'withdrawn',
      'timeout',
      'round-end',
    ]);
  });

  it('no timer runs outside negotiation', () => {
    const g = new Script(scenario, 1).act({ type: 'BEGIN' });
    expect(g.refuse({ type: 'TIMEOUT', scope: 'turn' }).code).toBe('WRONG_PHASE');
    expect(g.refuse({ type: 'TIMEOUT', scope: 'round' }).code).toBe('WRONG_PHASE');
  });
});

describe('delayed effects', () => {
  it('land at the end of the due round, each with its own log entry', () => {
    const g = negotiation();
    const before = g.state;
    // reprocure: delay 1, delivered by police; trust +4, security -3.
    g.proposeAndAnswer(['reprocure'], 'support');
    expect(meterChange(before, g.state)).toEqual({ trust: 0, security: 0, privacy: 0 });
    expect(g.state.log.at(-1)).toMatchObject({ kind: 'agreed', deltas: {} });
    expect(g.state.delayed).toEqual([{ assurance: 'reprocure', dueRound: 2 }]);
    g.endRound();
    expect(g.state.log.some((e) => e.kind === 'delayed-effect')).toBe(false);
    g.act({ type: 'CONTINUE' }, { type: 'CONTINUE' });
    expect(g.state.round).toBe(2);
    const beforeEnd = g.state;
    g.endRound();
    const entries = newEntries(beforeEnd, g.state);
    expect(entries.map((e) => e.kind)).toEqual(['timeout', 'delayed-effect', 'round-end']);
    expect(entries[1]).toMatchObject({
      round: 2,
      subjects: ['reprocure'],
      deltas: { trust: 4, security: -3 },
    });
    expect(meterChange(beforeEnd, g.state)).toEqual({ trust: 4, security: -3, privacy: 0 });
    expect(g.state.delayed).toEqual([]);
  });

  /** Round 3 (the last): reprocure agreed, due at the end of round 4, which only a defer brings. */
  function lateReprocure() {
    const g = negotiation().endRound().act({ type: 'CONTINUE' }, { type: 'CONTINUE' }).endRound();
    g.act({ type: 'CONTINUE' }, { type: 'CONTINUE' });
    expect(g.state.round).toBe(3);
    g.proposeAndAnswer(['reprocure'], 'support');
    expect(g.state.delayed).toEqual([{ assurance: 'reprocure', dueRound: 4 }]);
    return g;
  }

  it('are lost when due after the last round and the decision binds nobody', () => {
    const g = lateReprocure();
    const trustBefore = g.state.meters.trust;
    g.decide('approve');
    expect(g.state.delayed).toEqual([]);
    expect(g.state.log.some((e) => e.kind === 'delayed-effect')).toBe(false);
    expect(g.state.meters.trust).toBe(trustBefore - 4);
  });

  it('land in the aftermath when the decision makes them contract terms', () => {
    const g = lateReprocure();
    g.decide('approve-conditions');
    expect(g.state.delayed).toEqual([]);
    expect(g.state.log.filter((e) => e.kind === 'delayed-effect')).toMatchObject([
      { subjects: ['reprocure'], deltas: { trust: 4, security: -3 } },
    ]);
  });

  it('still land when a defer adds the round they are due in', () => {
    const g = lateReprocure();
    g.decide('defer');
    expect(g.state.round).toBe(4);
    g.act({ type: 'CONTINUE' }).endRound();
    expect(g.state.log.filter((e) => e.kind === 'delayed-effect')).toMatchObject([
      { round: 4, subjects: ['reprocure'], deltas: { trust: 4, security: -3 } },
    ]);
  });
});
