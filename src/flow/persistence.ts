/**
 * Versioned save and restore of a running game.
 *
 * A save wraps XState's persisted snapshot with a format tag and a version, so a save from an
 * older or newer build, or a corrupt one, is recognised and refused with a clear message
 * instead of crashing or silently resuming a broken game. The snapshot holds the scenario the
 * game was started with, so a save resumes exactly even if the scenario file changed since.
 */
import { type Actor, createActor, type SnapshotFrom } from 'xstate';
import { replay } from '../rules/replay.ts';
import { type GameState, STATE_VERSION } from '../rules/types.ts';
import { Scenario } from '../scenario/schema.ts';
import {
  type GameInput,
  type GameMachine,
  gameMachineFor,
  phaseStateNode,
  type TimerClock,
  timedGameMachine,
  timeLeft,
} from './machine.ts';
import { sameJson } from './same-json.ts';

export const SAVE_FORMAT = 'oversight-save';
/** 2: the state ids changed (no "round" state around event, negotiation and round end). */
export const SAVE_VERSION = 2;

export interface SaveFile {
  format: typeof SAVE_FORMAT;
  version: typeof SAVE_VERSION;
  scenarioId: string;
  seed: number;
  snapshot: unknown;
}

export type RestoreProblem =
  | { code: 'SAVE_NOT_JSON'; message: string }
  | { code: 'SAVE_NOT_OURS'; message: string }
  | { code: 'SAVE_OUTDATED'; message: string }
  | { code: 'SAVE_CORRUPT'; message: string };

export type GameActor = Actor<GameMachine>;

export function saveGame(actor: GameActor): SaveFile {
  const snapshot = actor.getPersistedSnapshot() as SnapshotFrom<GameMachine>;
  return {
    format: SAVE_FORMAT,
    version: SAVE_VERSION,
    scenarioId: snapshot.context.game.scenarioId,
    seed: snapshot.context.game.seed,
    snapshot,
  };
}

export function saveGameText(actor: GameActor): string {
  return JSON.stringify(saveGame(actor));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A timer setting as the machine stores it: off (null) or a positive number of seconds. */
function isTimer(value: unknown): boolean {
  return value === null || (typeof value === 'number' && Number.isFinite(value) && value > 0);
}

/**
 * Is the machine where the game is? Active in the phase's state, or paused with that state as
 * the point to resume to; or done in the debrief. An edited state value or history would
 * otherwise resume into a screen that refuses every move of the phase the game is in.
 */
function machineMatchesGame(
  machine: GameMachine,
  snapshot: Record<string, unknown>,
  game: GameState,
): boolean {
  const node = phaseStateNode(machine, game.phase);
  if (game.phase === 'debrief') return snapshot.status === 'done' && snapshot.value === 'debrief';
  if (snapshot.status !== 'active') return false;
  if (snapshot.value === 'paused') {
    const history = isRecord(snapshot.historyValue)
      ? snapshot.historyValue['oversight.playing.resumePoint']
      : undefined;
    return (
      Array.isArray(history) &&
      history.length === 1 &&
      isRecord(history[0]) &&
      history[0].id === node.id
    );
  }
  // The node at path ["playing", "negotiation", "turn"] is { playing: { negotiation: 'turn' } }.
  const path = [...node.path];
  const leaf = path.pop() as string;
  const value = path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), leaf);
  return sameJson(snapshot.value, value);
}

/** Checks a save and returns the snapshot to restore from, or why it cannot be used. */
export function readSave(
  input: string | unknown,
): { ok: true; save: SaveFile } | { ok: false; problem: RestoreProblem } {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch {
      return {
        ok: false,
        problem: {
          code: 'SAVE_NOT_JSON',
          message: 'The saved game is damaged (not readable JSON).',
        },
      };
    }
  }
  if (!isRecord(data) || data.format !== SAVE_FORMAT) {
    return {
      ok: false,
      problem: { code: 'SAVE_NOT_OURS', message: 'This is not an Oversight saved game.' },
    };
  }
  if (data.version !== SAVE_VERSION) {
    return {
      ok: false,
      problem: {
        code: 'SAVE_OUTDATED',
        message: `This game was saved by another version of Oversight (save format ${String(data.version)}); it cannot be continued here.`,
      },
    };
  }
  const snapshot = data.snapshot;
  const context = isRecord(snapshot) ? snapshot.context : undefined;
  const game = isRecord(context) ? context.game : undefined;
  if (!isRecord(snapshot) || !isRecord(context) || !isRecord(game)) {
    return {
      ok: false,
      problem: { code: 'SAVE_CORRUPT', message: 'The saved game is incomplete.' },
    };
  }
  if (game.stateVersion !== STATE_VERSION) {
    return {
      ok: false,
      problem: {
        code: 'SAVE_OUTDATED',
        message: 'This saved game comes from an older version of the rules.',
      },
    };
  }
  if (
    data.scenarioId !== game.scenarioId ||
    !Scenario.safeParse(context.scenario).success ||
    !isRecord(context.timers) ||
    !isTimer(context.timers.turnSeconds) ||
    !isTimer(context.timers.roundSeconds) ||
    !Array.isArray(context.actions)
  ) {
    return { ok: false, problem: { code: 'SAVE_CORRUPT', message: 'The saved game is damaged.' } };
  }
  return { ok: true, save: data as unknown as SaveFile };
}

/** The timers as they stood at `at`, stopped there: each with the time it had left. */
function clockAt(
  clock: TimerClock,
  timers: { turnSeconds: number | null; roundSeconds: number | null },
  at: number,
): TimerClock {
  const left = (seconds: number | null, from: number | null, kept: number | null) =>
    seconds === null ? null : from === null ? kept : timeLeft(seconds * 1000, from, kept, at);
  return {
    turnFrom: null,
    turnLeft: left(timers.turnSeconds, clock.turnFrom, clock.turnLeft),
    roundFrom: null,
    roundLeft: left(timers.roundSeconds, clock.roundFrom, clock.roundLeft),
  };
}

/**
 * Restores a running actor from a save. Before anyone plays on, the saved actions are replayed
 * on the saved scenario and seed and must land on the saved game state: that proves the save is
 * consistent (nothing edited, truncated or mixed up) rather than trusting whatever was stored.
 */
export function restoreGame(
  input: string | unknown,
  /**
   * When the save was written (ms since 1970, the clock of the page that wrote it): the turn
   * and round timers then keep the time they had left at that moment. Unknown: full time.
   */
  savedAt?: number,
): { ok: true; actor: GameActor } | { ok: false; problem: RestoreProblem } {
  const read = readSave(input);
  if (!read.ok) return read;
  try {
    const saved = read.save.snapshot as SnapshotFrom<GameMachine>;
    const scenario = Scenario.parse(saved.context.scenario);
    const rebuilt = replay(scenario, read.save.seed, saved.context.actions);
    // Play on in the variant that made the save, whose states it names: the timed one when
    // the save has timers; without timers it may be either (`gameMachine` is the timed one).
    const named = (m: GameMachine) =>
      rebuilt.ok &&
      machineMatchesGame(m, saved as unknown as Record<string, unknown>, rebuilt.state);
    const preferred = gameMachineFor(saved.context.timers);
    const machine =
      named(preferred) || preferred === timedGameMachine ? preferred : timedGameMachine;
    if (!rebuilt.ok || !sameJson(rebuilt.state, saved.context.game) || !named(machine)) {
      return {
        ok: false,
        problem: {
          code: 'SAVE_CORRUPT',
          message: 'The saved game does not add up; it may have been edited.',
        },
      };
    }
    // Play on with the scenario as checked (defaults filled in), not the raw JSON of the file.
    // The timers' clock told time in the page that saved it: what each timer had left when the
    // save was written is kept (a reload does not give a turn its full time again, nor count
    // the time the page was closed); without that moment, they start with full time.
    const { clock: savedClock, ...context } = saved.context;
    const clock =
      savedClock && savedAt !== undefined && Number.isFinite(savedAt)
        ? clockAt(savedClock, saved.context.timers, savedAt)
        : undefined;
    const snapshot = {
      ...saved,
      context: { ...context, scenario, ...(clock ? { clock } : {}) },
    };
    const gameInput: GameInput = {
      scenario,
      seed: read.save.seed,
      timers: snapshot.context.timers,
    };
    const actor = createActor(machine, {
      snapshot,
      input: gameInput,
    });
    actor.start();
    // A restored game waits, paused, for the players to say "continue": XState does not re-arm
    // the turn and round timers of a restored state, and RESUME re-enters it, each timer with
    // the time the clock says it had left.
    if (actor.getSnapshot().matches('playing')) actor.send({ type: 'PAUSE' });
    return { ok: true, actor };
  } catch {
    return { ok: false, problem: { code: 'SAVE_CORRUPT', message: 'The saved game is damaged.' } };
  }
}
