import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { replay } from '../../src/rules/replay.ts';
import { createGame } from '../../src/rules/setup.ts';
import type { GameAction } from '../../src/rules/types.ts';
import { Script } from '../support/games.ts';
import {
  type GameActorT,
  PHASE_VALUE,
  phaseOfValue,
  picture,
  sendAll,
  startGame,
} from '../support/machine.ts';
import { duo, table } from '../support/scenarios.ts';

const scenario = table();
const game = (actor: GameActorT) => actor.getSnapshot().context.game;
const lastLog = (actor: GameActorT) => game(actor).log.at(-1);
const toNegotiation: GameAction[] = [{ type: 'BEGIN' }, { type: 'CONTINUE' }];

describe('gameMachine: following the rules', () => {
  it('starts in the briefing with a new game and walks the phases the rules report', () => {
    const actor = startGame(scenario, 5);
    expect(actor.getSnapshot().value).toEqual(PHASE_VALUE.briefing);
    expect(game(actor)).toEqual(createGame(scenario, 5));
    const g = new Script(scenario, 5)
      .toNegotiation()
      .proposeAndAnswer(['dpia'], 'support')
      .decide('block');
    g.act({ type: 'CONTINUE' });
    for (const action of g.actions) {
      actor.send(action);
      const snap = actor.getSnapshot();
      expect(snap.context.lastError).toBeNull();
      expect(phaseOfValue(snap.value)).toBe(snap.context.game.phase);
    }
    expect(game(actor)).toEqual(g.state);
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().context.actions).toEqual(g.actions);
  });

  it('a defer goes back to a new round', () => {
    const actor = startGame(scenario, 5);
    const g = new Script(scenario, 5).toNegotiation().decide('defer');
    sendAll(actor, g.actions);
    expect(actor.getSnapshot().value).toEqual(PHASE_VALUE.event);
    expect(game(actor)).toMatchObject({ round: 4, deferred: true });
  });

  it('a refused action sets lastError with the rule’s code and leaves the game alone', () => {
    const actor = startGame(scenario, 1);
    sendAll(actor, toNegotiation);
    const before = actor.getSnapshot();
    actor.send({ type: 'PASS', role: 'mayor' });
    const after = actor.getSnapshot();
    expect(after.context.lastError?.code).toBe('NOT_YOUR_TURN');
    expect(after.context.game).toBe(before.context.game);
    expect(after.context.actions).toBe(before.context.actions);
    expect(after.value).toEqual(before.value);
    actor.send({ type: 'PROPOSE', role: 'police', assurances: ['escrow'] });
    expect(actor.getSnapshot().context.lastError?.code).toBe('BAD_PACKAGE');
    actor.send({ type: 'PASS', role: 'police' });
    expect(actor.getSnapshot().context.lastError).toBeNull();
    expect(game(actor).turn).toBe(1);
  });

  it('an action the current phase does not take is refused with WRONG_PHASE, not ignored silently', () => {
    const actor = startGame(scenario, 1);
    actor.send({ type: 'PASS', role: 'police' });
    expect(actor.getSnapshot().context.lastError?.code).toBe('WRONG_PHASE');
    sendAll(actor, toNegotiation);
    expect(actor.getSnapshot().context.lastError).toBeNull();
    const before = game(actor);
    actor.send({ type: 'STANCE', role: 'police', decision: 'approve' });
    expect(actor.getSnapshot().context.lastError?.code).toBe('WRONG_PHASE');
    actor.send({ type: 'CONTINUE' });
    expect(actor.getSnapshot().context.lastError?.code).toBe('WRONG_PHASE');
    actor.send({ type: 'BEGIN' });
    expect(actor.getSnapshot().context.lastError?.code).toBe('WRONG_PHASE');
    expect(game(actor)).toBe(before);
  });

  it('a malformed event is refused with BAD_ACTION and never throws', () => {
    const actor = startGame(scenario, 1);
    sendAll(actor, toNegotiation);
    const before = game(actor);
    for (const junk of [
      { type: 'PROPOSE', role: 'police' },
      { type: 'PROPOSE', role: 'police', assurances: 'dpia' },
      { type: 'TIMEOUT', scope: 'forever' },
      { type: 'PASS' },
    ]) {
      expect(() => actor.send(junk as GameAction)).not.toThrow();
      expect(actor.getSnapshot().context.lastError?.code).toBe('BAD_ACTION');
    }
    expect(game(actor)).toBe(before);
    expect(actor.getSnapshot().status).toBe('active');
  });

  it('once in the debrief nothing moves', () => {
    const actor = startGame(duo(), 2);
    const g = new Script(duo(), 2).toNegotiation().decide('approve').act({ type: 'CONTINUE' });
    sendAll(actor, g.actions);
    expect(actor.getSnapshot().status).toBe('done');
    const before = picture(actor.getSnapshot());
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    sendAll(actor, [
      { type: 'PAUSE' },
      { type: 'RESUME' },
      { type: 'CONTINUE' },
      { type: 'BEGIN' },
      { type: 'DECIDE', role: 'mayor', decision: 'block' },
    ]);
    expect(picture(actor.getSnapshot())).toBe(before);
    // XState says so in development builds: the actor is done.
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/final state/);
    warn.mockRestore();
  });

  it('rebuilds from its own action list', () => {
    const actor = startGame(scenario, 8);
    const g = new Script(scenario, 8)
      .toNegotiation()
      .proposeAndAnswer(['dpia', 'audit'], 'support')
      .endRound();
    sendAll(actor, g.actions);
    const { actions, game: state } = actor.getSnapshot().context;
    expect(replay(scenario, 8, actions)).toEqual({ ok: true, state });
  });
});

describe('gameMachine: pause and resume', () => {
  it('PAUSE keeps the game; actions are not taken while paused; RESUME returns to the same place', () => {
    const actor = startGame(scenario, 1);
    sendAll(actor, [...toNegotiation, { type: 'PROPOSE', role: 'police', assurances: ['dpia'] }]);
    const before = actor.getSnapshot();
    actor.send({ type: 'PAUSE' });
    expect(actor.getSnapshot().value).toBe('paused');
    actor.send({ type: 'RESPOND', role: 'vendor', response: 'support' });
    expect(actor.getSnapshot().context.lastError?.code).toBe('PAUSED');
    actor.send({ type: 'PAUSE' });
    expect(actor.getSnapshot().context.game).toBe(before.context.game);
    actor.send({ type: 'RESUME' });
    expect(actor.getSnapshot().value).toEqual(before.value);
    expect(actor.getSnapshot().context.game).toBe(before.context.game);
    actor.send({ type: 'RESPOND', role: 'vendor', response: 'support' });
    expect(game(actor).pending?.responses).toEqual({ vendor: 'support' });
  });

  it('RESUME outside a pause does nothing', () => {
    const actor = startGame(scenario, 1);
    const before = picture(actor.getSnapshot());
    actor.send({ type: 'RESUME' });
    expect(picture(actor.getSnapshot())).toBe(before);
  });
});

describe('gameMachine: timers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('the turn timer makes the role on turn pass', () => {
    const actor = startGame(scenario, 1, { turnSeconds: 10 });
    sendAll(actor, toNegotiation);
    vi.advanceTimersByTime(9_999);
    expect(game(actor).turn).toBe(0);
    vi.advanceTimersByTime(1);
    expect(game(actor).turn).toBe(1);
    expect(lastLog(actor)).toMatchObject({ kind: 'timeout', actor: 'police', subjects: ['turn'] });
    expect(actor.getSnapshot().context.actions.at(-1)).toEqual({ type: 'TIMEOUT', scope: 'turn' });
    actor.stop();
  });

  it('the turn timer on a response counts as not supporting', () => {
    const actor = startGame(scenario, 1, { turnSeconds: 10 });
    sendAll(actor, [
      ...toNegotiation,
      { type: 'PROPOSE', role: 'police', assurances: ['uk-data'] },
    ]);
    vi.advanceTimersByTime(10_000);
    expect(game(actor).pending?.responses).toEqual({ vendor: 'oppose' });
    actor.stop();
  });

  it('the turn timer restarts after every move, including a timed-out one', () => {
    const actor = startGame(scenario, 1, { turnSeconds: 10 });
    sendAll(actor, toNegotiation);
    vi.advanceTimersByTime(6_000);
    actor.send({ type: 'PASS', role: 'police' });
    vi.advanceTimersByTime(6_000);
    expect(game(actor).turn).toBe(1); // the vendor still has 4 seconds
    vi.advanceTimersByTime(4_000);
    expect(game(actor).turn).toBe(2);
    vi.advanceTimersByTime(9_999);
    expect(game(actor).turn).toBe(2); // rights got a fresh 10 seconds
    vi.advanceTimersByTime(1);
    expect(game(actor).turn).toBe(3);
    actor.stop();
  });

  it('a refused move does not restart the turn timer', () => {
    const actor = startGame(scenario, 1, { turnSeconds: 10 });
    sendAll(actor, toNegotiation);
    vi.advanceTimersByTime(6_000);
    actor.send({ type: 'PASS', role: 'mayor' });
    expect(actor.getSnapshot().context.lastError?.code).toBe('NOT_YOUR_TURN');
    vi.advanceTimersByTime(4_000);
    expect(game(actor).turn).toBe(1);
    actor.stop();
  });

  it('turn timers run the round out, then stop at the round end', () => {
    const actor = startGame(scenario, 1, { turnSeconds: 10 });
    sendAll(actor, toNegotiation);
    vi.advanceTimersByTime(40_000);
    expect(game(actor).phase).toBe('roundEnd');
    expect(actor.getSnapshot().value).toEqual(PHASE_VALUE.roundEnd);
    const before = picture(actor.getSnapshot());
    vi.advanceTimersByTime(600_000);
    expect(picture(actor.getSnapshot())).toBe(before);
    actor.stop();
  });

  it('the round timer ends the round, whatever the moves, and withdraws a waiting package', () => {
    const actor = startGame(scenario, 1, { roundSeconds: 60 });
    sendAll(actor, toNegotiation);
    vi.advanceTimersByTime(30_000);
    actor.send({ type: 'PASS', role: 'police' });
    vi.advanceTimersByTime(20_000);
    actor.send({ type: 'PROPOSE', role: 'vendor', assurances: ['dpia'] });
    vi.advanceTimersByTime(9_999);
    expect(game(actor).phase).toBe('negotiation');
    vi.advanceTimersByTime(1);
    expect(game(actor).phase).toBe('roundEnd');
    expect(actor.getSnapshot().value).toEqual(PHASE_VALUE.roundEnd);
    expect(game(actor).packages).toMatchObject([{ proposer: 'vendor', outcome: 'withdrawn' }]);
    expect(actor.getSnapshot().context.actions.at(-1)).toEqual({ type: 'TIMEOUT', scope: 'round' });
    actor.stop();
  });

  it('the round timer starts afresh in the next round', () => {
    const actor = startGame(scenario, 1, { roundSeconds: 60 });
    sendAll(actor, toNegotiation);
    vi.advanceTimersByTime(60_000);
    vi.advanceTimersByTime(100_000); // a long discussion at the round-end screen
    sendAll(actor, [{ type: 'CONTINUE' }, { type: 'CONTINUE' }]);
    expect(game(actor)).toMatchObject({ round: 2, phase: 'negotiation' });
    vi.advanceTimersByTime(59_999);
    expect(game(actor).phase).toBe('negotiation');
    vi.advanceTimersByTime(1);
    expect(game(actor)).toMatchObject({ round: 2, phase: 'roundEnd' });
    actor.stop();
  });

  it('both timers together: turns time out until the round timer ends the round', () => {
    const actor = startGame(scenario, 1, { turnSeconds: 10, roundSeconds: 25 });
    sendAll(actor, toNegotiation);
    vi.advanceTimersByTime(25_000);
    expect(game(actor).phase).toBe('roundEnd');
    const timeouts = game(actor)
      .log.filter((e) => e.kind === 'timeout')
      .map((e) => `${e.actor}:${e.subjects[0]}`);
    expect(timeouts).toEqual(['police:turn', 'vendor:turn', 'null:round']);
    actor.stop();
  });

  it('pause freezes the timers: after RESUME they go on with the time they had left', () => {
    const actor = startGame(scenario, 1, { turnSeconds: 10, roundSeconds: 30 });
    sendAll(actor, toNegotiation);
    vi.advanceTimersByTime(6_000);
    actor.send({ type: 'PAUSE' });
    const paused = picture(actor.getSnapshot());
    vi.advanceTimersByTime(3_600_000);
    expect(picture(actor.getSnapshot())).toBe(paused);
    actor.send({ type: 'RESUME' });
    expect(game(actor).turn).toBe(0);
    vi.advanceTimersByTime(3_999);
    expect(game(actor).turn).toBe(0); // 4 of its 10 seconds were left
    vi.advanceTimersByTime(1);
    expect(game(actor).turn).toBe(1);
    // The round had 24 s left at the pause: 4 s went by, then 20 s more end it.
    vi.advanceTimersByTime(19_999);
    expect(game(actor).phase).toBe('negotiation');
    vi.advanceTimersByTime(1);
    expect(game(actor).phase).toBe('roundEnd');
    actor.stop();
  });

  it('pausing twice in one turn counts the time between the pauses once', () => {
    const actor = startGame(scenario, 1, { turnSeconds: 10 });
    sendAll(actor, toNegotiation);
    vi.advanceTimersByTime(3_000);
    sendAll(actor, [{ type: 'PAUSE' }]);
    vi.advanceTimersByTime(60_000);
    sendAll(actor, [{ type: 'RESUME' }]);
    vi.advanceTimersByTime(3_000);
    sendAll(actor, [{ type: 'PAUSE' }]);
    vi.advanceTimersByTime(60_000);
    sendAll(actor, [{ type: 'RESUME' }]);
    vi.advanceTimersByTime(3_999);
    expect(game(actor).turn).toBe(0);
    vi.advanceTimersByTime(1);
    expect(game(actor).turn).toBe(1);
    // The next role gets the full 10 seconds.
    vi.advanceTimersByTime(9_999);
    expect(game(actor).turn).toBe(1);
    vi.advanceTimersByTime(1);
    expect(game(actor).turn).toBe(2);
    actor.stop();
  });

  it('a move after a resume gives the next role full time; the round keeps what it had', () => {
    const actor = startGame(scenario, 1, { turnSeconds: 10, roundSeconds: 30 });
    sendAll(actor, toNegotiation);
    vi.advanceTimersByTime(8_000);
    sendAll(actor, [{ type: 'PAUSE' }, { type: 'RESUME' }]);
    actor.send({ type: 'PASS', role: 'police' });
    expect(actor.getSnapshot().context.clock).toMatchObject({ turnLeft: null, roundLeft: 22_000 });
    vi.advanceTimersByTime(9_999);
    expect(game(actor).turn).toBe(1);
    vi.advanceTimersByTime(1);
    expect(game(actor).turn).toBe(2);
    vi.advanceTimersByTime(12_000); // 8 + 10 + 12 = 30 s of play
    expect(game(actor).phase).toBe('roundEnd');
    actor.stop();
  });

  it('pausing outside the negotiation leaves the next round its full time', () => {
    const actor = startGame(scenario, 1, { roundSeconds: 30 });
    sendAll(actor, toNegotiation);
    vi.advanceTimersByTime(30_000);
    expect(game(actor).phase).toBe('roundEnd');
    sendAll(actor, [{ type: 'PAUSE' }, { type: 'RESUME' }, { type: 'CONTINUE' }]);
    sendAll(actor, [{ type: 'CONTINUE' }]);
    expect(game(actor)).toMatchObject({ round: 2, phase: 'negotiation' });
    vi.advanceTimersByTime(29_999);
    expect(game(actor).phase).toBe('negotiation');
    vi.advanceTimersByTime(1);
    expect(game(actor).phase).toBe('roundEnd');
    actor.stop();
  });

  it('no timers outside negotiation, and none at all unless set', () => {
    const timed = startGame(scenario, 1, { turnSeconds: 5, roundSeconds: 20 });
    timed.send({ type: 'BEGIN' });
    vi.advanceTimersByTime(600_000);
    expect(game(timed).phase).toBe('event');
    timed.stop();
    const untimed = startGame(scenario, 1);
    sendAll(untimed, toNegotiation);
    vi.advanceTimersByTime(3_600_000);
    expect(game(untimed)).toMatchObject({ phase: 'negotiation', turn: 0 });
    untimed.stop();
  });

  it('nonsense timer settings mean no timer', () => {
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, null]) {
      const actor = startGame(scenario, 1, { turnSeconds: bad, roundSeconds: bad });
      expect(actor.getSnapshot().context.timers).toEqual({ turnSeconds: null, roundSeconds: null });
      sendAll(actor, toNegotiation);
      vi.advanceTimersByTime(600_000);
      expect(game(actor).turn).toBe(0);
      actor.stop();
    }
  });
});

describe('gameMachine: the list of accepted actions', () => {
  it('keeps two games apart when one plays on from an older snapshot of the other', () => {
    const first = startGame(scenario, 3);
    sendAll(first, toNegotiation);
    const older = first.getPersistedSnapshot();
    sendAll(first, [
      { type: 'PASS', role: 'police' },
      { type: 'PASS', role: 'vendor' },
    ]);
    const second = createActor(first.logic, {
      snapshot: older,
      input: { scenario, seed: 3 },
    }).start();
    second.send({ type: 'PROPOSE', role: 'police', assurances: ['dpia'] });
    const firstActions = first.getSnapshot().context.actions;
    const secondActions = second.getSnapshot().context.actions;
    expect(firstActions.map((a) => a.type)).toEqual(['BEGIN', 'CONTINUE', 'PASS', 'PASS']);
    expect(secondActions.map((a) => a.type)).toEqual(['BEGIN', 'CONTINUE', 'PROPOSE']);
    expect(replay(scenario, 3, secondActions)).toEqual({
      ok: true,
      state: second.getSnapshot().context.game,
    });
  });
});
