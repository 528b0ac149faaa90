/**
 * From an actor snapshot to what the screens show (the store's `game` and `handoff`). Pure, so
 * the rules of who sees what — the heart of pass-and-play — are tested without a browser:
 *
 * - solo: the view is always the person's role (or public when only bots play);
 * - projector: always the public view (the whole class sees the screen);
 * - pass-and-play: when a person other than the one holding the device must act (or read their
 *   brief), `handoff` names them and the view is public until they confirm "I am …".
 */
import type { SnapshotFrom } from 'xstate';
import type { Seat } from '../bots/types.ts';
import type { gameMachine, TimerClock, TimerSettings } from '../flow/machine.ts';
import { openDecisions } from '../rules/decision.ts';
import { actingRole, legalAmendments } from '../rules/legal.ts';
import { proposableAssurances } from '../rules/packages.ts';
import type { GameState, Phase, RoleId } from '../rules/types.ts';
import { viewFor } from '../rules/view.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { GameView, Handoff, HumanChoices, Screen, Waiting } from '../store/types.ts';
import { roleLabel } from './announce.ts';
import type { TableInfo } from './save.ts';

export type GameSnapshot = SnapshotFrom<typeof gameMachine>;

/** The screen that shows a phase. */
export function screenForPhase(phase: Phase): Screen {
  switch (phase) {
    case 'briefing':
      return 'briefing';
    case 'event':
    case 'negotiation':
    case 'roundEnd':
      return 'table';
    case 'stances':
    case 'decision':
      return 'decision';
    case 'aftermath':
      return 'aftermath';
    case 'debrief':
      return 'debrief';
  }
}

/** "playing.negotiation.turn" from XState's nested state value. */
export function statePath(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const [key, inner] = Object.entries(value)[0] ?? [];
    if (key === undefined) return '';
    const rest = statePath(inner);
    return rest ? `${key}.${rest}` : key;
  }
  return '';
}

const isHuman = (seats: Record<RoleId, Seat>, role: RoleId | null | undefined): role is RoleId =>
  role !== null && role !== undefined && seats[role] === 'human';

/** Pass-and-play: people who still have to read their private brief, in turn order. */
export function briefingQueue(scenario: Scenario, table: TableInfo): RoleId[] {
  if (table.mode !== 'pass-and-play') return [];
  return scenario.rounds.turnOrder.filter(
    (r) => table.seats[r] === 'human' && !table.briefed.includes(r),
  );
}

/** The person whose input the game needs now, if any. */
export function personToAct(
  scenario: Scenario,
  game: GameState,
  table: TableInfo,
): { role: RoleId; why: Handoff['why'] } | null {
  switch (game.phase) {
    case 'briefing': {
      const reader = briefingQueue(scenario, table)[0];
      return reader ? { role: reader, why: 'briefing' } : null;
    }
    case 'negotiation':
    case 'decision': {
      const role = actingRole(scenario, game);
      return isHuman(table.seats, role) ? { role, why: 'turn' } : null;
    }
    case 'stances': {
      const role = scenario.rounds.turnOrder.find(
        (r) => table.seats[r] === 'human' && game.stances[r] === undefined,
      );
      return role ? { role, why: 'turn' } : null;
    }
    default:
      return null;
  }
}

function choicesFor(scenario: Scenario, game: GameState, role: RoleId): HumanChoices | null {
  const base = { role, proposable: [], amendments: [], decisions: [] };
  switch (game.phase) {
    case 'negotiation':
      return game.pending
        ? { ...base, kind: 'respond', amendments: legalAmendments(scenario, game) }
        : { ...base, kind: 'propose', proposable: proposableAssurances(scenario, game) };
    case 'stances':
      return { ...base, kind: 'stance', decisions: openDecisions(scenario, game).map((d) => d.id) };
    case 'decision':
      return { ...base, kind: 'decide', decisions: openDecisions(scenario, game).map((d) => d.id) };
    default:
      return null;
  }
}

export interface TimerMarks {
  turnStartedAt: number | null;
  roundStartedAt: number | null;
}

/**
 * The timers as the screens count them down: `total - (now - startedAt)`. The machine's clock
 * (when it has one) is the truth — after a pause the timer goes on with the time it had left,
 * so it "started" that much earlier; the session's marks are the fallback.
 */
function timersView(
  timers: TimerSettings,
  clock: TimerClock | undefined,
  marks: TimerMarks,
  pausedInNegotiation: boolean,
): GameView['timers'] {
  // Paused: the clock holds what each timer has left (the pause screen shows it).
  const held = (seconds: number | null, left: number | null | undefined) =>
    seconds === null ? null : (left ?? seconds * 1000);
  const frozen =
    pausedInNegotiation && clock
      ? {
          turnMs: held(timers.turnSeconds, clock.turnLeft),
          roundMs: held(timers.roundSeconds, clock.roundLeft),
        }
      : null;
  const start = (
    seconds: number | null,
    from: number | null,
    left: number | null,
    mark: number | null,
  ) => {
    if (seconds === null) return null;
    if (!clock) return mark;
    return from === null ? null : from - (seconds * 1000 - (left ?? seconds * 1000));
  };
  return {
    turnSeconds: timers.turnSeconds,
    roundSeconds: timers.roundSeconds,
    frozen,
    turnStartedAt: start(
      timers.turnSeconds,
      clock?.turnFrom ?? null,
      clock?.turnLeft ?? null,
      marks.turnStartedAt,
    ),
    roundStartedAt: start(
      timers.roundSeconds,
      clock?.roundFrom ?? null,
      clock?.roundLeft ?? null,
      marks.roundStartedAt,
    ),
  };
}

/** The phases whose screens the whole table reads together (anyone presses Continue). */
const SHARED_PHASES: ReadonlySet<Phase> = new Set(['briefing', 'event', 'roundEnd', 'aftermath']);

export function buildGameView(
  snapshot: GameSnapshot,
  table: TableInfo,
  marks: TimerMarks,
): { game: GameView; handoff: Handoff | null } {
  const { scenario, game, timers, lastError } = snapshot.context;
  const paused = snapshot.value === 'paused';
  const over = snapshot.status === 'done' || game.phase === 'debrief';
  const allBots = scenario.roles.every((r) => table.seats[r.id] !== 'human');
  const person = over ? null : personToAct(scenario, game, table);

  const handoff: Handoff | null =
    table.mode === 'pass-and-play' && person && person.role !== table.holder
      ? { role: person.role, roleName: roleLabel(scenario, person.role), why: person.why }
      : null;

  let viewer: RoleId | null;
  if (table.mode === 'projector') viewer = null;
  else if (table.mode === 'solo')
    viewer = scenario.rounds.turnOrder.find((r) => table.seats[r] === 'human') ?? null;
  // Pass-and-play: behind a hand-off, and on a screen for the whole table with nobody's move
  // to make ("Begin round 1" once everyone has read, an event, a round's end, the aftermath),
  // the view is public: it said "(you)" of whoever last held the device.
  else if (handoff || (!person && SHARED_PHASES.has(game.phase))) viewer = null;
  else viewer = table.holder;

  const queue = game.phase === 'briefing' ? briefingQueue(scenario, table) : [];
  let waiting: Waiting;
  if (over) waiting = 'over';
  // A hand-off first: the game is paused behind it while the clocks are held (session.ts).
  else if (handoff) waiting = 'handoff';
  else if (paused) waiting = 'paused';
  else if (person?.why === 'briefing') waiting = 'read';
  else if (person) waiting = 'human';
  else if (
    game.phase === 'briefing' ||
    game.phase === 'event' ||
    game.phase === 'roundEnd' ||
    game.phase === 'aftermath'
  )
    waiting = allBots ? 'bot' : 'continue';
  else waiting = 'bot';

  const acting = actingRole(scenario, game);
  const view: GameView = {
    scenario,
    view: viewFor(scenario, game, viewer),
    viewer,
    phase: game.phase,
    machineState: statePath(snapshot.value),
    paused,
    over,
    lastError,
    mode: table.mode,
    tableName: table.name ?? null,
    seats: table.seats,
    acting: { role: acting, seat: acting ? (table.seats[acting] ?? null) : null },
    waiting,
    choices: waiting === 'human' && person ? choicesFor(scenario, game, person.role) : null,
    briefing: { reader: waiting === 'read' ? (person?.role ?? null) : null, pending: queue },
    timers: timersView(
      timers,
      snapshot.context.clock,
      marks,
      paused && game.phase === 'negotiation',
    ),
    step: game.step,
  };
  return { game: view, handoff };
}
