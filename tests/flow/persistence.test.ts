import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { transition } from 'xstate';
import { gameMachine } from '../../src/flow/machine.ts';
import {
  readSave,
  restoreGame,
  SAVE_FORMAT,
  SAVE_VERSION,
  saveGame,
  saveGameText,
} from '../../src/flow/persistence.ts';
import { legalActions } from '../../src/rules/legal.ts';
import { replay } from '../../src/rules/replay.ts';
import type { GameAction } from '../../src/rules/types.ts';
import { Script } from '../support/games.ts';
import { type GameActorT, phaseOfValue, picture, sendAll, startGame } from '../support/machine.ts';
import { table } from '../support/scenarios.ts';

// Property runs and graph walks: generous time when the machine is busy (CI, parallel files).
vi.setConfig({ testTimeout: 60_000 });

const scenario = table();

/** A game in round 1 with a package on the table, and the rest of a game to play after it. */
function midGame(timers?: { turnSeconds?: number; roundSeconds?: number }) {
  const g = new Script(scenario, 21).toNegotiation();
  g.act(
    { type: 'PROPOSE', role: 'police', assurances: ['dpia', 'audit'] },
    { type: 'RESPOND', role: 'vendor', response: 'support' },
  );
  const played = [...g.actions];
  g.act(
    { type: 'RESPOND', role: 'rights', response: 'support' },
    { type: 'RESPOND', role: 'mayor', response: 'support' },
  );
  g.decide('approve-conditions').act({ type: 'CONTINUE' });
  const rest = g.actions.slice(played.length);
  const actor = startGame(scenario, 21, timers);
  sendAll(actor, played);
  return { actor, rest, final: g.state };
}

function restored(text: string): GameActorT {
  const r = restoreGame(text);
  if (!r.ok) throw new Error(`restore refused: ${r.problem.code} ${r.problem.message}`);
  return r.actor;
}

/** The save as JSON, changed by `edit`, as text again. */
// biome-ignore lint/suspicious/noExplicitAny: the test edits arbitrary parts of the save's JSON.
function edited(text: string, edit: (save: any) => void): string {
  const save = JSON.parse(text);
  edit(save);
  return JSON.stringify(save);
}

const codeOf = (input: unknown) => {
  const r = restoreGame(input);
  return r.ok ? 'OK' : r.problem.code;
};

describe('save and restore', () => {
  it('a save names its format, version, scenario and seed', () => {
    const { actor } = midGame();
    const save = saveGame(actor);
    expect(save).toMatchObject({
      format: SAVE_FORMAT,
      version: SAVE_VERSION,
      scenarioId: 'test-table',
      seed: 21,
    });
    expect(readSave(saveGameText(actor))).toMatchObject({ ok: true });
  });

  it('a restored game waits paused; RESUME returns to the same place and play continues exactly', () => {
    const { actor, rest, final } = midGame();
    const before = actor.getSnapshot();
    const copy = restored(saveGameText(actor));
    expect(copy.getSnapshot().value).toBe('paused');
    expect(copy.getSnapshot().context.game).toEqual(before.context.game);
    copy.send({ type: 'RESUME' });
    expect(copy.getSnapshot().value).toEqual(before.value);
    sendAll(copy, rest);
    sendAll(actor, rest);
    expect(copy.getSnapshot().context.game).toEqual(final);
    expect(picture(copy.getSnapshot())).toBe(picture(actor.getSnapshot()));
    expect(copy.getSnapshot().status).toBe('done');
  });

  it('restores from every phase, paused or not, back to that phase', () => {
    const g = new Script(scenario, 4)
      .toNegotiation()
      .proposeAndAnswer(['dpia'], 'support')
      .decide('defer');
    g.toStances().allStances('approve-conditions');
    g.act({ type: 'DECIDE', role: 'mayor', decision: 'approve-conditions' }, { type: 'CONTINUE' });
    const actor = startGame(scenario, 4);
    const seen = new Set<string>();
    for (const action of g.actions) {
      for (const pauseFirst of [false, true]) {
        if (pauseFirst) actor.send({ type: 'PAUSE' });
        const text = saveGameText(actor);
        const copy = restored(text);
        if (pauseFirst) actor.send({ type: 'RESUME' });
        const phase = actor.getSnapshot().context.game.phase;
        seen.add(phase);
        copy.send({ type: 'RESUME' });
        expect(phaseOfValue(copy.getSnapshot().value)).toBe(phase);
        expect(copy.getSnapshot().context.game).toEqual(actor.getSnapshot().context.game);
        copy.stop();
      }
      actor.send(action);
    }
    expect([...seen].sort()).toEqual([
      'aftermath',
      'briefing',
      'decision',
      'event',
      'negotiation',
      'roundEnd',
      'stances',
    ]);
    // A finished game restores finished.
    const done = restored(saveGameText(actor));
    expect(done.getSnapshot().status).toBe('done');
    expect(done.getSnapshot().value).toBe('debrief');
  });

  describe('timers after a restore', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('keep their settings and start again only on RESUME', () => {
      vi.useFakeTimers();
      const { actor } = midGame({ turnSeconds: 10 });
      vi.advanceTimersByTime(4_000);
      const text = saveGameText(actor);
      actor.stop();
      const copy = restored(text);
      expect(copy.getSnapshot().context.timers).toEqual({ turnSeconds: 10, roundSeconds: null });
      vi.advanceTimersByTime(60_000);
      expect(copy.getSnapshot().context.game.pending?.responses).toEqual({ vendor: 'support' });
      copy.send({ type: 'RESUME' });
      // Full time: the 4 s spent before the save are not held against the restored turn.
      vi.advanceTimersByTime(9_999);
      expect(copy.getSnapshot().context.game.pending?.responses).toEqual({ vendor: 'support' });
      vi.advanceTimersByTime(1);
      expect(copy.getSnapshot().context.game.pending?.responses).toEqual({
        vendor: 'support',
        rights: 'oppose',
      });
      copy.stop();
    });

    it('a save made while paused (a frozen clock) also resumes with full time', () => {
      vi.useFakeTimers();
      const { actor } = midGame({ turnSeconds: 10, roundSeconds: 60 });
      vi.advanceTimersByTime(7_000);
      actor.send({ type: 'PAUSE' });
      expect(actor.getSnapshot().context.clock).toMatchObject({ turnLeft: 3_000 });
      const copy = restored(saveGameText(actor));
      actor.stop();
      expect(copy.getSnapshot().context.clock).toBeUndefined();
      vi.advanceTimersByTime(60_000);
      copy.send({ type: 'RESUME' });
      vi.advanceTimersByTime(9_999);
      expect(copy.getSnapshot().context.game.pending?.responses).toEqual({ vendor: 'support' });
      vi.advanceTimersByTime(1);
      expect(copy.getSnapshot().context.game.pending?.responses).toMatchObject({
        rights: 'oppose',
      });
      copy.stop();
    });
  });
});

describe('refusing bad saves', () => {
  const good = () => saveGameText(midGame().actor);

  it('not JSON', () => {
    expect(codeOf('{"format": "oversight-save", ')).toBe('SAVE_NOT_JSON');
    expect(codeOf('')).toBe('SAVE_NOT_JSON');
  });

  it('not an Oversight save', () => {
    for (const input of [
      'null',
      '[]',
      '42',
      '"text"',
      '{}',
      '{"format":"other-game","version":1}',
      null,
      7,
      [],
    ]) {
      expect(codeOf(input)).toBe('SAVE_NOT_OURS');
    }
  });

  it('from another version of the save format or of the rules', () => {
    expect(codeOf(edited(good(), (s) => (s.version = SAVE_VERSION - 1)))).toBe('SAVE_OUTDATED');
    expect(codeOf(edited(good(), (s) => (s.version = SAVE_VERSION + 1)))).toBe('SAVE_OUTDATED');
    expect(codeOf(edited(good(), (s) => delete s.version))).toBe('SAVE_OUTDATED');
    expect(codeOf(edited(good(), (s) => (s.snapshot.context.game.stateVersion = 0)))).toBe(
      'SAVE_OUTDATED',
    );
  });

  it('incomplete or damaged', () => {
    expect(codeOf(edited(good(), (s) => delete s.snapshot))).toBe('SAVE_CORRUPT');
    expect(codeOf(edited(good(), (s) => (s.snapshot.context = 'x')))).toBe('SAVE_CORRUPT');
    expect(codeOf(edited(good(), (s) => delete s.snapshot.context.game))).toBe('SAVE_CORRUPT');
    expect(codeOf(edited(good(), (s) => (s.snapshot.context.scenario.roles = [])))).toBe(
      'SAVE_CORRUPT',
    );
    expect(codeOf(edited(good(), (s) => delete s.snapshot.context.timers))).toBe('SAVE_CORRUPT');
    expect(codeOf(edited(good(), (s) => (s.snapshot.context.actions = {})))).toBe('SAVE_CORRUPT');
    expect(codeOf(edited(good(), (s) => s.snapshot.context.actions.push(null)))).toBe(
      'SAVE_CORRUPT',
    );
    expect(codeOf(edited(good(), (s) => (s.snapshot.value = { playing: 'nowhere' })))).toBe(
      'SAVE_CORRUPT',
    );
  });

  it('edited: the game no longer follows from its actions', () => {
    expect(codeOf(edited(good(), (s) => (s.snapshot.context.game.meters.trust = 99)))).toBe(
      'SAVE_CORRUPT',
    );
    expect(codeOf(edited(good(), (s) => s.snapshot.context.actions.pop()))).toBe('SAVE_CORRUPT');
    expect(codeOf(edited(good(), (s) => (s.seed = 22)))).toBe('SAVE_CORRUPT');
    expect(
      codeOf(
        edited(
          good(),
          (s) => (s.snapshot.context.game.agreed = [{ id: 'dpia', round: 1, package: 1 }]),
        ),
      ),
    ).toBe('SAVE_CORRUPT');
    expect(
      codeOf(
        edited(good(), (s) => {
          s.snapshot.context.scenario.meters.trust.start = 60;
        }),
      ),
    ).toBe('SAVE_CORRUPT');
  });

  it('edited: the machine is in another phase than the game', () => {
    expect(codeOf(edited(good(), (s) => (s.snapshot.value = { playing: 'stances' })))).toBe(
      'SAVE_CORRUPT',
    );
    expect(codeOf(edited(good(), (s) => (s.snapshot.value = 'debrief')))).toBe('SAVE_CORRUPT');
    const pausedText = (() => {
      const { actor } = midGame();
      actor.send({ type: 'PAUSE' });
      return saveGameText(actor);
    })();
    expect(codeOf(pausedText)).toBe('OK');
    expect(
      codeOf(
        edited(pausedText, (s) => {
          s.snapshot.historyValue['oversight.playing.resumePoint'] = [
            { id: 'oversight.playing.decision' },
          ];
        }),
      ),
    ).toBe('SAVE_CORRUPT');
  });

  it('a save whose scenario leaves out defaults plays on with the defaults filled in', () => {
    const { actor, rest, final } = midGame();
    const text = edited(saveGameText(actor), (s) => {
      for (const a of s.snapshot.context.scenario.assurances) {
        delete a.requires;
        delete a.excludes;
        delete a.delay;
      }
    });
    const copy = restored(text);
    copy.send({ type: 'RESUME' });
    sendAll(copy, rest);
    expect(copy.getSnapshot().status).toBe('done');
    expect(copy.getSnapshot().context.game).toEqual(final);
  });

  it('edited: the timers are nonsense', () => {
    for (const t of [-5, 0, 'soon', true, {}]) {
      expect(codeOf(edited(good(), (s) => (s.snapshot.context.timers.turnSeconds = t)))).toBe(
        'SAVE_CORRUPT',
      );
      expect(codeOf(edited(good(), (s) => (s.snapshot.context.timers.roundSeconds = t)))).toBe(
        'SAVE_CORRUPT',
      );
    }
  });

  it('edited: the label does not match the game inside', () => {
    expect(codeOf(edited(good(), (s) => (s.scenarioId = 'met-palantir-2026')))).toBe(
      'SAVE_CORRUPT',
    );
  });

  it('arbitrary text never throws and is refused', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(codeOf(text)).not.toBe('OK');
      }),
      { seed: 30, numRuns: 300 },
    );
  });

  it('arbitrary JSON and values never throw and are refused', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.anything({ withNullPrototype: true, withBoxedValues: true })),
        (value) => {
          expect(codeOf(value)).not.toBe('OK');
          expect(codeOf(JSON.stringify(value) ?? 'undefined')).not.toBe('OK');
          expect(() => readSave(value)).not.toThrow();
        },
      ),
      { seed: 31, numRuns: 300 },
    );
  });

  it('a save with anything replaced anywhere never throws; if accepted, it is consistent', () => {
    const { actor } = midGame();
    actor.send({ type: 'PAUSE' });
    const base = saveGame(actor);
    /** Every path into the save's JSON (objects and arrays), shallow first. */
    const paths: (string | number)[][] = [];
    const collect = (v: unknown, path: (string | number)[]) => {
      if (path.length > 0) paths.push(path);
      if (typeof v !== 'object' || v === null || path.length > 8) return;
      for (const [k, x] of Object.entries(v))
        collect(x, [...path, Array.isArray(v) ? Number(k) : k]);
    };
    collect(JSON.parse(JSON.stringify(base)), []);
    fc.assert(
      fc.property(fc.nat(), fc.option(fc.jsonValue({ maxDepth: 2 })), (which, value) => {
        const save = JSON.parse(JSON.stringify(base));
        const path = paths[which % paths.length] as (string | number)[];
        const last = path.at(-1) as string | number;
        let parent = save;
        for (const key of path.slice(0, -1)) parent = parent[key];
        // null: delete the key (or the array entry); otherwise replace the value.
        if (value === null) {
          if (Array.isArray(parent)) parent.splice(path.at(-1) as number, 1);
          else delete parent[last];
        } else {
          parent[last] = value;
        }
        let result: ReturnType<typeof restoreGame> | undefined;
        expect(() => {
          result = restoreGame(JSON.stringify(save));
        }).not.toThrow();
        if (result?.ok) {
          const snap = result.actor.getSnapshot();
          expect(snap.status).not.toBe('error');
          const { scenario: s, game, actions } = snap.context;
          expect(replay(s, game.seed, actions)).toEqual({ ok: true, state: game });
          if (snap.value !== 'paused') expect(phaseOfValue(snap.value)).toBe(game.phase);
          result.actor.send({ type: 'RESUME' });
          expect(phaseOfValue(result.actor.getSnapshot().value)).toBe(game.phase);
          // And it plays on: every legal move is taken.
          for (const action of legalActions(s, game)) {
            expect(
              transition(gameMachine, result.actor.getSnapshot(), action)[0].context.game,
            ).not.toBe(game);
          }
          result.actor.stop();
        }
      }),
      { seed: 32, numRuns: 400 },
    );
  });
});

describe('round trip over random points of a game', () => {
  it('save at any step → restore → RESUME → the rest gives the same game', () => {
    const g = new Script(scenario, 77).toNegotiation();
    g.proposeAndAnswer(['dpia'], 'support');
    g.act(
      { type: 'PROPOSE', role: 'vendor', assurances: ['uk-data'] },
      { type: 'AMEND', role: 'rights', remove: 'uk-data', add: 'audit' },
    );
    g.act(
      { type: 'RESPOND', role: 'mayor', response: 'support' },
      { type: 'RESPOND', role: 'police', response: 'oppose' },
    );
    g.act({ type: 'RESPOND', role: 'vendor', response: 'support' });
    g.decide('approve-conditions').act({ type: 'CONTINUE' });
    const all: GameAction[] = g.actions;
    for (let k = 0; k <= all.length; k++) {
      const actor = startGame(scenario, 77);
      sendAll(actor, all.slice(0, k));
      const copy = restored(saveGameText(actor));
      if (k < all.length) {
        expect(copy.getSnapshot().value).toBe('paused');
        copy.send({ type: 'RESUME' });
      } else {
        expect(copy.getSnapshot().status).toBe('done');
      }
      sendAll(copy, all.slice(k));
      expect(copy.getSnapshot().context.game).toEqual(g.state);
      expect(copy.getSnapshot().context.actions).toEqual(all);
    }
  });
});
