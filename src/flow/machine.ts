/**
 * The decision's state machine (XState v5), built from a scenario.
 *
 *   briefing → round (event → negotiation → roundEnd)* → stances → decision
 *            → (defer: back to round, once) → aftermath → debrief
 *
 * The machine owns the flow: which events each phase accepts, pause/resume, the turn and round
 * timers. The rules own the data: every accepted event is applied with the pure
 * `applyAction`, and the machine follows the phase the rules report. So the CLI, the bots, the
 * browser and a future server all drive the same machine, and a game can be rebuilt from
 * scenario + seed + events with or without it.
 *
 * Two variants: the timed one has the turn and round timers, the untimed one leaves them out and
 * so costs less per event (no timers to schedule and cancel, no re-entry of the turn state after
 * each move). Their states differ in one place only: in the timed one, negotiation is a compound
 * state whose `turn` child carries the turn timer inside the round timer; the untimed one needs
 * neither timer, so its negotiation is a single atomic state (XState walks every active state node
 * on each event, and the ~40 moves of a game are all made in negotiation). Every event of either
 * goes through XState's own transition step. `gameMachineFor` picks
 * the variant that game's timer settings need, for new and restored games alike;
 * `gameMachine` is the timed one, which honours any settings (with none it moves exactly like
 * the untimed one).
 */
import { assign, setup } from 'xstate';
import { applyAction } from '../rules/apply.ts';
import { createGame } from '../rules/setup.ts';
import {
  GAME_ACTION_TYPES,
  type GameAction,
  type GameState,
  type Phase,
  type Result,
  type RuleError,
} from '../rules/types.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface TimerSettings {
  /** Seconds a role has for its turn (or its response); null = no turn timer. */
  turnSeconds: number | null;
  /** Seconds for a whole round of negotiation; null = no round timer. */
  roundSeconds: number | null;
}

export interface GameInput {
  scenario: Scenario;
  seed: number;
  timers?: Partial<TimerSettings>;
}

export interface GameContext {
  scenario: Scenario;
  game: GameState;
  timers: TimerSettings;
  /** Every accepted action, in order: with the scenario and seed it rebuilds the game. */
  actions: GameAction[];
  /** Why the last refused action was refused (cleared by the next accepted one). */
  lastError: RuleError | null;
  /**
   * The running turn and round timers (timed variant, and only when a timer is set; absent
   * otherwise). Pausing keeps what is left, so RESUME goes on from there instead of full time.
   */
  clock?: TimerClock;
}

/** Where the turn and round timers stand (times in ms; `at` values are `Date.now()`). */
export interface TimerClock {
  /** When the turn timer was started (entering the turn state, or resuming into it). */
  turnFrom: number | null;
  /** The time the turn had left when started: null for full time. */
  turnLeft: number | null;
  roundFrom: number | null;
  roundLeft: number | null;
}

const NO_CLOCK: TimerClock = { turnFrom: null, turnLeft: null, roundFrom: null, roundLeft: null };

/** Milliseconds a timer has left at `now`, started at `from` with `left` (null: `full`). */
export function timeLeft(full: number, from: number | null, left: number | null, now: number) {
  const start = left ?? full;
  return from === null ? start : Math.max(0, start - Math.max(0, now - from));
}

export type ControlEvent = { type: 'PAUSE' } | { type: 'RESUME' };
export type MachineEvent = GameAction | ControlEvent;

/**
 * The guards apply the action to see whether it is legal and where it leads; the action then
 * reuses that result rather than computing it again. One slot is enough: an event's guards and
 * actions run one after the other, within one synchronous step. The slot is checked against the
 * event, scenario and state it was computed from, so a stale entry is never used.
 */
interface Attempt {
  key: object;
  scenario: Scenario;
  from: GameState;
  action: GameAction;
  result: Result<GameState>;
}
let last: Attempt | null = null;

/** Applies `action`, received as the event `key`, to the context's game (once per state). */
function attempt(context: GameContext, key: object, action: GameAction): Attempt {
  const made: Attempt = {
    key,
    scenario: context.scenario,
    from: context.game,
    action,
    result: applyAction(context.scenario, context.game, action),
  };
  last = made;
  return made;
}

/** The attempt already made for this event on this game, if it is the last one made. */
function cached(context: GameContext, key: object): Attempt | null {
  const hit = last;
  return hit !== null &&
    hit.key === key &&
    hit.from === context.game &&
    hit.scenario === context.scenario
    ? hit
    : null;
}

const isControl = (event: MachineEvent): event is ControlEvent =>
  event.type === 'PAUSE' || event.type === 'RESUME';

function attemptEvent(context: GameContext, event: MachineEvent): Attempt | null {
  if (isControl(event)) return null;
  return cached(context, event) ?? attempt(context, event, event);
}

/** A timer ran out: the TIMEOUT it stands for, keyed by the timer's own event. */
function attemptTimeout(context: GameContext, event: object, scope: 'turn' | 'round'): Attempt {
  return cached(context, event) ?? attempt(context, event, { type: 'TIMEOUT', scope });
}

function leadsTo(made: Attempt | null, phase: Phase): boolean {
  const result = made?.result;
  return result?.ok === true && result.value.phase === phase;
}

function applied(context: GameContext, made: Attempt | null): Partial<GameContext> {
  if (!made?.result.ok) return {};
  return {
    game: made.result.value,
    actions: appendAction(context, made.action),
    lastError: null,
  };
}

/**
 * The accepted actions grow by one per move. Copying the whole list on every move cost about a
 * sixth of a bot game, so the list is appended in place when this snapshot owns its end: the
 * game's step counts exactly the actions applied, so a list longer than the step means a later
 * snapshot already appended to it (someone is playing on from an older snapshot), and only then
 * is it copied. Older snapshots may therefore see a longer `actions` list; everything that reads
 * it (saves, replays, exports) reads the current snapshot, and `game` itself is never shared.
 */
function appendAction(context: GameContext, action: GameAction): GameAction[] {
  const owned = context.actions.length === context.game.step;
  const list = owned ? context.actions : context.actions.slice(0, context.game.step);
  list.push(action);
  return list;
}

/** The timer of `scope` starts (its state is entered): it runs from now. */
function startClock(context: GameContext, scope: 'turn' | 'round'): Partial<GameContext> {
  if (context.timers[scope === 'turn' ? 'turnSeconds' : 'roundSeconds'] === null) return {};
  const c = context.clock ?? NO_CLOCK;
  const now = Date.now();
  return { clock: scope === 'turn' ? { ...c, turnFrom: now } : { ...c, roundFrom: now } };
}

/** The timer of `scope` stops (its state is left): a PAUSE keeps its time left, else none. */
function stopClock(
  context: GameContext,
  event: MachineEvent,
  scope: 'turn' | 'round',
): Partial<GameContext> {
  const seconds = context.timers[scope === 'turn' ? 'turnSeconds' : 'roundSeconds'];
  if (seconds === null) return {};
  const c = context.clock ?? NO_CLOCK;
  const [from, left] = scope === 'turn' ? [c.turnFrom, c.turnLeft] : [c.roundFrom, c.roundLeft];
  const kept = event.type === 'PAUSE' ? timeLeft(seconds * 1000, from, left, Date.now()) : null;
  return {
    clock:
      scope === 'turn'
        ? { ...c, turnFrom: null, turnLeft: kept }
        : { ...c, roundFrom: null, roundLeft: kept },
  };
}

const ROOT = '#oversight';

/** The state that shows each phase (negotiation: its `turn` child in the timed variant). */
function phaseTargets(timed: boolean): Record<Phase, string> {
  return {
    briefing: `${ROOT}.playing.briefing`,
    event: `${ROOT}.playing.event`,
    negotiation: timed ? `${ROOT}.playing.negotiation.turn` : `${ROOT}.playing.negotiation`,
    roundEnd: `${ROOT}.playing.roundEnd`,
    stances: `${ROOT}.playing.stances`,
    decision: `${ROOT}.playing.decision`,
    aftermath: `${ROOT}.playing.aftermath`,
    debrief: `${ROOT}.debrief`,
  };
}

type Guard =
  | 'isLegal'
  | 'hasTurnTimer'
  | 'hasRoundTimer'
  | { type: 'leadsTo'; params: { phase: Phase } }
  | { type: 'timeoutLeadsTo'; params: { scope: 'turn' | 'round'; phase: Phase } };
type Action = 'apply' | 'refuse' | 'timeoutTurn' | 'timeoutRound';
type ClockAction = 'startTurnClock' | 'stopTurnClock' | 'startRoundClock' | 'stopRoundClock';
interface Transition {
  guard?: Guard;
  actions: Action;
  target?: string;
  reenter?: boolean;
}

/**
 * Accept these action types in the state that shows phase `here`: a legal move goes straight to
 * the state of the phase it leads to (`here` or one of `next`); an illegal one is refused with
 * the rules' reason. In the timed variant a move that keeps the negotiation going re-enters the
 * turn state, which restarts the turn timer for whoever acts next.
 */
function accept(
  timed: boolean,
  types: readonly GameAction['type'][],
  here: Phase,
  next: readonly Phase[],
): Record<string, Transition[]> {
  const phaseTarget = phaseTargets(timed);
  const stay: Transition =
    timed && here === 'negotiation'
      ? {
          guard: { type: 'leadsTo', params: { phase: here } },
          actions: 'apply',
          target: phaseTarget.negotiation,
          reenter: true,
        }
      : { guard: { type: 'leadsTo', params: { phase: here } }, actions: 'apply' };
  const moves: Transition[] = [
    stay,
    ...next.map(
      (phase): Transition => ({
        guard: { type: 'leadsTo', params: { phase } },
        actions: 'apply',
        target: phaseTarget[phase],
      }),
    ),
    // Not expected (the rules never lead elsewhere), but a legal move is never dropped.
    { guard: 'isLegal', actions: 'apply' },
    { actions: 'refuse' },
  ];
  return Object.fromEntries(types.map((type) => [type, moves]));
}

/** Every game action, handled the same way with `actions`. */
const allActions = (actions: Action | 'refusePaused') =>
  Object.fromEntries(GAME_ACTION_TYPES.map((type) => [type, { actions }]));

/**
 * The moves each phase's state accepts, and the phases a legal one may lead to besides its own.
 * (The debrief accepts none: the game is over.)
 */
const PHASE_MOVES = {
  briefing: { types: ['BEGIN'], next: ['event'] },
  event: { types: ['CONTINUE'], next: ['negotiation'] },
  negotiation: { types: ['PROPOSE', 'PASS', 'RESPOND', 'AMEND', 'TIMEOUT'], next: ['roundEnd'] },
  roundEnd: { types: ['CONTINUE'], next: ['event', 'stances'] },
  stances: { types: ['STANCE'], next: ['decision'] },
  // A defer goes back to negotiation for one more round.
  decision: { types: ['DECIDE'], next: ['event', 'aftermath'] },
  aftermath: { types: ['CONTINUE'], next: ['debrief'] },
} as const satisfies Record<
  Exclude<Phase, 'debrief'>,
  { types: readonly GameAction['type'][]; next: readonly Phase[] }
>;
type PlayPhase = keyof typeof PHASE_MOVES;

/** The `on` of the state that shows `phase`: its moves, from `PHASE_MOVES`. */
const acceptIn = (timed: boolean, phase: PlayPhase) =>
  accept(timed, PHASE_MOVES[phase].types, phase, PHASE_MOVES[phase].next);

function buildMachine(timed: boolean) {
  const phaseTarget = phaseTargets(timed);
  const negotiationOn = acceptIn(timed, 'negotiation');
  return setup({
    types: {
      context: {} as GameContext,
      events: {} as MachineEvent,
      input: {} as GameInput,
    },
    guards: {
      isLegal: ({ context, event }) => attemptEvent(context, event)?.result.ok === true,
      leadsTo: ({ context, event }, params: { phase: Phase }) =>
        leadsTo(attemptEvent(context, event), params.phase),
      timeoutLeadsTo: ({ context, event }, params: { scope: 'turn' | 'round'; phase: Phase }) =>
        (params.scope === 'turn' ? context.timers.turnSeconds : context.timers.roundSeconds) !==
          null && leadsTo(attemptTimeout(context, event, params.scope), params.phase),
      hasTurnTimer: ({ context }) => context.timers.turnSeconds !== null,
      hasRoundTimer: ({ context }) => context.timers.roundSeconds !== null,
    },
    actions: {
      apply: assign(({ context, event }) => applied(context, attemptEvent(context, event))),
      refuse: assign(({ context, event }) => {
        const made = attemptEvent(context, event);
        return made && !made.result.ok ? { lastError: made.result.error } : {};
      }),
      refusePaused: assign({
        lastError: {
          code: 'PAUSED',
          message: 'The game is paused: resume it to play on.',
        } as RuleError,
      }),
      timeoutTurn: assign(({ context, event }) =>
        applied(context, attemptTimeout(context, event, 'turn')),
      ),
      timeoutRound: assign(({ context, event }) =>
        applied(context, attemptTimeout(context, event, 'round')),
      ),
      // The clock (timed variant): a timer starts on entering its state. Leaving it to pause
      // keeps the time left, which the next start (RESUME, through the history state) uses;
      // leaving it any other way (a move, a timeout, the round's end) gives the next one full time.
      startTurnClock: assign(({ context }) => startClock(context, 'turn')),
      stopTurnClock: assign(({ context, event }) => stopClock(context, event, 'turn')),
      startRoundClock: assign(({ context }) => startClock(context, 'round')),
      stopRoundClock: assign(({ context, event }) => stopClock(context, event, 'round')),
    },
    delays: {
      turnDelay: ({ context }) =>
        context.clock?.turnLeft ?? (context.timers.turnSeconds ?? 0) * 1000,
      roundDelay: ({ context }) =>
        context.clock?.roundLeft ?? (context.timers.roundSeconds ?? 0) * 1000,
    },
  }).createMachine({
    id: 'oversight',
    context: ({ input }) => ({
      scenario: input.scenario,
      game: createGame(input.scenario, input.seed),
      timers: normalizeTimers(input.timers),
      actions: [],
      lastError: null,
    }),
    initial: 'playing',
    states: {
      playing: {
        initial: 'briefing',
        on: { PAUSE: 'paused', ...allActions('refuse') },
        states: {
          briefing: {
            on: acceptIn(timed, 'briefing'),
          },
          event: {
            on: acceptIn(timed, 'event'),
          },
          // The timed variant's two timers need two levels; the untimed one needs neither.
          negotiation: timed
            ? {
                initial: 'turn',
                // Entry actions run before the `after` timers are scheduled, so a resumed
                // round timer is scheduled with the time it had left.
                entry: 'startRoundClock' satisfies ClockAction,
                exit: 'stopRoundClock' satisfies ClockAction,
                after: {
                  roundDelay: [
                    {
                      guard: {
                        type: 'timeoutLeadsTo',
                        params: { scope: 'round', phase: 'roundEnd' },
                      },
                      actions: 'timeoutRound',
                      target: phaseTarget.roundEnd,
                    },
                    { guard: 'hasRoundTimer', actions: 'timeoutRound' },
                  ],
                },
                states: {
                  turn: {
                    // The turn timer runs from entering this state: each move re-enters it.
                    entry: 'startTurnClock' satisfies ClockAction,
                    exit: 'stopTurnClock' satisfies ClockAction,
                    after: {
                      turnDelay: [
                        {
                          guard: {
                            type: 'timeoutLeadsTo',
                            params: { scope: 'turn', phase: 'roundEnd' },
                          },
                          actions: 'timeoutTurn',
                          target: phaseTarget.roundEnd,
                        },
                        {
                          guard: 'hasTurnTimer',
                          actions: 'timeoutTurn',
                          target: phaseTarget.negotiation,
                          reenter: true,
                        },
                      ],
                    },
                    on: negotiationOn,
                  },
                },
              }
            : { on: negotiationOn },
          roundEnd: {
            on: acceptIn(timed, 'roundEnd'),
          },
          stances: {
            on: acceptIn(timed, 'stances'),
          },
          decision: {
            on: acceptIn(timed, 'decision'),
          },
          aftermath: {
            on: acceptIn(timed, 'aftermath'),
          },
          // Where RESUME returns to: the exact phase (and sub-phase) that was paused, with the
          // turn and round timers going on from where PAUSE stopped them (see the clock).
          resumePoint: { type: 'history', history: 'deep', target: 'briefing' },
        },
      },
      paused: {
        on: { RESUME: 'playing.resumePoint', ...allActions('refusePaused') },
      },
      debrief: { type: 'final' },
    },
  });
}

export type GameMachine = ReturnType<typeof buildMachine>;

/** The machine with the turn and round timers (they run only when the context sets them). */
export const timedGameMachine: GameMachine = buildMachine(true);
/** The machine without timers: for games with none (bots, simulations, the benchmark). */
export const untimedGameMachine: GameMachine = buildMachine(false);
/**
 * The game machine as other modules have always imported it: the timed variant, so timer
 * settings in the input are honoured. Prefer `gameMachineFor(input.timers)`, which picks the
 * cheaper untimed variant when a game has no timers.
 */
export const gameMachine: GameMachine = timedGameMachine;

export function createGameMachine(options: { timed: boolean }): GameMachine {
  return options.timed ? timedGameMachine : untimedGameMachine;
}

/** The variant a game with these timer settings needs (saved or new, normalised or not). */
export function gameMachineFor(timers: Partial<TimerSettings> | null | undefined): GameMachine {
  const t = normalizeTimers(timers ?? undefined);
  return t.turnSeconds === null && t.roundSeconds === null ? untimedGameMachine : timedGameMachine;
}

/** The atomic state node that shows a phase in this variant of the machine. */
export function phaseStateNode(machine: GameMachine, phase: Phase) {
  const timed = machine === timedGameMachine;
  let node = machine.getStateNodeById(phaseTargets(timed)[phase].slice(1));
  while (node.type === 'compound' && typeof node.config.initial === 'string') {
    const child = node.states[node.config.initial];
    if (!child) break;
    node = child;
  }
  return node;
}

export function normalizeTimers(timers: Partial<TimerSettings> | undefined): TimerSettings {
  return {
    turnSeconds: positiveOrNull(timers?.turnSeconds),
    roundSeconds: positiveOrNull(timers?.roundSeconds),
  };
}

function positiveOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}
