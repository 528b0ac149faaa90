import { describe, expect, it } from 'vitest';
import { balanceNotes } from '../../src/cli/simulate-notes.ts';
import type { SimulationSummary } from '../../src/cli/simulate-stats.ts';

const spread = { mean: 50, p10: 40, p50: 50, p90: 60 };
const NAMES = { trust: 'Trust', security: 'Security', privacy: 'Privacy' };

/** A summary in which nothing stands out; `change` makes one thing do so. */
function summary(change: (s: SimulationSummary) => void = () => {}): SimulationSummary {
  const s: SimulationSummary = {
    games: 1000,
    decisions: [
      { id: 'approve', title: 'Approve', count: 500, share: 0.5 },
      { id: 'block', title: 'Block', count: 500, share: 0.5 },
    ],
    deferred: { count: 0, share: 0 },
    meters: {
      trust: { ...spread, below: 0.2, above: 0 },
      security: { ...spread, below: 0, above: 0.3 },
      privacy: { ...spread, below: 0.1, above: 0.1 },
    },
    balance: spread,
    roles: [{ id: 'mayor', name: 'Mayor', satisfied: 0.5, meanScore: 10, reservation: 8 }],
    assurances: [
      {
        id: 'dpia',
        title: 'Published DPIA',
        proposed: 0.6,
        agreed: 0.3,
        available: 1,
        requires: [],
      },
    ],
    packages: { agreed: 2, rejected: 1, withdrawn: 0 },
    redLineFlags: 0,
  };
  change(s);
  return s;
}

describe('balance notes', () => {
  it('say nothing about a scenario where every choice stays open', () => {
    expect(balanceNotes(summary(), NAMES)).toEqual([]);
  });

  it('name a dominant decision, a role never or always satisfied', () => {
    const notes = balanceNotes(
      summary((s) => {
        s.decisions = [{ id: 'approve', title: 'Approve', count: 990, share: 0.99 }];
        s.roles = [
          { id: 'mayor', name: 'Mayor', satisfied: 0, meanScore: 2, reservation: 10 },
          { id: 'met', name: 'Met', satisfied: 1, meanScore: 30, reservation: 0 },
        ];
      }),
      NAMES,
    );
    expect(notes).toEqual([
      expect.stringMatching(/^"Approve" is the decision in 99% of games/),
      expect.stringMatching(
        /^Mayor is satisfied in 0% of games \(mean score 2\.0, reservation 10\)/,
      ),
      expect.stringMatching(/^Met is satisfied in 100% of games: nothing at the table is at stake/),
    ]);
  });

  it('name an assurance nobody proposes, and one proposed but never agreed', () => {
    const notes = balanceNotes(
      summary((s) => {
        s.assurances = [
          { id: 'a', title: 'Unloved', proposed: 0.01, agreed: 0, available: 1, requires: [] },
          {
            id: 'b',
            title: 'Blocked',
            proposed: 0.9,
            agreed: 0,
            available: 1,
            requires: [],
            mostAgainst: { role: 'met', name: 'Met', share: 0.93 },
          },
          { id: 'c', title: 'Fine', proposed: 0.9, agreed: 0.4, available: 1, requires: [] },
          // Wanted, maybe, but it needs "Blocked" agreed first, and that never is.
          { id: 'e', title: 'Waiting', proposed: 0, agreed: 0, available: 1, requires: ['b'] },
          // Hidden, and what unlocks it hardly ever comes: that, not a lack of interest.
          { id: 'd', title: 'Locked', proposed: 0, agreed: 0, available: 0.01, requires: [] },
        ];
      }),
      NAMES,
    );
    expect(notes).toEqual([
      expect.stringMatching(/^"Unloved" is proposed in 1% of games: nobody wants it/),
      expect.stringMatching(
        /^"Blocked" is proposed in 90% of games but agreed in 0%.* Most often against it: Met, in 93% of the packages it was in\.$/,
      ),
      expect.stringMatching(
        /^"Waiting" is proposed in 0% of games: it requires "Blocked", which is agreed in 0%/,
      ),
      expect.stringMatching(/^"Locked" can be played in 1% of games: it starts hidden/),
    ]);
  });

  it('name a meter that never leaves its band, and one that never stays in it', () => {
    const notes = balanceNotes(
      summary((s) => {
        s.meters.trust = { ...spread, below: 0, above: 0 };
        s.meters.privacy = { ...spread, below: 0.6, above: 0.38 };
      }),
      NAMES,
    );
    expect(notes).toEqual([
      expect.stringMatching(/^Trust ends inside its healthy band in every game \(p10–p90 40–60\)/),
      expect.stringMatching(/^Privacy ends outside its healthy band in 98% of games/),
    ]);
  });
});
