import { describe, expect, it } from 'vitest';
import { stanceReasons } from '../../src/app/stance-reasons.ts';
import { playBotGame } from '../../src/flow/bot-game.ts';
import type { LogEntry } from '../../src/rules/types.ts';
import { loadShipped } from '../../src/store/catalogue-load.ts';
import { SHIPPED_SCENARIOS } from '../../src/store/shipped.ts';

const flagship = loadShipped(SHIPPED_SCENARIOS).entries.find(
  (e) => e.scenario.id === 'met-palantir-2026',
);
if (!flagship) throw new Error('the flagship scenario did not load');
const { scenario } = flagship;

/** Where the log's last defer is (−1: none). */
const lastDefer = (log: readonly LogEntry[]) => log.map((e) => e.kind).lastIndexOf('defer');

/** The stance entries of the game's last stance round (after its last defer). */
function lastStances(log: readonly LogEntry[]): LogEntry[] {
  const from = lastDefer(log);
  return log.slice(from + 1).filter((e) => e.kind === 'stance');
}

/** Bot games of the flagship, one of them deferred once (found, not assumed, by seed). */
function games() {
  const plain = playBotGame(scenario, 1, 'normal').state;
  for (let seed = 1; seed < 400; seed++) {
    const state = playBotGame(scenario, seed, 'normal').state;
    if (state.log.some((e) => e.kind === 'defer')) return { plain, deferred: state };
  }
  throw new Error('no deferred bot game in 400 seeds');
}

describe("the stances screen's reasons", () => {
  const { plain, deferred } = games();

  it("gives each bot's reason for the stance it holds, without repeating the stance", () => {
    const reasons = stanceReasons(plain.log);
    const stances = lastStances(plain.log);
    expect(reasons.size).toBe(scenario.roles.length);
    for (const entry of stances) {
      const role = scenario.roles.find((r) => r.id === entry.actor);
      const why = reasons.get(entry.actor ?? '');
      expect(why, role?.id).toBeTruthy();
      // The log's reason opens with "<role> backs “<decision>”: "; the screen says that already.
      expect(why?.startsWith(role?.shortName.text ?? '?')).toBe(false);
      expect(why).toMatch(/^[A-Z]/);
      expect(entry.reason?.toLowerCase().endsWith(why?.toLowerCase() ?? '?')).toBe(true);
    }
  });

  it('after a defer, gives the reasons of the stances declared afresh', () => {
    const reasons = stanceReasons(deferred.log);
    for (const entry of lastStances(deferred.log)) {
      expect(
        entry.reason?.toLowerCase().endsWith(reasons.get(entry.actor ?? '')?.toLowerCase() ?? '?'),
      ).toBe(true);
    }
    // Just after the defer nobody has declared again: no reason is left over from before.
    const atDefer = deferred.log.slice(0, lastDefer(deferred.log) + 1);
    expect(stanceReasons(atDefer).size).toBe(0);
  });

  it('has no reason for a stance a person declared', () => {
    const log = plain.log.map((e) => (e.kind === 'stance' ? { ...e, reason: null } : e));
    expect(stanceReasons(log).size).toBe(0);
  });
});
