/** Test helpers over the XState game machine. */
import { type Actor, createActor, type SnapshotFrom } from 'xstate';
import {
  type GameInput,
  type GameMachine,
  gameMachineFor,
  type MachineEvent,
} from '../../src/flow/machine.ts';
import type { Phase } from '../../src/rules/types.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

export type GameSnapshot = SnapshotFrom<GameMachine>;
export type GameActorT = Actor<GameMachine>;

/** A started game actor, on the machine variant its timer settings need. */
export function startGame(scenario: Scenario, seed = 1, timers?: GameInput['timers']): GameActorT {
  const actor = createActor(gameMachineFor(timers), {
    input: { scenario, seed, ...(timers ? { timers } : {}) },
  });
  actor.start();
  return actor;
}

/** The (timed) machine's state value each game phase must be shown in. */
export const PHASE_VALUE: Record<Phase, unknown> = {
  briefing: { playing: 'briefing' },
  event: { playing: 'event' },
  negotiation: { playing: { negotiation: 'turn' } },
  roundEnd: { playing: 'roundEnd' },
  stances: { playing: 'stances' },
  decision: { playing: 'decision' },
  aftermath: { playing: 'aftermath' },
  debrief: 'debrief',
};

/** Which phase (or 'paused') a machine state value stands for; throws on anything else. */
export function phaseOfValue(value: unknown): Phase | 'paused' {
  if (value === 'paused') return 'paused';
  const json = JSON.stringify(value);
  // The untimed machine has no turn sub-state (no turn timer to hold).
  if (json === '{"playing":"negotiation"}') return 'negotiation';
  for (const [phase, v] of Object.entries(PHASE_VALUE)) {
    if (JSON.stringify(v) === json) return phase as Phase;
  }
  throw new Error(`unexpected machine value ${json}`);
}

/** Sends events in order (game actions, PAUSE, RESUME). */
export function sendAll(actor: GameActorT, events: readonly MachineEvent[]): void {
  for (const e of events) actor.send(e);
}

/**
 * A comparable picture of a snapshot: value, status, game and actions. The same on both machine
 * variants: the timed one's negotiation sub-state "turn" (which holds the turn timer) is folded.
 */
export function picture(snapshot: GameSnapshot) {
  return JSON.stringify({
    value:
      JSON.stringify(snapshot.value) === '{"playing":{"negotiation":"turn"}}'
        ? { playing: 'negotiation' }
        : snapshot.value,
    status: snapshot.status,
    game: snapshot.context.game,
    actions: snapshot.context.actions,
    lastError: snapshot.context.lastError,
  });
}
