import { describe, expect, it } from 'vitest';
import { deltasText, signed, timelineLines } from '../../src/app/timeline.ts';
import { playBotGame } from '../../src/flow/bot-game.ts';
import type { LogEntry, PackageRecord } from '../../src/rules/types.ts';
import { METER_IDS } from '../../src/scenario/schema.ts';
import { fixtureScenario } from '../fixtures/load.ts';

const scenario = fixtureScenario('table');
const entry = (e: Partial<LogEntry>): LogEntry => ({
  seq: 1,
  round: 2,
  kind: 'agreed',
  actor: null,
  subjects: [],
  deltas: {},
  reason: null,
  ...e,
});

describe('timeline', () => {
  it('writes signed changes with a true minus, gains first', () => {
    expect(signed(6)).toBe('+6');
    expect(signed(-1)).toBe('\u22121');
    expect(signed(0)).toBe('0');
    const names = METER_IDS.map((m) => scenario.meters[m].name.text);
    expect(deltasText(scenario, { trust: 4, security: -1, privacy: 6 })).toBe(
      `${names[2]} +6, ${names[0]} +4, ${names[1]} \u22121`,
    );
    expect(deltasText(scenario, {})).toBe('no meter change');
  });

  it('names each card with its deliverer and the package sponsor', () => {
    const card = scenario.assurances.find((a) => a.deliverer !== scenario.roles[0]?.id);
    const sponsor = scenario.roles.find((r) => r.id !== card?.deliverer);
    if (!card || !sponsor) throw new Error('fixture needs a card and another role');
    const deliverer = scenario.roles.find((r) => r.id === card.deliverer);
    const record: PackageRecord = {
      number: 1,
      round: 2,
      proposer: sponsor.id,
      amendedBy: null,
      original: null,
      assurances: [card.id],
      supporters: [],
      opposers: [],
      outcome: 'agreed',
    };
    const [line] = timelineLines(
      scenario,
      [entry({ actor: sponsor.id, subjects: [card.id], deltas: { trust: 4, security: -1 } })],
      [record],
    );
    expect(line?.text).toBe(
      `Round 2 \u2014 Agreed: ${card.title.text} (${deliverer?.shortName.text} \u2194 ${sponsor.shortName.text}): ${scenario.meters.trust.name.text} +4, ${scenario.meters.security.name.text} \u22121`,
    );
  });

  it('covers every event, package and meter change of a whole game', () => {
    const game = playBotGame(scenario, 7, 'normal');
    const lines = timelineLines(scenario, game.state.log, game.state.packages);
    const kinds = new Set(['event', 'agreed', 'rejected', 'withdrawn', 'decision', 'audit']);
    expect(lines.length).toBe(
      game.state.log.filter(
        (e) =>
          kinds.has(e.kind) ||
          e.kind === 'delayed-effect' ||
          e.kind === 'defer' ||
          METER_IDS.some((m) => (e.deltas[m] ?? 0) !== 0),
      ).length,
    );
    // The lines' changes add up to the final meters.
    for (const m of METER_IDS) {
      const sum = lines.reduce((t, l) => t + (l.deltas[m] ?? 0), scenario.meters[m].start);
      expect(sum).toBeCloseTo(game.state.meters[m], 6);
    }
    expect(lines.some((l) => l.kind === 'decision')).toBe(true);
  });
});
