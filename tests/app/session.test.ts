import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readBrowserSave, SAVE_KEY } from '../../src/app/save.ts';
import {
  createSession,
  READING_DELAY_MS,
  SECOND_PRESS_MS,
  type Session,
} from '../../src/app/session.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { memoryStorage } from '../../src/store/storage.ts';
import type { GameView } from '../../src/store/types.ts';
import { fixedRandom, fixtureCatalogue } from '../store/support.ts';
import { variant } from '../support/scenarios.ts';

const BOT_DELAY = 700;

function setUp(storage = memoryStorage()) {
  const store = createAppStore({ catalogue: fixtureCatalogue('table'), random: fixedRandom });
  const session = createSession({ store, secondPressMs: 0, storage });
  return { store, session, storage };
}

/** The page opened again on the same storage (a reload), with the saved game continued. */
function reopened(storage: ReturnType<typeof memoryStorage>) {
  const next = setUp(storage);
  next.session.checkSave();
  expect(next.session.continueSaved()).toBe(true);
  return next;
}

/** A person who always takes the first option: pass, support, the first open decision. */
function personMove(session: Session, game: GameView): boolean {
  const choices = game.choices;
  if (!choices) return false;
  const role = choices.role;
  switch (choices.kind) {
    case 'propose': {
      const first = choices.proposable.find((id) => session.packageProblem([id]) === null);
      return session.send(
        first ? { type: 'PROPOSE', role, assurances: [first] } : { type: 'PASS', role },
      );
    }
    case 'respond':
      return session.send({ type: 'RESPOND', role, response: 'support' });
    default:
      return session.send({
        type: choices.kind === 'stance' ? 'STANCE' : 'DECIDE',
        role,
        decision: choices.decisions.at(-1) ?? '',
      });
  }
}

/** Plays on: people act at once, bots after their delay in fake time. */
function playToEnd(session: Session, store: ReturnType<typeof setUp>['store'], limit = 2000) {
  for (let i = 0; i < limit; i++) {
    const game = store.getState().game;
    if (!game) throw new Error('no game');
    switch (game.waiting) {
      case 'over':
        return i;
      case 'continue':
        expect(session.continue()).toBe(true);
        break;
      case 'handoff':
        session.confirmHandoff();
        break;
      case 'read':
        session.finishBriefing();
        break;
      case 'human':
        expect(personMove(session, game)).toBe(true);
        break;
      case 'bot':
        vi.advanceTimersByTime(BOT_DELAY);
        break;
      case 'paused':
        session.resume();
        break;
    }
  }
  throw new Error('the game did not end');
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('solo game', () => {
  it('plays to the debrief with bots in fake time', () => {
    const { store, session } = setUp();
    expect(session.start()).toEqual({ ok: true });
    expect(store.getState().screen).toBe('briefing');
    const game = store.getState().game;
    expect(game?.viewer).toBe('mayor');
    expect(game?.view.me?.role).toBe('mayor');
    expect(game?.waiting).toBe('continue');

    const screens = new Set<string>();
    const unsubscribe = store.subscribe(
      (s) => s.screen,
      (screen) => screens.add(screen),
    );
    playToEnd(session, store);
    unsubscribe();

    const end = store.getState();
    expect(end.screen).toBe('debrief');
    expect([...screens]).toEqual(
      expect.arrayContaining(['table', 'decision', 'aftermath', 'debrief']),
    );
    expect(end.game?.over).toBe(true);
    expect(end.game?.view.revealed?.roles).toHaveLength(4);
    const texts = end.announcements.map((a) => a.text).join('\n');
    // Meter changes come with numbers, bot moves with their reason.
    expect(texts).toMatch(/(Trust|Security|Privacy) (up|down) \d+(\.\d)? to \d+/);
    expect(texts).toMatch(/^\w+ (opposes|supports|passes|proposes)[^:]*: .+/m);
  });

  it('replaces a drawn seed after Start, and keeps one a person typed', () => {
    // Draws that differ (the other tests draw the same seed every time).
    let draws = 0;
    const random = () => (++draws % 10) / 10;
    const store = createAppStore({ catalogue: fixtureCatalogue('table'), random });
    const session = createSession({ store, secondPressMs: 0, storage: memoryStorage() });
    const drawn = store.getState().setup.seed;
    session.start();
    expect(session.actor?.getSnapshot().context.game.seed).toBe(drawn);
    // Played again, a class would otherwise meet the same events in the same order.
    expect(store.getState().setup.seed).not.toBe(drawn);

    // A teacher giving every table the same game types it once.
    store.getState().setSeed(42);
    session.start();
    expect(session.actor?.getSnapshot().context.game.seed).toBe(42);
    expect(store.getState().setup.seed).toBe(42);
  });

  it('waits for bots: nothing moves before the delay, one move after it', () => {
    const { store, session } = setUp();
    session.start();
    session.continue(); // BEGIN
    session.continue(); // the first event card
    const before = store.getState().game;
    expect(before?.phase).toBe('negotiation');
    expect(before?.waiting).toBe('bot'); // the police move first
    vi.advanceTimersByTime(BOT_DELAY - 1);
    expect(store.getState().game?.step).toBe(before?.step);
    vi.advanceTimersByTime(1);
    expect(store.getState().game?.step).toBe((before?.step ?? 0) + 1);
  });

  it('chooses a bot move at an idle moment in its delay, the move it would choose at the end', () => {
    // All bots, so every move is chosen by a bot; the same seed for both tables.
    const table = (idle?: (work: () => void) => void) => {
      const store = createAppStore({ catalogue: fixtureCatalogue('table'), random: fixedRandom });
      for (const role of ['mayor', 'police', 'vendor', 'rights'])
        store.getState().setSeat(role, 'hard');
      const session = createSession({ store, secondPressMs: 0, storage: memoryStorage(), idle });
      session.start();
      return { store, session };
    };
    const waiting: (() => void)[] = [];
    const eager = table();
    const lazy = table((work) => waiting.push(work));
    for (let move = 0; move < 40; move++) {
      // Idle moments come for some moves and not for others (the timer then chooses).
      if (move % 3 !== 0) for (const work of waiting.splice(0)) work();
      else waiting.length = 0;
      vi.advanceTimersByTime(BOT_DELAY);
    }
    const actions = (s: Session) => s.actor?.getSnapshot().context.actions;
    expect(actions(lazy.session)?.length).toBeGreaterThan(20);
    expect(actions(lazy.session)).toEqual(actions(eager.session));
    expect(lazy.store.getState().game?.step).toBe(eager.store.getState().game?.step);
  });

  it('moves bots faster with reduced motion', () => {
    const { store, session } = setUp();
    store.getState().updateSettings({ reducedMotion: 'on' });
    session.start();
    session.continue();
    session.continue();
    const step = store.getState().game?.step ?? 0;
    vi.advanceTimersByTime(150);
    expect(store.getState().game?.step).toBe(step + 1);
  });

  it('gives each bot move time to be read at reading pace, even with reduced motion', () => {
    const { store, session } = setUp();
    store.getState().updateSettings({ botPace: 'reading', reducedMotion: 'on' });
    session.start();
    session.continue();
    session.continue();
    const step = store.getState().game?.step ?? 0;
    vi.advanceTimersByTime(READING_DELAY_MS - 1);
    expect(store.getState().game?.step).toBe(step);
    vi.advanceTimersByTime(1);
    expect(store.getState().game?.step).toBe(step + 1);
  });

  it('plays an all-bot table on its own, screens included', () => {
    const { store, session } = setUp();
    for (const role of ['mayor', 'police', 'vendor', 'rights'])
      store.getState().setSeat(role, 'easy');
    session.start();
    expect(store.getState().game?.viewer).toBeNull();
    vi.advanceTimersByTime(BOT_DELAY * 400);
    expect(store.getState().game?.over).toBe(true);
    expect(store.getState().screen).toBe('debrief');
  });

  it('refuses moves for bot seats and explains refused moves', () => {
    const { store, session } = setUp();
    session.start();
    expect(session.send({ type: 'PASS', role: 'police' })).toBe(false);
    expect(store.getState().announcements.at(-1)).toMatchObject({
      politeness: 'assertive',
      text: expect.stringContaining('bot'),
    });
    expect(session.send({ type: 'DECIDE', role: 'mayor', decision: 'block' })).toBe(false);
    expect(store.getState().game?.lastError?.code).toBe('WRONG_PHASE');
    expect(store.getState().announcements.at(-1)?.politeness).toBe('assertive');
  });
});

describe('what the screen reader is asked to say', () => {
  it('asks the person for their stance once, while the bots declare theirs', () => {
    const { store, session } = setUp();
    session.start();
    for (let i = 0; i < 2000; i++) {
      const game = store.getState().game;
      if (!game || game.choices?.kind === 'stance') break;
      if (game.waiting === 'continue') session.continue();
      else if (game.waiting === 'human') personMove(session, game);
      else vi.advanceTimersByTime(BOT_DELAY);
    }
    expect(store.getState().game?.choices?.kind).toBe('stance');
    // The bots declare one by one (each a step) while the person is asked.
    vi.advanceTimersByTime(5 * BOT_DELAY);
    const asked = store
      .getState()
      .announcements.filter((a) => a.text.includes('declare which decision you back'));
    expect(asked).toHaveLength(1);
  });
});

describe('pass-and-play', () => {
  function passAndPlay() {
    const ctx = setUp();
    ctx.store.getState().setMode('pass-and-play');
    ctx.store.getState().setSeat('vendor', 'normal');
    ctx.store.getState().setSeat('rights', 'normal');
    ctx.session.start(); // people: police (first in turn order) and mayor
    return ctx;
  }

  it('asks for the device again when a saved game is continued, before any private value', () => {
    const { store, session } = passAndPlay();
    session.confirmHandoff();
    expect(store.getState().game?.view.me?.role).toBe('police');
    session.leave();
    expect(session.continueSaved()).toBe(true);
    const s = store.getState();
    expect(s.handoff).toMatchObject({ role: 'police', why: 'briefing' });
    expect(s.game?.viewer).toBeNull();
    expect(s.game?.view.me).toBeNull();
    session.confirmHandoff();
    expect(store.getState().game?.view.me?.role).toBe('police');
  });

  it('asks for the device again after a pause, before any private value', () => {
    const { store, session } = passAndPlay();
    session.confirmHandoff();
    expect(store.getState().game?.view.me?.role).toBe('police');
    session.pause();
    session.resume();
    const s = store.getState();
    expect(s.handoff).toMatchObject({ role: 'police', why: 'briefing' });
    expect(s.game?.view.me).toBeNull();
    session.confirmHandoff();
    expect(store.getState().game?.view.me?.role).toBe('police');
  });

  it('hides private info until the person confirms, through the briefing', () => {
    const { store, session } = passAndPlay();
    let s = store.getState();
    expect(s.handoff).toMatchObject({ role: 'police', why: 'briefing' });
    expect(s.game?.waiting).toBe('handoff');
    expect(s.game?.viewer).toBeNull();
    expect(s.game?.view.me).toBeNull();

    session.confirmHandoff();
    s = store.getState();
    expect(s.handoff).toBeNull();
    expect(s.game?.waiting).toBe('read');
    expect(s.game?.view.me?.role).toBe('police');

    session.finishBriefing();
    s = store.getState();
    expect(s.handoff).toMatchObject({ role: 'mayor', why: 'briefing' });
    expect(s.game?.view.me).toBeNull();
    session.confirmHandoff();
    expect(store.getState().game?.view.me?.role).toBe('mayor');
    session.finishBriefing();
    expect(store.getState().game?.waiting).toBe('continue');
    // "Begin round 1" is for the whole table: nobody's brief is in the view.
    expect(store.getState().game?.view.me).toBeNull();
    expect(session.continue()).toBe(true); // BEGIN
  });

  it('hands the device over before a different person acts, and refuses moves until then', () => {
    const { store, session } = passAndPlay();
    for (let i = 0; i < 2; i++) {
      session.confirmHandoff();
      session.finishBriefing();
    }
    session.continue(); // BEGIN
    // The event is for the whole table: public, not the view of whoever held the device last.
    expect(store.getState().game?.phase).toBe('event');
    expect(store.getState().game?.viewer).toBeNull();
    session.continue(); // event card
    let s = store.getState();
    // Mayor held the device last; the police open the negotiation.
    expect(s.game?.phase).toBe('negotiation');
    expect(s.handoff).toMatchObject({ role: 'police', why: 'turn' });
    expect(s.game?.view.me).toBeNull();
    expect(s.game?.choices).toBeNull();
    expect(session.send({ type: 'PASS', role: 'police' })).toBe(false);

    session.confirmHandoff();
    s = store.getState();
    expect(s.game?.view.me?.role).toBe('police');
    expect(s.game?.choices?.kind).toBe('propose');
    expect(session.send({ type: 'PASS', role: 'police' })).toBe(true);
    // The vendor (a bot) is next: police keep the device, nobody is asked to hand over.
    expect(store.getState().handoff).toBeNull();
    expect(store.getState().game?.viewer).toBe('police');
  });

  it('plays to the debrief', () => {
    const { store, session } = passAndPlay();
    playToEnd(session, store);
    expect(store.getState().screen).toBe('debrief');
  });
});

describe('projector', () => {
  it('always shows the public view', () => {
    const { store, session } = setUp();
    store.getState().setMode('projector');
    session.start();
    expect(store.getState().handoff).toBeNull();
    expect(store.getState().game?.view.me).toBeNull();
    playToEnd(session, store);
    expect(store.getState().game?.viewer).toBeNull();
  });
});

describe('a second press right after a move', () => {
  it("is not taken as the next person's move (whole class: two groups in turn on one device)", () => {
    const store = createAppStore({ catalogue: fixtureCatalogue('table'), random: fixedRandom });
    const session = createSession({ store, storage: memoryStorage() });
    store.getState().setMode('projector');
    for (const role of ['mayor', 'police', 'vendor', 'rights'])
      store.getState().setSeat(role, 'human');
    session.start();
    session.continue();
    // The event card's Continue, then the first person's move at once: a double click.
    expect(session.continue()).toBe(false);
    vi.advanceTimersByTime(SECOND_PRESS_MS);
    expect(session.continue()).toBe(true);
    vi.advanceTimersByTime(SECOND_PRESS_MS);
    const game = () => store.getState().game as GameView;
    expect(game().waiting).toBe('human');
    expect(personMove(session, game())).toBe(true);
    const step = game().step;
    const next = game().choices?.role;
    expect(personMove(session, game())).toBe(false);
    expect(game().step).toBe(step);
    // Said, and shown (a sighted group would otherwise see its press do nothing).
    expect(store.getState().announcements.at(-1)).toMatchObject({
      text: expect.stringMatching(/right after the last move/),
      show: true,
    });
    // A moment later the same press is a move.
    vi.advanceTimersByTime(SECOND_PRESS_MS);
    expect(game().choices?.role).toBe(next);
    expect(personMove(session, game())).toBe(true);
    // A clock set back (a time sync) does not refuse every move until it catches up.
    vi.setSystemTime(Date.now() - 3_600_000);
    vi.advanceTimersByTime(SECOND_PRESS_MS);
    expect(personMove(session, game())).toBe(true);
    session.dispose();
  });
});

describe('autosave', () => {
  it('saves at the start and after every accepted move', () => {
    const { store, session, storage } = setUp();
    const writes = vi.spyOn(storage, 'setItem');
    session.start();
    const saves = () => writes.mock.calls.filter(([key]) => key === SAVE_KEY);
    expect(saves()).toHaveLength(1);
    let moves = 0;
    for (let i = 0; i < 12; i++) {
      const game = store.getState().game;
      if (!game) break;
      const before = session.actor?.getSnapshot().context.actions.length ?? 0;
      if (game.waiting === 'continue') session.continue();
      else if (game.waiting === 'human') personMove(session, game);
      else vi.advanceTimersByTime(BOT_DELAY);
      const after = session.actor?.getSnapshot().context.actions.length ?? 0;
      moves += after - before;
      const read = readBrowserSave(storage.getItem(SAVE_KEY) ?? '');
      expect(read.ok && read.actor.getSnapshot().context.actions.length).toBe(after);
      if (read.ok) read.actor.stop();
    }
    expect(moves).toBeGreaterThan(5);
    // A refused move is not saved.
    const count = saves().length;
    session.send({ type: 'DECIDE', role: 'mayor', decision: 'block' });
    expect(saves()).toHaveLength(count);
    expect(store.getState().savedGameSummary).toMatchObject({
      scenarioId: 'test-table',
      mode: 'solo',
    });
  });

  it('restores paused; Continue resumes where the game was', () => {
    const first = setUp();
    first.session.start();
    first.session.continue();
    first.session.continue();
    vi.advanceTimersByTime(BOT_DELAY * 3);
    const step = first.store.getState().game?.step;
    first.session.dispose();

    const second = setUp(first.storage);
    second.session.checkSave();
    expect(second.store.getState().savedGameSummary).toMatchObject({
      scenarioTitle: expect.any(String),
      phase: 'negotiation',
      round: 1,
    });
    expect(second.session.actor).toBeNull();
    expect(second.session.continueSaved()).toBe(true);
    const game = second.store.getState().game;
    expect(game?.step).toBe(step);
    expect(game?.paused).toBe(false);
    expect(second.store.getState().screen).toBe('table');
    playToEnd(second.session, second.store);
  });

  it('a game a person paused comes back paused after a reload; resumed, it comes back running', () => {
    const first = setUp();
    first.session.start();
    first.session.continue();
    first.session.continue();
    first.session.pause();
    first.session.dispose();

    const second = reopened(first.storage);
    expect(second.store.getState().game?.paused).toBe(true);
    // Nothing moves while it is paused; resumed, the game goes on and is saved as running.
    const step = second.store.getState().game?.step;
    vi.advanceTimersByTime(BOT_DELAY * 3);
    expect(second.store.getState().game?.step).toBe(step);
    second.session.resume();
    second.session.dispose();

    const third = reopened(first.storage);
    expect(third.store.getState().game?.paused).toBe(false);
  });

  it('turns a corrupt save into a message and a fresh start', () => {
    const storage = memoryStorage({ [SAVE_KEY]: '{"format":"oversight-browser-save",' });
    const { store, session } = setUp(storage);
    session.checkSave();
    expect(store.getState().notice).toMatchObject({ kind: 'save-problem' });
    expect(store.getState().notice?.text).toMatch(/could not be continued/);
    expect(store.getState().savedGameSummary).toBeNull();
    expect(storage.getItem(SAVE_KEY)).toBeNull();
    expect(session.continueSaved()).toBe(false);
    expect(session.start()).toEqual({ ok: true });
    expect(store.getState().notice).toBeNull();
  });

  it('refuses an edited save and an outdated one', () => {
    const { session, storage, store } = setUp();
    session.start();
    session.continue();
    const text = storage.getItem(SAVE_KEY) ?? '';
    session.dispose();

    const edited = JSON.parse(text);
    edited.game.snapshot.context.game.meters.trust = 99;
    storage.setItem(SAVE_KEY, JSON.stringify(edited));
    session.checkSave();
    expect(store.getState().notice?.text).toMatch(/does not add up/);

    storage.setItem(SAVE_KEY, JSON.stringify({ ...JSON.parse(text), version: 0 }));
    session.checkSave();
    expect(store.getState().notice?.text).toMatch(/another version/);

    const badSeats = JSON.parse(text);
    badSeats.seats = { mayor: 'human' };
    storage.setItem(SAVE_KEY, JSON.stringify(badSeats));
    session.checkSave();
    expect(store.getState().notice?.text).toMatch(/seats/);
  });

  it('leave() goes to the title and keeps the save for Continue', () => {
    const { store, session } = setUp();
    session.start();
    session.continue();
    session.leave();
    expect(store.getState().screen).toBe('title');
    expect(store.getState().game).toBeNull();
    expect(store.getState().savedGameSummary?.phase).toBe('event');
    expect(session.continueSaved()).toBe(true);
    expect(store.getState().screen).toBe('table');
    session.clearSave();
    expect(store.getState().savedGameSummary).toBeNull();
  });

  it('a browser that does not keep the save still lets this page quit to the title and continue', () => {
    // As browserStorage() when localStorage is full or blocked: the write is refused.
    const storage = { ...memoryStorage(), setItem: () => false };
    const { store, session } = setUp(storage);
    session.start();
    session.continue();
    const step = store.getState().game?.step;
    session.leave();
    expect(store.getState().savedGameSummary?.phase).toBe('event');
    expect(session.continueSaved()).toBe(true);
    expect(store.getState().game?.step).toBe(step);
    session.clearSave();
    expect(store.getState().savedGameSummary).toBeNull();
  });
});

describe("a move's save at an idle moment", () => {
  /**
   * A session whose idle moments come only when `idleNow` is called; `otherPageSaved` is the
   * browser telling it another page wrote the save.
   */
  function withIdle(storage = memoryStorage()) {
    const store = createAppStore({ catalogue: fixtureCatalogue('table'), random: fixedRandom });
    let waiting: (() => void)[] = [];
    let otherPageSaved = () => {};
    const session = createSession({
      store,
      secondPressMs: 0,
      storage,
      idleSave: (work) => {
        waiting.push(work);
      },
      watchSave: (changed) => {
        otherPageSaved = changed;
        return () => {};
      },
    });
    const idleNow = () => {
      const now = waiting;
      waiting = [];
      for (const work of now) work();
    };
    const savedSteps = () => {
      const read = readBrowserSave(storage.getItem(SAVE_KEY) ?? '');
      if (!read.ok) return null;
      const steps = read.actor.getSnapshot().context.actions.length;
      read.actor.stop();
      return steps;
    };
    const steps = () => session.actor?.getSnapshot().context.actions.length ?? -1;
    return {
      store,
      session,
      storage,
      idleNow,
      savedSteps,
      steps,
      otherPageSaved: () => otherPageSaved(),
    };
  }

  it('waits for the idle moment, then saves the game as it stands, once for moves in between', () => {
    const t = withIdle();
    const writes = vi.spyOn(t.storage, 'setItem');
    t.session.start();
    const saves = () => writes.mock.calls.filter(([key]) => key === SAVE_KEY).length;
    expect(saves()).toBe(1);
    t.session.continue();
    t.session.continue();
    expect(t.savedSteps()).toBe(0);
    t.idleNow();
    expect(t.savedSteps()).toBe(2);
    expect(saves()).toBe(2);
    t.idleNow();
    expect(saves()).toBe(2);
    t.session.dispose();
  });

  it('a game that fails keeps its last good save (not one of the failed game, which would not restore)', () => {
    const t = withIdle();
    t.session.start();
    t.session.continue();
    // A move's save is waiting when the game fails (a rule throws once, say).
    const context = t.session.actor?.getSnapshot().context as unknown as { game: unknown };
    const game = context.game;
    let thrown = false;
    Object.defineProperty(context, 'game', {
      get() {
        if (thrown) return game;
        thrown = true;
        throw new Error('a rule failed');
      },
    });
    t.session.continue();
    expect(t.store.getState().screen).toBe('title');
    expect(t.store.getState().notice?.kind).toBe('error');
    expect(t.savedSteps()).toBe(0);
    expect(t.store.getState().savedGameSummary).not.toBeNull();
    t.idleNow();
    expect(t.savedSteps()).toBe(0);
  });

  it('a save that changes nothing the title shows leaves the store alone (no frame drawn for it)', () => {
    const t = withIdle();
    t.session.start();
    t.session.continue();
    t.session.continue();
    t.idleNow();
    const summary = t.store.getState().savedGameSummary;
    expect(summary?.phase).toBe('negotiation');
    const changes = vi.fn();
    const stop = t.store.subscribe(changes);
    t.session.saveNow();
    expect(t.savedSteps()).toBe(t.steps());
    expect(changes).not.toHaveBeenCalled();
    expect(t.store.getState().savedGameSummary).toBe(summary);
    stop();
    t.session.dispose();
  });

  it('leaving the page, quitting or a finished game writes the save still waiting', () => {
    const t = withIdle();
    t.session.start();
    t.session.continue();
    t.session.saveNow();
    expect(t.savedSteps()).toBe(1);
    t.session.continue();
    t.session.leave();
    expect(t.savedSteps()).toBe(2);
    expect(t.store.getState().savedGameSummary?.phase).toBe('negotiation');

    expect(t.session.continueSaved()).toBe(true);
    playToEnd(t.session, t.store);
    // The last move (the decision) waits like any other; a page closed on the debrief keeps it.
    expect(t.savedSteps()).toBeLessThan(t.steps());
    t.session.saveNow();
    expect(t.savedSteps()).toBe(t.steps());
    expect(t.store.getState().savedGameSummary?.finished).toBe(true);
    t.session.dispose();
  });

  it("a game another page took over does not write its waiting save over that page's", () => {
    const t = withIdle();
    t.session.start();
    t.session.continue();
    // The other page's save: the game as it started, saved at another time.
    const theirs = (t.storage.getItem(SAVE_KEY) ?? '').replace(
      /"savedAt":"[^"]*"/,
      '"savedAt":"2026-01-01T00:00:00.000Z"',
    );
    expect(theirs).toContain('2026-01-01');
    t.storage.setItem(SAVE_KEY, theirs);
    t.otherPageSaved();
    expect(t.store.getState().game).toBeNull();
    t.idleNow();
    expect(t.storage.getItem(SAVE_KEY)).toBe(theirs);
    t.session.dispose();
  });
});

describe('two pages of the game', () => {
  it('a game that went on in another page stops here, and Continue picks up that page’s moves', () => {
    const storage = memoryStorage();
    let changed = () => {};
    const store = createAppStore({ catalogue: fixtureCatalogue('table'), random: fixedRandom });
    const here = createSession({
      store,
      secondPressMs: 0,
      storage,
      watchSave: (f) => {
        changed = f;
        return () => {};
      },
    });
    for (const role of ['mayor', 'police', 'vendor', 'rights'])
      store.getState().setSeat(role, 'easy');
    here.start();
    // Another page continues the same save and plays on.
    const otherStore = createAppStore({
      catalogue: fixtureCatalogue('table'),
      random: fixedRandom,
    });
    const other = createSession({ store: otherStore, secondPressMs: 0, storage });
    other.checkSave();
    expect(other.continueSaved()).toBe(true);
    changed();
    expect(store.getState().screen).toBe('title');
    expect(store.getState().game).toBeNull();
    expect(store.getState().notice?.text).toMatch(/Another tab or window/);
    // This page saves nothing more while the other one plays on: its moves are what is saved.
    const before = otherStore.getState().game?.step ?? 0;
    vi.advanceTimersByTime(10 * BOT_DELAY);
    const otherStep = otherStore.getState().game?.step ?? 0;
    expect(otherStep).toBeGreaterThan(before);
    expect(here.continueSaved()).toBe(true);
    expect(store.getState().game?.step).toBe(otherStep);
    other.dispose();
    here.dispose();
  });
});

describe('pause', () => {
  it('stops bots while paused and announces it', () => {
    const { store, session } = setUp();
    session.start();
    session.continue();
    session.continue();
    const step = store.getState().game?.step;
    session.pause();
    expect(store.getState().game).toMatchObject({ paused: true, waiting: 'paused' });
    vi.advanceTimersByTime(BOT_DELAY * 5);
    expect(store.getState().game?.step).toBe(step);
    session.resume();
    vi.advanceTimersByTime(BOT_DELAY);
    expect(store.getState().game?.step).toBe((step ?? 0) + 1);
    const texts = store.getState().announcements.map((a) => a.text);
    expect(texts).toContain('The game is paused.');
  });
});

describe('timers', () => {
  it('passes a person whose turn timer runs out, and shows when the turn started', () => {
    const { store, session } = setUp();
    store.getState().setSeat('police', 'human'); // the solo player opens the negotiation
    store.getState().setTimers({ turnSeconds: 30 });
    session.start();
    session.continue();
    session.continue();
    const game = store.getState().game;
    expect(game?.choices).toMatchObject({ role: 'police', kind: 'propose' });
    expect(game?.timers).toMatchObject({ turnSeconds: 30, turnStartedAt: expect.any(Number) });
    vi.advanceTimersByTime(30_000);
    const log = store.getState().game?.view.log ?? [];
    expect(log.some((e) => e.kind === 'timeout' && e.actor === 'police')).toBe(true);
    expect(store.getState().announcements.map((a) => a.text)).toContain(
      'Time is up for Police: Police passes.',
    );
  });

  it('a reload keeps the time a turn had left when the page was left, not a fresh minute', () => {
    const first = setUp();
    first.store.getState().setSeat('police', 'human');
    first.store.getState().setTimers({ turnSeconds: 30 });
    first.session.start();
    first.session.continue();
    first.session.continue();
    vi.advanceTimersByTime(20_000);
    // The page is left (main.ts: pagehide); a while later it is opened again.
    first.session.saveNow();
    first.session.dispose();
    vi.advanceTimersByTime(60_000);

    const second = reopened(first.storage);
    const timedOut = () =>
      (second.store.getState().game?.view.log ?? []).some(
        (e) => e.kind === 'timeout' && e.actor === 'police',
      );
    vi.advanceTimersByTime(9_000);
    expect(timedOut()).toBe(false);
    vi.advanceTimersByTime(1_500);
    expect(timedOut()).toBe(true);
  });

  it('a pause freezes the turn timer shown on screen; resuming goes on from there', () => {
    const { store, session } = setUp();
    store.getState().setSeat('police', 'human');
    store.getState().setTimers({ turnSeconds: 30 });
    session.start();
    session.continue();
    session.continue();
    const left = () => {
      const t = store.getState().game?.timers;
      return t?.turnStartedAt == null ? null : 30_000 - (Date.now() - t.turnStartedAt);
    };
    expect(left()).toBe(30_000);
    vi.advanceTimersByTime(12_000);
    expect(left()).toBe(18_000);
    session.pause();
    expect(store.getState().game?.timers.turnStartedAt).toBeNull();
    vi.advanceTimersByTime(600_000);
    session.resume();
    expect(left()).toBe(18_000);
    vi.advanceTimersByTime(17_999);
    expect(store.getState().game?.choices).toMatchObject({ role: 'police' });
    vi.advanceTimersByTime(1);
    const log = store.getState().game?.view.log ?? [];
    expect(log.some((e) => e.kind === 'timeout' && e.actor === 'police')).toBe(true);
  });

  it('pass-and-play: the turn timer waits while the device is handed over', () => {
    const { store, session } = setUp();
    store.getState().setMode('pass-and-play');
    store.getState().setSeat('vendor', 'normal');
    store.getState().setSeat('rights', 'normal');
    store.getState().setTimers({ turnSeconds: 30 });
    session.start(); // people: police (first in turn order) and mayor
    for (let i = 0; i < 2; i++) {
      session.confirmHandoff();
      session.finishBriefing();
    }
    session.continue(); // BEGIN
    session.continue(); // event card
    expect(store.getState().handoff).toMatchObject({ role: 'police', why: 'turn' });
    const timedOut = () =>
      (store.getState().game?.view.log ?? []).some(
        (e) => e.kind === 'timeout' && e.actor === 'police',
      );
    // Nobody takes the device for ten minutes: the police's turn has not started.
    vi.advanceTimersByTime(600_000);
    expect(timedOut()).toBe(false);
    expect(store.getState().handoff).toMatchObject({ role: 'police' });
    const said = store.getState().announcements.map((a) => a.text);
    expect(said).not.toContain('The game is paused.');

    session.confirmHandoff();
    expect(store.getState().game?.choices).toMatchObject({ role: 'police', kind: 'propose' });
    expect(store.getState().game?.paused).toBe(false);
    vi.advanceTimersByTime(29_999);
    expect(timedOut()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(timedOut()).toBe(true);
  });
});

describe('ticks on a proposing turn', () => {
  it('are kept over a reload for the same turn, and not for another game', () => {
    const storage = memoryStorage();
    const first = setUp(storage);
    first.store.getState().setSeat('police', 'human');
    first.session.start();
    first.session.continue();
    first.session.continue();
    const choices = first.store.getState().game?.choices;
    expect(choices).toMatchObject({ role: 'police', kind: 'propose' });
    const two = choices?.kind === 'propose' ? choices.proposable.slice(0, 2) : [];
    first.session.rememberTicks('police', two);
    expect(first.session.rememberedTicks('police')).toEqual(two);
    expect(first.session.rememberedTicks('mayor')).toEqual([]);

    // A reload: a new page, the same storage, Continue.
    const again = reopened(storage);
    expect(again.session.rememberedTicks('police')).toEqual(two);

    // A new game (the same step comes round again): nothing ticked.
    again.session.start();
    again.session.continue();
    again.session.continue();
    expect(again.session.rememberedTicks('police')).toEqual([]);
  });
});

describe('a game that cannot go on', () => {
  /** The table fixture with no final decision ever open: after the one defer, nobody can move. */
  function stuckGame(person: string | null) {
    const [entry] = fixtureCatalogue('table');
    if (!entry) throw new Error('no fixture');
    const stuck = variant(entry.scenario, (s) => {
      for (const d of s.decisions)
        if (d.kind === 'final') d.requires = { minAgreed: 99, allAgreed: [] };
    });
    const store = createAppStore({
      catalogue: [{ ...entry, scenario: stuck }],
      random: fixedRandom,
    });
    const session = createSession({ store, secondPressMs: 0, storage: memoryStorage() });
    for (const role of stuck.roles)
      store.getState().setSeat(role.id, role.id === person ? 'human' : 'normal');
    expect(session.start().ok).toBe(true);
    for (let i = 0; i < 2000 && store.getState().screen !== 'title'; i++) {
      const game = store.getState().game;
      if (game?.waiting === 'continue') session.continue();
      else if (game?.waiting === 'read') session.finishBriefing();
      else if (game?.waiting === 'human') expect(personMove(session, game)).toBe(true);
      else vi.advanceTimersByTime(BOT_DELAY);
    }
    // The game has stopped: nothing runs on behind the title (a timer, a bot).
    expect(session.actor).toBeNull();
    return store.getState();
  }

  it('goes back to the title and says why when a bot is left no move', () => {
    const s = stuckGame(null);
    expect(s.screen).toBe('title');
    expect(s.notice).toMatchObject({ kind: 'error' });
    expect(s.notice?.text).toMatch(/could not choose a move.*scenario tool/);
  });

  it('goes back to the title and says why when a person is left no decision to click', () => {
    const [entry] = fixtureCatalogue('table');
    const s = stuckGame(entry?.scenario.decider ?? null);
    expect(s.screen).toBe('title');
    expect(s.notice?.text).toMatch(/has no decision open to choose.*scenario tool/);
  });
});

describe("the table's name", () => {
  it('goes from the set-up into the game, and comes back with a saved game', () => {
    const storage = memoryStorage();
    const { store, session } = setUp(storage);
    store.getState().setTableName('  Table 3 ');
    expect(session.start().ok).toBe(true);
    expect(store.getState().game?.tableName).toBe('Table 3');
    session.leave();
    expect(reopened(storage).store.getState().game?.tableName).toBe('Table 3');
  });

  it('is none when the set-up names no table', () => {
    const { store, session } = setUp();
    session.start();
    expect(store.getState().game?.tableName).toBeNull();
  });
});
