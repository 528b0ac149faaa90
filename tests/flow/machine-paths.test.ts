/**
 * Model-based tests with xstate/graph: walk the machine's state graph with a small set of
 * representative events and check every state reached, then replay the paths on live actors.
 *
 * Snapshots are told apart by the machine's state value (which includes "paused"), the game's
 * phase (which a pause hides), whether the decision was deferred, and the progress inside the phase (round, turn, answers awaited,
 * amended, stances declared, assurances agreed, decision). All of these are bounded, so the
 * graph is finite, and fine enough that every phase can be left (two stances take two steps).
 */

import { describe, expect, it, vi } from 'vitest';
import { createActor, initialTransition, type SnapshotFrom, transition } from 'xstate';
import { getShortestPaths, getSimplePaths, type StatePath } from 'xstate/graph';
import { gameMachine, type MachineEvent } from '../../src/flow/machine.ts';
import {
  actingRole,
  legalAmendments,
  legalPackages,
  openDecisions,
} from '../../src/rules/index.ts';
import type { Phase } from '../../src/rules/types.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { PHASE_VALUE, phaseOfValue, picture } from '../support/machine.ts';
import { duo, table } from '../support/scenarios.ts';

// Property runs and graph walks: generous time when the machine is busy (CI, parallel files).
vi.setConfig({ testTimeout: 60_000 });

type Snap = SnapshotFrom<typeof gameMachine>;
type Path = StatePath<Snap, MachineEvent>;

/** Representative events: the acting role's moves, one package, one amendment, every decision. */
function modelEvents(scenario: Scenario) {
  return (snap: Snap): MachineEvent[] => {
    const g = snap.context.game;
    const role = actingRole(scenario, g) ?? scenario.decider;
    const events: MachineEvent[] = [
      { type: 'BEGIN' },
      { type: 'CONTINUE' },
      { type: 'PAUSE' },
      { type: 'RESUME' },
      { type: 'PASS', role },
      { type: 'RESPOND', role, response: 'support' },
      { type: 'RESPOND', role, response: 'oppose' },
      { type: 'TIMEOUT', scope: 'turn' },
      { type: 'TIMEOUT', scope: 'round' },
    ];
    const pkg = legalPackages(scenario, g)[0];
    if (pkg) events.push({ type: 'PROPOSE', role, assurances: pkg });
    const amendment = legalAmendments(scenario, g)[0];
    if (amendment) events.push({ type: 'AMEND', role, ...amendment });
    const stance = openDecisions(scenario, g)[0];
    if (stance) events.push({ type: 'STANCE', role, decision: stance.id });
    for (const d of scenario.decisions)
      events.push({ type: 'DECIDE', role: scenario.decider, decision: d.id });
    return events;
  };
}

function progressKey(snap: Snap): string {
  const g = snap.context.game;
  return JSON.stringify([
    snap.value,
    g.phase,
    g.deferred,
    g.round,
    g.turn,
    g.pending ? [g.pending.awaiting.length, g.pending.amendedBy !== null] : null,
    Object.keys(g.stances).length,
    g.agreed.length,
    g.decision,
  ]);
}

const PHASES = Object.keys(PHASE_VALUE) as Phase[];
const send = (snap: Snap, event: MachineEvent) => transition(gameMachine, snap, event)[0];
const phasesOf = (path: Path) =>
  path.steps
    .map((s) => (s.state.value === 'paused' ? 'paused' : s.state.context.game.phase))
    .filter((p, i, all) => i === 0 || all[i - 1] !== p);

for (const [name, scenario] of [
  ['duo', duo()],
  ['table', table()],
] as const) {
  describe(`machine paths (${name})`, () => {
    const input = { scenario, seed: 3 };
    const paths: Path[] = getShortestPaths(gameMachine, {
      input,
      events: modelEvents(scenario),
      serializeState: progressKey,
    });
    const states = paths.map((p) => p.state);

    it('reaches every phase state, and the pause', () => {
      const reached = new Set(states.map((s) => phaseOfValue(s.value)));
      expect([...reached].sort()).toEqual([...PHASES, 'paused'].sort());
      // Paused from every phase that can be paused.
      const pausedFrom = new Set(
        states.filter((s) => s.value === 'paused').map((s) => s.context.game.phase),
      );
      expect([...pausedFrom].sort()).toEqual(PHASES.filter((p) => p !== 'debrief').sort());
    });

    it('at every state reached, the machine shows the phase the game is in', () => {
      for (const s of states) {
        if (s.value === 'paused') continue;
        expect(phaseOfValue(s.value)).toBe(s.context.game.phase);
        expect(s.status).toBe(s.context.game.phase === 'debrief' ? 'done' : 'active');
      }
    });

    it('PAUSE then RESUME returns to the same sub-state with the same game', () => {
      for (const s of states) {
        if (s.status !== 'active' || s.value === 'paused') continue;
        const paused = send(s, { type: 'PAUSE' });
        expect(paused.value).toBe('paused');
        expect(paused.context.game).toBe(s.context.game);
        const back = send(paused, { type: 'RESUME' });
        expect(back.value).toEqual(s.value);
        expect(back.context.game).toBe(s.context.game);
      }
      // And a paused game takes no moves (checked on a sample of the paused states).
      const paused = states.filter((x) => x.value === 'paused');
      for (const s of paused.filter((_, i) => i % Math.ceil(paused.length / 40) === 0)) {
        for (const e of modelEvents(scenario)(s)) {
          if (e.type === 'RESUME' || e.type === 'PAUSE') continue;
          expect(send(s, e).context.game).toBe(s.context.game);
        }
      }
    });

    it('a refused move leaves the game and the state alone and says why', () => {
      for (const s of states) {
        if (s.status !== 'active' || s.value === 'paused') continue;
        const after = send(s, { type: 'PASS', role: 'nobody' });
        expect(after.value).toEqual(s.value);
        expect(after.context.game).toBe(s.context.game);
        expect(after.context.lastError?.code).toMatch(/^(UNKNOWN_ROLE|WRONG_PHASE)$/);
      }
    });

    it('once in the debrief, nothing leaves it', () => {
      const done = states.filter((s) => s.status === 'done');
      expect(done.length).toBeGreaterThan(0);
      for (const s of done) {
        for (const e of modelEvents(scenario)(s)) expect(picture(send(s, e))).toBe(picture(s));
      }
    });

    it('a defer goes through a second negotiation, after which defer is closed', () => {
      const deferredDecision = paths.find(
        (p) => phaseOfValue(p.state.value) === 'decision' && p.state.context.game.deferred,
      );
      expect(deferredDecision).toBeDefined();
      const path = deferredDecision as Path;
      const steps = path.steps.map((s) => ({ event: s.event, game: s.state.context.game }));
      const deferAt = steps.findIndex(
        (s) => s.event.type === 'DECIDE' && s.event.decision === 'defer',
      );
      expect(deferAt).toBeGreaterThan(0);
      expect(
        steps.slice(deferAt + 1).some((s) => s.game.phase === 'negotiation' && s.game.deferred),
      ).toBe(true);
      // Every round's negotiation, and one more after the defer.
      const negotiations = phasesOf(path).filter((p) => p === 'negotiation');
      expect(negotiations).toHaveLength(scenario.rounds.count + 1);
      const again = send(path.state, { type: 'DECIDE', role: scenario.decider, decision: 'defer' });
      expect(again.context.lastError?.code).toBe('DECISION_NOT_OPEN');
      expect(again.context.game).toBe(path.state.context.game);
      expect(again.value).toEqual(PHASE_VALUE.decision);
    });

    it('the paths replay exactly on live actors (model-based test)', () => {
      // createTestModel refuses machines with delayed ("after") transitions, so the paths are
      // run by hand. Each step's event goes to a live actor (the system under test) and to the
      // pure transition function the graph was walked with: both must agree exactly, and land
      // in the model state the path predicts.
      // Paths that are the start of a longer path add nothing: run only the longest ones. The
      // shortest paths form a tree, so a path is a leaf when it ends where no path's parent does.
      const parents = new Set(
        paths.map((p) =>
          p.steps.length > 1 ? progressKey((p.steps.at(-2) as Path['steps'][number]).state) : '',
        ),
      );
      const leaves = paths.filter((p) => !parents.has(progressKey(p.state)));
      expect(leaves.length).toBeGreaterThan(0);
      // On the bigger table (thousands of paths), an even sample of 40, and 10 that finish.
      const step = Math.ceil(leaves.length / 40);
      const chosen =
        step === 1
          ? leaves
          : [
              ...leaves.filter((_, i) => i % step === 0),
              ...leaves.filter((p) => p.state.status === 'done').slice(0, 10),
            ];
      for (const path of chosen) {
        // The live actor runs the machine the paths were walked on (the timed one).
        const actor = createActor(gameMachine, { input }).start();
        let pure = initialTransition(gameMachine, input)[0];
        for (const step of path.steps) {
          if (!step.event.type.startsWith('xstate.')) {
            actor.send(step.event);
            pure = send(pure, step.event);
          }
          const live = actor.getSnapshot();
          expect(progressKey(live)).toBe(progressKey(step.state));
          expect(picture(live)).toBe(picture(pure));
        }
        actor.stop();
      }
    });
  });
}

describe('phase paths (duo)', () => {
  it('every way through the game follows one of two phase sequences: with or without a defer', () => {
    const scenario = duo();
    // Fewer events than above, or the simple paths multiply beyond use: no pause (checked above
    // at every state), and in negotiation only a package that is supported, or the round timer.
    const keep = new Set(['BEGIN', 'CONTINUE', 'PROPOSE', 'STANCE', 'DECIDE']);
    const events = (snap: Snap): MachineEvent[] => [
      ...modelEvents(scenario)(snap).filter((e) => keep.has(e.type)),
      { type: 'RESPOND', role: actingRole(scenario, snap.context.game) ?? '', response: 'support' },
      { type: 'TIMEOUT', scope: 'round' },
    ];
    const toDebrief = getSimplePaths(gameMachine, {
      input: { scenario, seed: 3 },
      events,
      serializeState: progressKey,
      toState: (s) => s.status === 'done',
    });
    expect(toDebrief.length).toBeGreaterThan(10);
    const sequences = new Set(toDebrief.map((p) => phasesOf(p).join(' > ')));
    const once = 'event > negotiation > roundEnd > stances > decision';
    expect([...sequences].sort()).toEqual(
      [
        `briefing > ${once} > aftermath > debrief`,
        `briefing > ${once} > ${once} > aftermath > debrief`,
      ].sort(),
    );
    const decisions = new Set(toDebrief.map((p) => p.state.context.game.decision));
    expect([...decisions].sort()).toEqual(['approve', 'approve-conditions', 'block']);
  });
});
