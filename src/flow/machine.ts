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
 */
import { assign, setup } from 'xstate';
import { applyAction } from '../rules/apply.ts';
import { createGame } from '../rules/setup.ts';
import type { GameAction, GameState, Phase, Result, RuleError } from '../rules/types.ts';
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
}

export type ControlEvent = { type: 'PAUSE' } | { type: 'RESUME' };
export type MachineEvent = GameAction | ControlEvent;

/**
 * The guard applies the action to see whether it is legal; the action then reuses that result
 * rather than computing it twice. Keyed by the event object, and checked against the state it
 * was computed from, so a stale entry is never used.
 */
const computed = new WeakMap<object, { from: GameState; result: Result<GameState> }>();

function attempt(context: GameContext, event: GameAction): Result<GameState> {
  const hit = computed.get(event);
  if (hit && hit.from === context.game) return hit.result;
  const result = applyAction(context.scenario, context.game, event);
  computed.set(event, { from: context.game, result });
  return result;
}

const ROOT = '#oversight';
const phaseTarget: Record<Phase, string> = {
  briefing: `${ROOT}.playing.briefing`,
  event: `${ROOT}.playing.round.event`,
  negotiation: `${ROOT}.playing.round.negotiation`,
  roundEnd: `${ROOT}.playing.round.roundEnd`,
  stances: `${ROOT}.playing.stances`,
  decision: `${ROOT}.playing.decision`,
  aftermath: `${ROOT}.playing.aftermath`,
  debrief: `${ROOT}.debrief`,
};

/** Eventless transitions that follow the rules' phase out of a state, to each possible next one. */
function follow(...phases: Phase[]) {
  return phases.map((phase) => ({
    guard: { type: 'phaseIs' as const, params: { phase } },
    target: phaseTarget[phase],
  }));
}

/**
 * Accept these action types here: apply when legal, otherwise remember why not. A legal move
 * re-enters the state it was made in, which restarts that state's timers (the turn timer).
 */
function accept<T extends GameAction['type']>(...types: T[]) {
  const handlers: Record<string, unknown> = {};
  for (const type of types) {
    handlers[type] = [
      { guard: 'isLegal', actions: 'apply', target: '.', reenter: true },
      { actions: 'refuse' },
    ];
  }
  return handlers as Record<
    T,
    [{ guard: 'isLegal'; actions: 'apply'; target: '.'; reenter: true }, { actions: 'refuse' }]
  >;
}

/**
 * Every game action, refused wherever a phase does not take it: the rules then say why (most
 * often WRONG_PHASE), so a click on the wrong screen is explained instead of silently dropped.
 */
const REFUSE_ELSEWHERE = Object.fromEntries(
  (
    [
      'BEGIN',
      'CONTINUE',
      'PROPOSE',
      'PASS',
      'RESPOND',
      'AMEND',
      'TIMEOUT',
      'STANCE',
      'DECIDE',
    ] as const satisfies readonly GameAction['type'][]
  ).map((type) => [type, { actions: 'refuse' as const }]),
) as Record<GameAction['type'], { actions: 'refuse' }>;

export const gameMachine = setup({
  types: {
    context: {} as GameContext,
    events: {} as MachineEvent,
    input: {} as GameInput,
  },
  guards: {
    isLegal: ({ context, event }) =>
      event.type !== 'PAUSE' && event.type !== 'RESUME' && attempt(context, event).ok,
    phaseIs: ({ context }, params: { phase: Phase }) => context.game.phase === params.phase,
    hasTurnTimer: ({ context }) => context.timers.turnSeconds !== null,
    hasRoundTimer: ({ context }) => context.timers.roundSeconds !== null,
  },
  actions: {
    apply: assign(({ context, event }) => {
      if (event.type === 'PAUSE' || event.type === 'RESUME') return {};
      const result = attempt(context, event);
      if (!result.ok) return {};
      return { game: result.value, actions: [...context.actions, event], lastError: null };
    }),
    refuse: assign(({ context, event }) => {
      if (event.type === 'PAUSE' || event.type === 'RESUME') return {};
      const result = attempt(context, event);
      return result.ok ? {} : { lastError: result.error };
    }),
    timeoutTurn: assign(({ context }) => timedOut(context, 'turn')),
    timeoutRound: assign(({ context }) => timedOut(context, 'round')),
  },
  delays: {
    turnDelay: ({ context }) => (context.timers.turnSeconds ?? 0) * 1000,
    roundDelay: ({ context }) => (context.timers.roundSeconds ?? 0) * 1000,
  },
}).createMachine({
  id: 'oversight',
  context: ({ input }) => ({
    scenario: input.scenario,
    game: createGame(input.scenario, input.seed),
    timers: {
      turnSeconds: positiveOrNull(input.timers?.turnSeconds),
      roundSeconds: positiveOrNull(input.timers?.roundSeconds),
    },
    actions: [],
    lastError: null,
  }),
  initial: 'playing',
  states: {
    playing: {
      initial: 'briefing',
      on: { PAUSE: 'paused', ...REFUSE_ELSEWHERE },
      states: {
        briefing: {
          on: accept('BEGIN'),
          always: follow('event'),
        },
        round: {
          initial: 'event',
          states: {
            event: {
              on: accept('CONTINUE'),
              always: follow('negotiation'),
            },
            negotiation: {
              initial: 'turn',
              after: { roundDelay: { guard: 'hasRoundTimer', actions: 'timeoutRound' } },
              always: follow('roundEnd'),
              states: {
                // Re-entered after every move so the turn timer restarts for whoever acts next.
                turn: {
                  after: {
                    turnDelay: {
                      guard: 'hasTurnTimer',
                      actions: 'timeoutTurn',
                      target: 'turn',
                      reenter: true,
                    },
                  },
                  on: accept('PROPOSE', 'PASS', 'RESPOND', 'AMEND', 'TIMEOUT'),
                },
              },
            },
            roundEnd: {
              on: accept('CONTINUE'),
              always: follow('event', 'stances'),
            },
          },
        },
        stances: {
          on: accept('STANCE'),
          always: follow('decision'),
        },
        decision: {
          on: accept('DECIDE'),
          // A defer goes back to negotiation for one more round.
          always: follow('event', 'aftermath'),
        },
        aftermath: {
          on: accept('CONTINUE'),
          always: follow('debrief'),
        },
        // Where RESUME returns to: the exact phase (and sub-phase) that was paused.
        resumePoint: { type: 'history', history: 'deep', target: 'briefing' },
      },
    },
    paused: {
      on: { RESUME: 'playing.resumePoint' },
    },
    debrief: { type: 'final' },
  },
});

/** The atomic state node that shows a phase (negotiation is shown in its "turn" child). */
export function phaseStateNode(phase: Phase) {
  let node = gameMachine.getStateNodeById(phaseTarget[phase].slice(1));
  while (node.type === 'compound' && typeof node.config.initial === 'string') {
    const child = node.states[node.config.initial];
    if (!child) break;
    node = child;
  }
  return node;
}

function timedOut(context: GameContext, scope: 'turn' | 'round'): Partial<GameContext> {
  const action: GameAction = { type: 'TIMEOUT', scope };
  const result = applyAction(context.scenario, context.game, action);
  if (!result.ok) return {};
  return { game: result.value, actions: [...context.actions, action], lastError: null };
}

function positiveOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

export type GameMachine = typeof gameMachine;
