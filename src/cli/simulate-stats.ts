/**
 * The statistics `simulate` reports, gathered game by game so thousands of games never sit in
 * memory at once. Pure: no I/O, no clock — the same games give the same numbers, to the digit.
 *
 * Shares are fractions of games (0–1). Percentiles use the nearest-rank method: p10 is the
 * smallest value at or above which 90% of games ended.
 */
import { balanceScore, roleScore } from '../rules/scoring.ts';
import type { GameState, MeterId } from '../rules/types.ts';
import { METER_IDS, type Scenario } from '../scenario/schema.ts';

export interface Spread {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

export interface MeterStats extends Spread {
  /** Share of games ending below / above the healthy band. */
  below: number;
  above: number;
}

export interface SimulationSummary {
  games: number;
  decisions: { id: string; title: string; count: number; share: number }[];
  /** Games in which the decision-maker deferred once. */
  deferred: { count: number; share: number };
  meters: Record<MeterId, MeterStats>;
  balance: Spread;
  roles: {
    id: string;
    name: string;
    /** Share of games in which the role ended at or above its reservation value. */
    satisfied: number;
    meanScore: number;
    reservation: number;
  }[];
  assurances: {
    id: string;
    title: string;
    /** Share of games in which it was put on the table (proposed or amended in) at least once. */
    proposed: number;
    /** Share of games in which it ended agreed. */
    agreed: number;
    /** Share of games in which it could be played at some point (available, or unlocked). */
    available: number;
    /** The assurances it requires (agreed first or in the same package). */
    requires: string[];
    /**
     * The role that opposed the packages it was in most often, and the share of those packages
     * it opposed (absent: it was never in a package, or nobody opposed one).
     */
    mostAgainst?: { role: string; name: string; share: number };
  }[];
  /** Mean number of packages per game, by outcome. */
  packages: { agreed: number; rejected: number; withdrawn: number };
  /** Red-line flags over all games (bots never cross their red lines: should be 0). */
  redLineFlags: number;
}

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  let sum = 0;
  for (const v of values) sum += v;
  return {
    mean: round(values.length ? sum / values.length : 0, 2),
    p10: round(percentile(sorted, 10), 2),
    p50: round(percentile(sorted, 50), 2),
    p90: round(percentile(sorted, 90), 2),
  };
}

export class SimulationStats {
  private games = 0;
  private readonly decisionCounts = new Map<string, number>();
  private deferredCount = 0;
  private readonly meterValues: Record<MeterId, number[]> = {
    trust: [],
    security: [],
    privacy: [],
  };
  private readonly below: Record<MeterId, number> = { trust: 0, security: 0, privacy: 0 };
  private readonly above: Record<MeterId, number> = { trust: 0, security: 0, privacy: 0 };
  private readonly balances: number[] = [];
  private readonly satisfied = new Map<string, number>();
  private readonly scoreSums = new Map<string, number>();
  private readonly proposed = new Map<string, number>();
  private readonly agreed = new Map<string, number>();
  private readonly available = new Map<string, number>();
  /** Packages each assurance was in, and how many of them each role opposed. */
  private readonly inPackages = new Map<string, number>();
  private readonly opposedBy = new Map<string, Map<string, number>>();
  private readonly outcomes = { agreed: 0, rejected: 0, withdrawn: 0 };
  private redLineFlags = 0;

  constructor(private readonly scenario: Scenario) {}

  /** Adds one finished game (its final state). */
  add(state: GameState): void {
    const { scenario } = this;
    this.games++;
    if (state.decision !== null) bump(this.decisionCounts, state.decision);
    if (state.deferred) this.deferredCount++;
    for (const m of METER_IDS) {
      const value = state.meters[m];
      this.meterValues[m].push(value);
      const band = scenario.meters[m].band;
      if (value < band.low) this.below[m]++;
      if (value > band.high) this.above[m]++;
    }
    this.balances.push(balanceScore(scenario, state.meters));
    for (const r of scenario.roles) {
      const score = roleScore(scenario, state, r.id);
      if (score.satisfied) bump(this.satisfied, r.id);
      this.scoreSums.set(r.id, (this.scoreSums.get(r.id) ?? 0) + score.total);
    }
    const onTable = new Set<string>();
    for (const p of state.packages) {
      for (const id of p.original ?? []) onTable.add(id);
      for (const id of p.assurances) onTable.add(id);
      this.outcomes[p.outcome]++;
    }
    for (const id of onTable) bump(this.proposed, id);
    for (const p of state.packages) {
      for (const id of p.assurances) {
        bump(this.inPackages, id);
        const against = this.opposedBy.get(id) ?? new Map<string, number>();
        this.opposedBy.set(id, against);
        for (const role of p.opposers) bump(against, role);
      }
    }
    for (const a of scenario.assurances) {
      if (a.available || state.unlocked.includes(a.id)) bump(this.available, a.id);
    }
    for (const id of new Set(state.agreed.map((a) => a.id))) bump(this.agreed, id);
    this.redLineFlags += state.redLineFlags.length;
  }

  /** The role that opposed the packages holding `id` most often (ties: scenario order). */
  private mostAgainst(id: string): { mostAgainst?: { role: string; name: string; share: number } } {
    const packages = this.inPackages.get(id) ?? 0;
    const against = this.opposedBy.get(id);
    if (packages === 0 || !against) return {};
    let best: { role: string; name: string; share: number } | null = null;
    for (const r of this.scenario.roles) {
      const count = against.get(r.id) ?? 0;
      if (count > 0 && (!best || count / packages > best.share)) {
        best = { role: r.id, name: r.shortName.text, share: round(count / packages, 4) };
      }
    }
    return best ? { mostAgainst: best } : {};
  }

  summary(): SimulationSummary {
    const { scenario } = this;
    const n = this.games;
    const share = (count: number) => round(n ? count / n : 0, 4);
    const meters = {} as Record<MeterId, MeterStats>;
    for (const m of METER_IDS) {
      meters[m] = {
        ...spread(this.meterValues[m]),
        below: share(this.below[m]),
        above: share(this.above[m]),
      };
    }
    return {
      games: n,
      decisions: scenario.decisions
        .filter((d) => d.kind === 'final')
        .map((d) => {
          const count = this.decisionCounts.get(d.id) ?? 0;
          return { id: d.id, title: d.title.text, count, share: share(count) };
        }),
      deferred: { count: this.deferredCount, share: share(this.deferredCount) },
      meters,
      balance: spread(this.balances),
      roles: scenario.roles.map((r) => ({
        id: r.id,
        name: r.shortName.text,
        satisfied: share(this.satisfied.get(r.id) ?? 0),
        meanScore: round(n ? (this.scoreSums.get(r.id) ?? 0) / n : 0, 2),
        reservation: r.reservation,
      })),
      assurances: scenario.assurances.map((a) => ({
        id: a.id,
        title: a.title.text,
        proposed: share(this.proposed.get(a.id) ?? 0),
        agreed: share(this.agreed.get(a.id) ?? 0),
        available: share(this.available.get(a.id) ?? 0),
        requires: [...a.requires],
        ...this.mostAgainst(a.id),
      })),
      packages: {
        agreed: round(n ? this.outcomes.agreed / n : 0, 2),
        rejected: round(n ? this.outcomes.rejected / n : 0, 2),
        withdrawn: round(n ? this.outcomes.withdrawn / n : 0, 2),
      },
      redLineFlags: this.redLineFlags,
    };
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
