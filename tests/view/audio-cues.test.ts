import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession } from '../../src/app/session.ts';
import type { LogEntry, Meters } from '../../src/rules/types.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { memoryStorage } from '../../src/store/storage.ts';
import type { GameView, Handoff } from '../../src/store/types.ts';
import {
  type AudioFrame,
  CUES,
  type Cue,
  cueForLogEntry,
  cuesForChange,
  pickCues,
} from '../../src/view/audio/cues.ts';
import { CuePlayer, type Synth } from '../../src/view/audio/player.ts';
import { cueLength, VOICES } from '../../src/view/audio/voices.ts';
import { fixtureScenario } from '../fixtures/load.ts';
import { fixedRandom, fixtureCatalogue } from '../store/support.ts';

const scenario = fixtureScenario('table'); // every meter's healthy band is 35–75

const entry = (seq: number, kind: LogEntry['kind'], subjects: string[] = []): LogEntry => ({
  seq,
  round: 1,
  kind,
  actor: 'police',
  subjects,
  deltas: {},
  reason: null,
});

interface FrameSpec {
  step?: number;
  log?: LogEntry[];
  meters?: Partial<Meters>;
  waiting?: GameView['waiting'];
  asked?: string;
  handoff?: string;
  over?: boolean;
}

function frame(spec: FrameSpec): AudioFrame {
  const game = {
    scenario,
    step: spec.step ?? 1,
    over: spec.over ?? false,
    waiting: spec.waiting ?? (spec.asked ? 'human' : 'bot'),
    choices: spec.asked
      ? { role: spec.asked, kind: 'propose', proposable: [], amendments: [], decisions: [] }
      : null,
    view: {
      log: spec.log ?? [entry(0, 'begin')],
      meters: { trust: 50, security: 50, privacy: 50, ...spec.meters },
    },
  } as unknown as GameView;
  const handoff: Handoff | null = spec.handoff
    ? { role: spec.handoff, roleName: spec.handoff, why: 'turn' }
    : null;
  return { game, handoff };
}

describe('cue for a log entry', () => {
  it.each([
    ['event', [], 'event'],
    ['proposed', ['a'], 'propose'],
    ['amended', ['a', 'b'], 'propose'],
    ['stance', ['d'], 'propose'],
    ['response', ['support'], 'support'],
    ['response', ['oppose'], 'oppose'],
    ['agreed', ['a'], 'agreed'],
    ['rejected', ['a'], 'rejected'],
    ['withdrawn', ['a'], 'rejected'],
    ['defer', [], 'rejected'],
    ['decision', ['d'], 'decision'],
    ['audit', ['a', 'kept'], 'support'],
    ['audit', ['a', 'breached'], 'oppose'],
    ['begin', [], null],
    ['passed', [], null],
    ['timeout', ['turn'], null],
    ['round-end', [], null],
    ['delayed-effect', ['a'], null],
    ['epilogue', ['e'], null],
  ] as const)('%s %j → %s', (kind, subjects, cue) => {
    expect(cueForLogEntry(entry(1, kind, [...subjects]))).toBe(cue);
  });
});

describe('cues for a store change', () => {
  const start = [entry(0, 'begin')];

  it('follows the new log entries, in order', () => {
    const before = frame({ log: start });
    const log = [
      ...start,
      entry(1, 'response', ['oppose']),
      entry(2, 'rejected', ['a']),
      entry(3, 'round-end'),
      entry(4, 'event', ['e']),
    ];
    expect(cuesForChange(before, frame({ step: 2, log }))).toEqual(['oppose', 'rejected', 'event']);
  });

  it('is quiet when a game appears, goes away or is replaced', () => {
    const game = frame({ step: 5, log: [...start, entry(1, 'event')], asked: 'mayor' });
    expect(cuesForChange({ game: null, handoff: null }, game)).toEqual([]);
    expect(cuesForChange(game, { game: null, handoff: null })).toEqual([]);
    // Started again: step and log go back.
    expect(cuesForChange(game, frame({ step: 0, log: start }))).toEqual([]);
  });

  it('warns when a meter leaves its healthy band, not while it stays out or comes back', () => {
    const log = [...start, entry(1, 'agreed', ['a'])];
    const inside = frame({ meters: { privacy: 36 } });
    const below = frame({ step: 2, log, meters: { privacy: 34 } });
    expect(cuesForChange(inside, below)).toEqual(['agreed', 'warning']);
    const above = frame({ step: 2, log, meters: { trust: 76 } });
    expect(cuesForChange(frame({ meters: { trust: 75 } }), above)).toEqual(['agreed', 'warning']);
    const lower = frame({ step: 3, log: [...log, entry(2, 'agreed')], meters: { privacy: 20 } });
    expect(cuesForChange(below, lower)).toEqual(['agreed']);
    const back = frame({ step: 3, log: [...log, entry(2, 'agreed')], meters: { privacy: 40 } });
    expect(cuesForChange(below, back)).toEqual(['agreed']);
  });

  it("signals a person's turn once: at the hand-off, not again when they confirm", () => {
    const bot = frame({ step: 3 });
    const handoff = frame({ step: 4, waiting: 'handoff', handoff: 'rights' });
    const confirmed = frame({ step: 4, asked: 'rights' });
    expect(cuesForChange(bot, handoff)).toEqual(['turn']);
    expect(cuesForChange(handoff, confirmed)).toEqual([]);
    // Solo: no hand-off, the choices appear.
    expect(cuesForChange(bot, frame({ step: 4, asked: 'mayor' }))).toEqual(['turn']);
    // The same person asked again after another move: a new turn.
    const again = frame({ step: 5, log: [...start, entry(1, 'proposed')], asked: 'mayor' });
    expect(cuesForChange(frame({ step: 4, asked: 'mayor' }), again)).toEqual(['propose', 'turn']);
  });

  it('says nothing when a paused game resumes, or when it is over', () => {
    const paused = frame({ step: 4, waiting: 'paused' });
    expect(cuesForChange(paused, frame({ step: 4, asked: 'mayor' }))).toEqual([]);
    const over = frame({ step: 9, asked: 'mayor', over: true });
    expect(cuesForChange(frame({ step: 8 }), over)).toEqual([]);
  });
});

describe('picking cues that land together', () => {
  it('keeps the two most important, in the order they happened', () => {
    expect(pickCues(['oppose', 'rejected', 'turn'])).toEqual(['rejected', 'turn']);
    expect(pickCues(['agreed', 'warning', 'turn'])).toEqual(['warning', 'turn']);
    expect(pickCues(['support', 'agreed'])).toEqual(['support', 'agreed']);
    expect(pickCues(['support', 'support', 'support'])).toEqual(['support']);
    expect(pickCues(['propose', 'turn'], 1)).toEqual(['turn']);
    expect(pickCues([])).toEqual([]);
  });
});

describe('the player', () => {
  function setUp(options: { on?: boolean; audible?: boolean } = {}) {
    const played: { cue: Cue; delay: number; at: number }[] = [];
    const clock = { now: 0, on: options.on ?? true, audible: options.audible ?? true };
    const synth: Synth = { play: (cue, delay) => played.push({ cue, delay, at: clock.now }) };
    const player = new CuePlayer({
      synth: () => (clock.audible ? synth : null),
      enabled: () => clock.on,
      now: () => clock.now,
    });
    return { played, clock, player };
  }

  it('plays a batch: the second cue a moment after the first', () => {
    const { played, player } = setUp();
    expect(player.play(['oppose', 'rejected', 'turn'])).toEqual(['rejected', 'turn']);
    expect(played.map((p) => [p.cue, p.delay])).toEqual([
      ['rejected', 0],
      ['turn', 0.16],
    ]);
    expect(player.stats.played.rejected).toBe(1);
    expect(player.stats.recent).toEqual(['rejected', 'turn']);
  });

  it('plays nothing when sound is off', () => {
    const { played, player } = setUp({ on: false });
    expect(player.play(['agreed'])).toEqual([]);
    expect(played).toEqual([]);
    expect(player.stats.dropped).toBe(0);
  });

  it('rate-limits a flurry of bot moves: at most one sound per 120 ms', () => {
    const { played, clock, player } = setUp();
    // A `?fast=1` game: a move every 10 ms for a second.
    for (let t = 0; t < 1000; t += 10) {
      clock.now = t;
      player.play(['support']);
    }
    const times = played.map((p) => p.at);
    expect(times.length).toBeLessThanOrEqual(9);
    for (let i = 1; i < times.length; i++) {
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(120);
    }
    expect(player.stats.dropped).toBe(100 - times.length);
  });

  it('waits for a pair to finish before the next batch', () => {
    const { played, clock, player } = setUp();
    player.play(['propose', 'turn']);
    clock.now = 200; // the pair's second cue starts at 160 ms
    expect(player.play(['support'])).toEqual([]);
    clock.now = 280;
    expect(player.play(['support'])).toEqual(['support']);
    expect(played).toHaveLength(3);
  });

  it('drops what cannot be heard (hidden tab, audio not started) instead of queueing it', () => {
    const { played, clock, player } = setUp({ audible: false });
    player.play(['event']);
    player.play(['agreed', 'warning']);
    expect(player.stats.dropped).toBe(3);
    clock.audible = true;
    clock.now = 5000;
    player.play(['turn']);
    expect(played.map((p) => p.cue)).toEqual(['turn']);
  });
});

describe('voices', () => {
  it('has a voice under 300 ms for every cue', () => {
    for (const cue of CUES) {
      expect(VOICES[cue].length, cue).toBeGreaterThan(0);
      expect(cueLength(cue), cue).toBeLessThan(0.3);
      for (const note of VOICES[cue]) expect(note.peak, cue).toBeLessThanOrEqual(0.06);
    }
  });
});

describe('with the real session', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('cues follow the same snapshots as the announcements', () => {
    const store = createAppStore({ catalogue: fixtureCatalogue('table'), random: fixedRandom });
    const session = createSession({ store, secondPressMs: 0, storage: memoryStorage() });
    // The session announces a snapshot's log entries just before it publishes the snapshot,
    // and the prompt ("…, your move") just after: each sentence is tagged with the number of
    // snapshots published when it was said.
    const changes: Cue[][] = [];
    const said: { tag: number; text: string }[] = [];
    store.subscribe((state, prev) => {
      if (state.game !== prev.game || state.handoff !== prev.handoff) {
        changes.push(cuesForChange(prev, state));
      }
      for (const a of state.announcements) {
        if (!prev.announcements.some((p) => p.id === a.id)) {
          said.push({ tag: changes.length, text: a.text });
        }
      }
    });
    expect(session.start()).toEqual({ ok: true });

    for (let i = 0; i < 2000; i++) {
      const game = store.getState().game;
      if (!game || game.waiting === 'over') break;
      if (game.waiting === 'continue') session.continue();
      else if (game.waiting === 'bot') vi.advanceTimersByTime(700);
      else if (game.waiting === 'human' && game.choices) {
        const { role, kind, decisions } = game.choices;
        if (kind === 'propose') session.send({ type: 'PASS', role });
        else if (kind === 'respond') session.send({ type: 'RESPOND', role, response: 'support' });
        else
          session.send({
            type: kind === 'stance' ? 'STANCE' : 'DECIDE',
            role,
            decision: decisions[0] ?? '',
          });
      } else throw new Error(`unexpected wait: ${game.waiting}`);
    }
    expect(store.getState().game?.over).toBe(true);

    const all = changes.flat();
    for (const cue of ['event', 'propose', 'turn', 'decision'] as const) expect(all).toContain(cue);
    expect(all.some((c) => c === 'agreed' || c === 'rejected')).toBe(true);
    // Each cue comes with the sentence the screen reader hears for the same moment.
    const text = (tag: number) =>
      said
        .filter((x) => x.tag === tag)
        .map((x) => x.text)
        .join(' ');
    changes.forEach((cues, i) => {
      const entries = text(i); // said before snapshot i+1 was published
      const prompt = text(i + 1); // said right after
      if (cues.includes('event')) expect(entries).toMatch(/Event: /);
      if (cues.includes('agreed')) expect(entries).toMatch(/Agreed: /);
      if (cues.includes('rejected')) expect(entries).toMatch(/Rejected: |Withdrawn: |defers/);
      expect(cues.includes('turn'), prompt).toBe(/your move/.test(prompt));
    });
  });
});
