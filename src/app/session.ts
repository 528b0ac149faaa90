/**
 * The game session: the one place that owns the XState actor in the browser. It composes
 *
 *   actor (game truth) ──snapshot──▶ bridge ──▶ store.game / store.handoff / store.screen
 *        ▲                                 └──▶ announcements, autosave
 *        └── session.send(action) from scenes; bot moves scheduled here
 *
 * Scenes never touch the actor: they read the store and call the methods below. No Phaser and
 * no DOM here (storage, the clock and idle callbacks are injected), so the whole flow runs in
 * node tests.
 *
 * A bot's next move is chosen at an idle moment (`idle`) during its delay, after the last move
 * is drawn: on a Chromebook, choosing it in the same task as the move lengthened every move's
 * stall. A move's autosave waits for an idle moment too (`idleSave`, at most SAVE_WITHIN_MS):
 * writing the save (the scenario is most of it, ~100 KB) in the move's task made that task a
 * frame longer. It saves the game as it stands then; leaving the page or hiding it
 * (`saveNow`), quitting, or the game stopping writes a save still waiting at once.
 *
 * Bots: when `nextAutomaticAction` has a move (a bot's turn, or a screen to acknowledge when
 * every seat is a bot), it is sent after a short delay — 700 ms, 150 ms with reduced motion,
 * 4 s when the settings ask for time to read each move (`botPace: 'reading'`), 0 in fast mode
 * (`?fast=1`) — recomputed on the state at that moment, so it is never stale.
 * Screens (event card, round end, aftermath) wait for a person's `continue()` otherwise.
 */
import { createActor, type Subscription } from 'xstate';
import { nextAutomaticAction } from '../bots/autoplay.ts';
import { gameMachineFor } from '../flow/machine.ts';
import type { GameActor } from '../flow/persistence.ts';
import { packageProblem as rulesPackageProblem } from '../rules/packages.ts';
import type { AssuranceId, GameAction, RuleError } from '../rules/types.ts';
import type { AppStoreApi } from '../store/app-store.ts';
import { reducedMotionActive } from '../store/settings.ts';
import type { KeyValueStorage } from '../store/storage.ts';
import type { GameView, Handoff, SavedGameSummary } from '../store/types.ts';
import { describeNewEntries, possessive, roleLabel } from './announce.ts';
import { readBrowserSave, SAVE_KEY, saveText, type TableInfo } from './save.ts';
import { buildGameView, type GameSnapshot, screenForPhase } from './view-model.ts';

export interface SessionOptions {
  store: AppStoreApi;
  storage: KeyValueStorage;
  /** Test mode: bots move with no delay, and a person's moves may follow at once. */
  fast?: boolean;
  /** How long after a person's move another is not taken (default SECOND_PRESS_MS; 0 when fast). */
  secondPressMs?: number;
  /**
   * Milliseconds before a bot moves (default: 700, or 150 with reduced motion; READING_DELAY_MS
   * at reading pace; 0 when fast).
   */
  botDelay?: (pace: { reducedMotion: boolean; reading: boolean }) => number;
  /** Clock for timestamps (default Date.now). Timers use the global setTimeout (fakeable). */
  now?: () => number;
  /**
   * Runs `work` at an idle moment, at the latest after `within` ms (the browser:
   * requestIdleCallback): a bot's choice of its next move. Default: at once.
   */
  idle?: (work: () => void, within: number) => void;
  /**
   * Runs a waiting autosave at an idle moment, at the latest after `within` ms (the browser:
   * requestIdleCallback, waiting for an idle period long enough for a save). Default: at once.
   */
  idleSave?: (work: () => void, within: number) => void;
  /**
   * Calls `changed` when another page (a second tab or window of the game) writes the
   * autosave; returns the unsubscribe. The browser: the `storage` event (view/dom/save-watch.ts).
   */
  watchSave?: (changed: () => void) => () => void;
}

/**
 * A bot's wait at reading pace: time to read a move's line in the log, or to hear it from a
 * screen reader (most say 150–200 words a minute; a move's announcement is 10–40 words).
 */
export const READING_DELAY_MS = 4000;

/**
 * How long after a person's move this page takes no other (ms). On one device the next person's
 * buttons come up where the last person's were (whole class: two groups answering in turn; the
 * decider's stance, then the decision), so a double click or tap meant for one move made the
 * next person's too.
 */
export const SECOND_PRESS_MS = 700;

const SECOND_PRESS =
  'That press came right after the last move, so it was not taken. Press again if you meant it.';

/**
 * The longest a move's autosave waits for an idle moment (ms): shorter than a bot's pace, so a
 * busy page still saves about once a move.
 */
export const SAVE_WITHIN_MS = 500;

const MOVED_ELSEWHERE =
  'Another tab or window of Oversight saved its game over this one, so this one stopped here: two pages saving one game would undo each other’s moves. Continue saved game picks up what that page saved.';

export type StartResult = { ok: true } | { ok: false; message: string };

export interface Session {
  /** Starts a new game from `store.setup`; replaces any game and overwrites the autosave. */
  start(): StartResult;
  /** Reads the autosave (at boot): sets `savedGameSummary`, or a notice when it is unusable. */
  checkSave(): void;
  /** Continues the autosaved game: it comes back paused and is resumed here. */
  continueSaved(): boolean;
  /** A person's move. Refused (false) when it is not theirs to make; the reason is announced. */
  send(action: GameAction): boolean;
  /** Acknowledges the screen: BEGIN on the briefing, CONTINUE on event/round end/aftermath. */
  continue(): boolean;
  /** Pass-and-play: "I am <role>" on the hand-off screen. */
  confirmHandoff(): void;
  /** Pass-and-play briefing: the reader has read their private brief. */
  finishBriefing(): void;
  pause(): void;
  resume(): void;
  /** Back to the title; the autosave stays, so "Continue" picks the game up again. */
  leave(): void;
  /** Deletes the autosave (and a restored game waiting for "Continue"). */
  clearSave(): void;
  /**
   * Saves the game as it stands now, with the time its timers have left (the page is being
   * left: a reload, a closed tab). Moves are saved as they are made anyway.
   */
  saveNow(): void;
  /**
   * Another page wrote the autosave. A game running here stops and goes to the title (its next
   * save would undo that page's moves, and that page's this one's); Continue there picks up
   * the newest save, from either page.
   */
  savedElsewhere(): void;
  /** Why these assurances cannot be proposed now, or null when they can. */
  packageProblem(ids: readonly AssuranceId[]): string | null;
  /**
   * The cards `role` has ticked on its proposing turn (not a move yet), kept so a reload
   * finds them ticked again.
   */
  rememberTicks(role: string, ids: readonly AssuranceId[]): void;
  /** The cards `role` ticked at the game's current step, or [] (another step, another role). */
  rememberedTicks(role: string): AssuranceId[];
  /** The running actor (tests and debugging; scenes use the store). */
  readonly actor: GameActor | null;
  /** Seats, mode and pass-and-play progress of the running game. */
  readonly table: TableInfo | null;
  dispose(): void;
}

/** The cards ticked on a proposing turn (see `rememberTicks`): `{ step, role, ids }`. */
export const TICKS_KEY = 'oversight.ticks.v1';

/** The ticks stored in `text` when they are for `step` and `role`; else (or unreadable) none. */
function readTicks(text: string | null, step: number, role: string): AssuranceId[] {
  if (text === null) return [];
  try {
    const data = JSON.parse(text) as { step?: unknown; role?: unknown; ids?: unknown };
    if (data.step !== step || data.role !== role || !Array.isArray(data.ids)) return [];
    return data.ids.filter((id): id is AssuranceId => typeof id === 'string').slice(0, 3);
  } catch {
    return [];
  }
}

function sameSummary(a: SavedGameSummary | null, b: SavedGameSummary): boolean {
  return (
    a !== null &&
    (Object.keys(b) as (keyof SavedGameSummary)[]).every((key) => Object.is(a[key], b[key]))
  );
}

/** What to do when a scenario leaves someone no move (only a file too large to check in full). */
const SCENARIO_FAULT =
  'The scenario may leave no move open here; check it with the scenario tool (npm run scenario -- validate).';

export function createSession(options: SessionOptions): Session {
  const { store, storage } = options;
  const now = options.now ?? Date.now;
  const botDelay =
    options.botDelay ??
    ((pace: { reducedMotion: boolean; reading: boolean }) =>
      options.fast ? 0 : pace.reading ? READING_DELAY_MS : pace.reducedMotion ? 150 : 700);
  const idle = options.idle ?? ((work: () => void) => work());
  const idleSave = options.idleSave ?? ((work: () => void) => work());
  const secondPressMs = options.secondPressMs ?? (options.fast ? 0 : SECOND_PRESS_MS);

  let actor: GameActor | null = null;
  let table: TableInfo | null = null;
  let subscription: Subscription | null = null;
  /** While true the game drives `store.screen` (false once the players leave for the title). */
  let open = false;
  let seenLog = 0;
  let seenActions = 0;
  let seenError: RuleError | null = null;
  let seenPaused = false;
  let botTimer: ReturnType<typeof setTimeout> | null = null;
  let waitingRestore: {
    actor: GameActor;
    table: TableInfo;
    savedAt: string;
    /** The save it was read from. */
    text: string;
    /** A person had paused it (it stays paused). */
    paused: boolean;
  } | null = null;
  let marks = { turnStartedAt: null as number | null, roundStartedAt: null as number | null };
  let lastRound = -1;
  let lastPrompt = '';
  /** The game is paused because a hand-off screen is up (see `holdClocksForHandoff`). */
  let handoffPause = false;
  /** The last save, when the storage did not keep it (see `autosave`). */
  let unkept: string | null = null;
  /** The save as it stands: the browser's, or this page's when the browser did not keep it. */
  const savedText = () => unkept ?? storage.getItem(SAVE_KEY);
  /** A new look at the autosave after another page wrote it (debounced: it may write often). */
  let recheckTimer: ReturnType<typeof setTimeout> | null = null;

  const announce = (text: string, politeness: 'polite' | 'assertive' = 'polite') =>
    store.getState().announce(text, politeness);

  function summaryOf(a: GameActor, t: TableInfo): SavedGameSummary {
    const { scenario, game } = a.getSnapshot().context;
    return {
      scenarioId: scenario.id,
      scenarioTitle: scenario.title.text,
      phase: game.phase,
      round: game.round,
      roundsTotal: game.roundsTotal,
      mode: t.mode,
      finished: game.phase === 'debrief',
    };
  }

  /** When this page last made a person's move (see SECOND_PRESS_MS). */
  let lastPersonMove = Number.NEGATIVE_INFINITY;

  /** A move's save is waiting for an idle moment (`autosaveSoon`). */
  let saveDue = false;

  /** Saves the game as it stands now (anything waiting to be saved with it). */
  function autosave(): void {
    saveDue = false;
    // A game that failed (its actor errored) would not restore: the last good save stays.
    if (!actor || !table || actor.getSnapshot().status === 'error') return;
    const at = new Date(now());
    try {
      // A person's pause is kept (a teacher's stop survives a reload); a hand-off's is not.
      const paused = actor.getSnapshot().value === 'paused' && !handoffPause;
      const text = saveText(actor, table, at, paused);
      // Not kept by the browser (its storage is full or blocked; the storage warns): kept here,
      // so Quit to title and Continue still work in this page.
      unkept = storage.setItem(SAVE_KEY, text) === false ? text : null;
      // Most saves change nothing the title says: the store is left alone then (a change of
      // it draws a frame, and a move's save comes after the move's own frame).
      const summary = summaryOf(actor, table);
      if (!sameSummary(store.getState().savedGameSummary, summary))
        store.getState().setSavedGameSummary(summary);
    } catch {
      announce('The game could not be saved in this browser.', 'assertive');
    }
  }

  /** Saves at the next idle moment (a move's save: see the top of the file). */
  function autosaveSoon(): void {
    if (saveDue) return;
    saveDue = true;
    idleSave(() => {
      if (saveDue) autosave();
    }, SAVE_WITHIN_MS);
  }

  /** Writes a save still waiting for its idle moment. */
  function flushSave(): void {
    if (saveDue) autosave();
  }

  function cancelBot(): void {
    if (botTimer !== null) clearTimeout(botTimer);
    botTimer = null;
  }

  function reduced(): boolean {
    const s = store.getState();
    return reducedMotionActive(s.settings, s.systemReducedMotion);
  }

  function automaticAction(): GameAction | null {
    if (!actor || !table || !open) return null;
    const snap = actor.getSnapshot();
    if (snap.status !== 'active' || snap.value === 'paused') return null;
    try {
      return nextAutomaticAction(snap.context.scenario, snap.context.game, table.seats);
    } catch (error) {
      // Only a scenario the loader could not check in full can leave a bot no move: the game
      // cannot go on, and everyone is told so (not just a screen reader).
      const why = error instanceof Error ? error.message : String(error);
      stopUnexpectedly(`A bot could not choose a move (${why}). ${SCENARIO_FAULT}`);
      return null;
    }
  }

  function scheduleBot(): void {
    cancelBot();
    if (!actor || !open) return;
    const plannedFor = { snapshot: actor.getSnapshot(), table };
    const unchanged = () =>
      open && actor?.getSnapshot() === plannedFor.snapshot && table === plannedFor.table;
    // The move is chosen at an idle moment before the delay ends (a bot's choice is a function
    // of the game state), or when it ends if none came; chosen again if the state has moved on
    // (a timer, a pause). A person's turn has no automatic move: the timer then does nothing.
    let planned: GameAction | null | undefined;
    const delay = botDelay({
      reducedMotion: reduced(),
      reading: store.getState().settings.botPace === 'reading',
    });
    idle(() => {
      if (planned === undefined && unchanged()) planned = automaticAction();
    }, delay / 2);
    botTimer = setTimeout(() => {
      botTimer = null;
      const action = unchanged() && planned !== undefined ? planned : automaticAction();
      if (action && actor) actor.send(action);
    }, delay);
  }

  function publish(snapshot: GameSnapshot): GameView | null {
    if (!table) return null;
    const { game, handoff } = buildGameView(snapshot, table, marks);
    const c = game.choices;
    if (open && c && (c.kind === 'stance' || c.kind === 'decide') && c.decisions.length === 0) {
      // As for a bot left no move: a person with no decision to click would wait for ever.
      stopUnexpectedly(
        `${roleLabel(game.scenario, c.role)} has no decision open to choose. ${SCENARIO_FAULT}`,
      );
      return null;
    }
    const state = store.getState();
    state.setGame(game, handoff);
    if (open) state.setScreen(screenForPhase(game.phase));
    prompt(game, handoff);
    return game;
  }

  /** Tells the screen reader what is asked of whom, once per situation. */
  function prompt(game: GameView, handoff: Handoff | null): void {
    let text = '';
    if (handoff) {
      text = `Pass the device to ${handoff.roleName}. ${handoff.roleName}: confirm it is you to see your private information.`;
    } else if (game.waiting === 'read' && game.briefing.reader) {
      text = `${roleLabel(game.scenario, game.briefing.reader)}: read your private brief.`;
    } else if (game.choices) {
      const who = roleLabel(game.scenario, game.choices.role);
      const ask = {
        propose: 'propose a package of up to three assurances, or pass',
        // Amend only when an amendment is open (a package is amended once).
        respond:
          game.choices.amendments.length > 0
            ? 'support, oppose or amend the package on the table'
            : 'support or oppose the package on the table',
        stance: 'declare which decision you back',
        decide: 'take the decision',
      }[game.choices.kind];
      text = `${who}, your move: ${ask}.`;
    }
    // Once per situation: a new package asks again; the bots declaring their stances one by
    // one (each a step) while the person is asked do not.
    const kind = game.choices?.kind;
    const key = kind === 'stance' || kind === 'decide' ? `${kind}|${text}` : `${game.step}|${text}`;
    if (text && key !== lastPrompt) announce(text);
    lastPrompt = key;
  }

  function onSnapshot(snapshot: GameSnapshot): void {
    const { scenario, game, actions, lastError } = snapshot.context;
    if (game.log.length > seenLog) {
      for (const text of describeNewEntries(scenario, game.log, seenLog, game.packages))
        announce(text);
    }
    seenLog = game.log.length;
    const paused = snapshot.value === 'paused';
    if (paused !== seenPaused) {
      // A pause for a hand-off is not news: the hand-off screen says what to do.
      if (!handoffPause) announce(paused ? 'The game is paused.' : 'The game continues.');
      if (!paused) marks = { turnStartedAt: now(), roundStartedAt: now() };
      // Saved, so a reload finds it as paused as it was (or running again).
      if (!handoffPause && actions.length === seenActions) autosave();
    }
    seenPaused = paused;
    if (actions.length !== seenActions) {
      seenActions = actions.length;
      marks.turnStartedAt = now();
      if (game.round !== lastRound) marks.roundStartedAt = now();
      lastRound = game.round;
      autosaveSoon();
    }
    if (lastError && lastError !== seenError) announce(lastError.message, 'assertive');
    seenError = lastError;
    publish(snapshot);
    holdClocksForHandoff();
    scheduleBot();
  }

  /**
   * Pass-and-play with a turn or round timer: the clocks stop while the device changes hands.
   * The game is paused while a hand-off screen is up and resumed when the person confirms it
   * is them (`confirmHandoff`), so passing the device costs nobody their time.
   */
  function holdClocksForHandoff(): void {
    if (!actor || handoffPause || store.getState().handoff === null) return;
    const snapshot = actor.getSnapshot();
    const { timers } = snapshot.context;
    if (timers.turnSeconds === null && timers.roundSeconds === null) return;
    if (!snapshot.can({ type: 'PAUSE' })) return;
    handoffPause = true;
    actor.send({ type: 'PAUSE' });
  }

  /** Stops the game here; a save still waiting is written first (`drop`: it is not). */
  function detach(drop = false): void {
    if (drop) saveDue = false;
    else flushSave();
    cancelBot();
    handoffPause = false;
    subscription?.unsubscribe();
    subscription = null;
    actor?.stop();
    actor = null;
    table = null;
  }

  function adopt(next: GameActor, nextTable: TableInfo): void {
    detach();
    actor = next;
    table = nextTable;
    const snapshot = next.getSnapshot();
    seenLog = snapshot.context.game.log.length;
    seenActions = snapshot.context.actions.length;
    seenError = snapshot.context.lastError;
    seenPaused = snapshot.value === 'paused';
    lastRound = snapshot.context.game.round;
    marks = { turnStartedAt: now(), roundStartedAt: now() };
    lastPrompt = '';
    open = true;
    subscription = next.subscribe({
      next: onSnapshot,
      error: (error) => stopUnexpectedly(error instanceof Error ? error.message : String(error)),
    });
    publish(snapshot);
    holdClocksForHandoff();
  }

  /**
   * The game cannot go on: it stops (no timer runs on behind the title) and the title says
   * why; the last move is saved.
   */
  function stopUnexpectedly(why: string): void {
    detach();
    open = false;
    store.getState().setGame(null);
    session.checkSave();
    store.getState().setNotice({ kind: 'error', text: `The game stopped unexpectedly: ${why}` });
    announce('The game stopped unexpectedly. Your last move is saved.', 'assertive');
    store.getState().setScreen('title');
  }

  /** Re-publishes after a change the actor does not know about (hand-off, briefing). */
  function refresh(): void {
    if (!actor) return;
    publish(actor.getSnapshot());
    holdClocksForHandoff();
    scheduleBot();
  }

  const session: Session = {
    get actor() {
      return actor;
    },
    get table() {
      return table;
    },

    start() {
      const { setup, catalogue } = store.getState();
      const entry = catalogue.find((e) => e.key === setup.scenarioKey);
      if (!entry) return { ok: false, message: 'Choose a scenario first.' };
      const scenario = entry.scenario;
      const seats = { ...setup.seats };
      if (!scenario.roles.every((r) => seats[r.id] !== undefined)) {
        return { ok: false, message: 'Every role needs a seat: a person or a bot.' };
      }
      waitingRestore?.actor.stop();
      waitingRestore = null;
      const timers = { turnSeconds: setup.turnSeconds, roundSeconds: setup.roundSeconds };
      const next = createActor(gameMachineFor(timers), {
        input: { scenario, seed: setup.seed, timers },
      });
      next.start();
      store.getState().setNotice(null);
      // Ticks from an earlier game are not this one's, even at the same step.
      storage.removeItem(TICKS_KEY);
      adopt(next, {
        mode: setup.mode,
        seats,
        briefed: [],
        holder: null,
        ...(setup.tableName ? { name: setup.tableName } : {}),
      });
      autosave();
      scheduleBot();
      // The next game gets a seed of its own (the set-up is remembered, and a class playing
      // again would otherwise meet the same events), unless a person typed this one: a teacher
      // giving every table the same game. This one's seed is in its debrief.
      if (!setup.seedChosen) store.getState().newSeed();
      return { ok: true };
    },

    checkSave() {
      waitingRestore?.actor.stop();
      waitingRestore = null;
      const text = savedText();
      if (text === null) {
        store.getState().setSavedGameSummary(null);
        return;
      }
      const read = readBrowserSave(text);
      if (!read.ok) {
        unkept = null;
        storage.removeItem(SAVE_KEY);
        store.getState().setSavedGameSummary(null);
        store.getState().setNotice({
          kind: 'save-problem',
          text: `Your saved game could not be continued. ${read.message} You can start a new game.`,
        });
        return;
      }
      waitingRestore = {
        actor: read.actor,
        table: read.table,
        savedAt: read.savedAt,
        text,
        paused: read.paused,
      };
      store.getState().setSavedGameSummary(summaryOf(read.actor, read.table));
    },

    continueSaved() {
      // Read again when the save changed since (another page of the game played on).
      if (waitingRestore?.text !== savedText()) session.checkSave();
      const saved = waitingRestore;
      if (!saved) return false;
      waitingRestore = null;
      store.getState().setNotice(null);
      // Pass-and-play: whoever holds the device now need not be the person who held it when
      // the game was saved, so it asks for the device to be handed over before it shows
      // anyone's private values.
      const table =
        saved.table.mode === 'pass-and-play' ? { ...saved.table, holder: null } : saved.table;
      adopt(saved.actor, table);
      // Paused by the restore (timers are not re-armed): resumed; paused by a person: as it was.
      if (saved.actor.getSnapshot().value === 'paused' && !saved.paused)
        saved.actor.send({ type: 'RESUME' });
      // Saved at once (with its new time): another page playing this game stops now, not at
      // the next move, where its move would be lost.
      autosave();
      scheduleBot();
      return true;
    },

    send(action) {
      if (!actor || !table) return false;
      const { scenario } = actor.getSnapshot().context;
      if ('role' in action) {
        const name = roleLabel(scenario, action.role);
        if (table.seats[action.role] !== 'human') {
          announce(`${name} is played by a bot.`, 'assertive');
          return false;
        }
        const handoff = store.getState().handoff;
        if (handoff) {
          announce(`Pass the device to ${handoff.roleName} first.`, 'assertive');
          return false;
        }
        if (table.mode === 'pass-and-play' && table.holder !== action.role) {
          announce(`It is not ${possessive(name)} move.`, 'assertive');
          return false;
        }
      }
      // A clock set back (a time sync, a Chromebook waking) makes the gap negative: no guard.
      const since = now() - lastPersonMove;
      if (since >= 0 && since < secondPressMs) {
        store.getState().announce(SECOND_PRESS, 'assertive', { show: true });
        return false;
      }
      const before = actor.getSnapshot().context.actions.length;
      actor.send(action);
      const taken = (actor?.getSnapshot().context.actions.length ?? before) > before;
      if (taken) lastPersonMove = now();
      return taken;
    },

    continue() {
      const game = store.getState().game;
      if (game?.waiting !== 'continue') return false;
      return session.send(game.phase === 'briefing' ? { type: 'BEGIN' } : { type: 'CONTINUE' });
    },

    confirmHandoff() {
      const handoff = store.getState().handoff;
      if (!table || !handoff) return;
      table = { ...table, holder: handoff.role };
      announce(`${handoff.roleName} has the device.`);
      if (handoffPause) {
        // The clocks go on from where the hand-off stopped them.
        actor?.send({ type: 'RESUME' });
        handoffPause = false;
      }
      refresh();
      autosave();
    },

    finishBriefing() {
      const game = store.getState().game;
      if (!table || !game || game.waiting !== 'read' || !game.briefing.reader) return;
      table = { ...table, briefed: [...table.briefed, game.briefing.reader] };
      refresh();
      autosave();
    },

    pause() {
      actor?.send({ type: 'PAUSE' });
    },

    resume() {
      // Pass-and-play: whoever resumes need not be the person who paused (a pause is often a
      // class discussion, the device passed around): the device is asked for again before any
      // private value is shown, as after Continue.
      if (table?.mode === 'pass-and-play' && actor?.getSnapshot().value === 'paused')
        table = { ...table, holder: null };
      actor?.send({ type: 'RESUME' });
    },

    leave() {
      detach();
      open = false;
      const state = store.getState();
      state.setGame(null);
      session.checkSave();
      state.setScreen('title');
    },

    clearSave() {
      unkept = null;
      storage.removeItem(SAVE_KEY);
      storage.removeItem(TICKS_KEY);
      waitingRestore?.actor.stop();
      waitingRestore = null;
      store.getState().setSavedGameSummary(null);
    },

    packageProblem(ids) {
      if (!actor) return 'No game is running.';
      const { scenario, game } = actor.getSnapshot().context;
      return rulesPackageProblem(scenario, game, ids);
    },

    rememberTicks(role, ids) {
      if (!actor) return;
      const step = actor.getSnapshot().context.game.step;
      storage.setItem(TICKS_KEY, JSON.stringify({ step, role, ids }));
    },

    rememberedTicks(role) {
      if (!actor) return [];
      const step = actor.getSnapshot().context.game.step;
      return readTicks(storage.getItem(TICKS_KEY), step, role);
    },

    saveNow() {
      const game = store.getState().game;
      if (open && game && !game.over) autosave();
      else flushSave();
    },

    savedElsewhere() {
      unkept = null;
      waitingRestore?.actor.stop();
      waitingRestore = null;
      const game = store.getState().game;
      if (open && actor && game && !game.over) {
        // This page's last move, not saved yet, is not written over that page's save.
        detach(true);
        open = false;
        const state = store.getState();
        state.setGame(null);
        session.checkSave();
        state.setNotice({ kind: 'info', text: MOVED_ELSEWHERE });
        announce(MOVED_ELSEWHERE, 'assertive');
        state.setScreen('title');
        return;
      }
      // Not playing here: the title's "Continue" shows the newest save (Continue itself reads
      // the save again if it comes first).
      if (recheckTimer !== null) clearTimeout(recheckTimer);
      recheckTimer = setTimeout(() => {
        recheckTimer = null;
        if (!actor) session.checkSave();
      }, 1000);
    },

    dispose() {
      stopWatching();
      if (recheckTimer !== null) clearTimeout(recheckTimer);
      detach();
      waitingRestore?.actor.stop();
      waitingRestore = null;
      open = false;
    },
  };
  const stopWatching = options.watchSave?.(() => session.savedElsewhere()) ?? (() => undefined);
  return session;
}
