/**
 * A bot's own turn: propose the package with the best expected gain, or pass.
 *
 * Expected gain = chance of agreement × worth to the bot + chance of rejection × the bot's
 * share of the public cost of a rejected package. Easy bots assume everyone agrees (and
 * sometimes sit a turn out); normal and hard bots estimate the chance from public signals
 * (acceptance.ts). A bot passes when no package is worth the trouble.
 */
import { packageProblem } from '../rules/packages.ts';
import type { GameAction } from '../rules/types.ts';
import {
  agreeChance,
  chanceToBeat,
  type SupportModel,
  supportChance,
  supportModel,
} from './acceptance.ts';
import { bestPackages, proposableMask } from './candidates.ts';
import { type BotMind, meterGain } from './mind.ts';
import { idleReason, passReason, proposeReason } from './reasons.ts';
import { Valuer } from './value.ts';

/** Packages of each size judged in full (see bestPackages). */
const SHORTLIST = 4;

/**
 * The packages ranked by value, best first; equal values keep their order. (Insertion sort into
 * parallel lists: a dozen packages, and Array.sort with a comparator, or an object per package,
 * cost more than the rest of the turn.)
 */
class Ranking {
  readonly packages: number[][] = [];
  readonly values: number[] = [];

  constructor(valuer: Valuer, packages: readonly number[][]) {
    const { packages: out, values } = this;
    for (const pkg of packages) {
      const value = valuer.value(pkg);
      let at = out.length;
      while (at > 0 && (values[at - 1] as number) < value) {
        out[at] = out[at - 1] as number[];
        values[at] = values[at - 1] as number;
        at--;
      }
      out[at] = pkg;
      values[at] = value;
    }
  }
}

export function chooseTurn(mind: BotMind): GameAction {
  const { profile, role } = mind;
  if (profile.idleChance > 0 && mind.rng.next() < profile.idleChance) {
    return { type: 'PASS', role, reason: idleReason(mind) };
  }
  const valuer = new Valuer(mind);
  const mask = proposableMask(mind);
  const rejected = meterGain(mind, mind.state.meters, mind.scenario.costs.rejectedPackage);
  // Best value first: a package's expected gain never exceeds the larger of its value and what a
  // rejection gives the bot, so once that bound falls below the best gain the search can stop.
  const { packages, values } = new Ranking(
    valuer,
    bestPackages(mind, valuer.worth, mask, SHORTLIST),
  );
  let model: SupportModel | null = null;
  let best = -1;
  let bestChance = 0;
  let bestGain = 0;
  for (let k = 0; k < packages.length; k++) {
    const value = values[k] as number;
    if (value <= 0 || (best >= 0 && Math.max(value, rejected) <= bestGain)) break;
    if (profile.modelsOthers) model ??= supportModel(mind);
    const least = best >= 0 ? chanceToBeat(bestGain, value, rejected) : -1;
    const chance = model ? agreeChance(mind, model, packages[k] as number[], least) : 1;
    if (chance < 0) continue; // it cannot beat the best so far
    const gain = chance * value + (1 - chance) * rejected;
    if (best < 0 || gain > bestGain) {
      best = k;
      bestChance = chance;
      bestGain = gain;
    }
  }
  if (best < 0 || bestGain <= profile.minGain) {
    // The most valuable package even if not worth proposing: the pass reason names it.
    const top = packages[0];
    const ids = top ? idsOf(mind, top) : null;
    return { type: 'PASS', role, reason: passReason(mind, ids, values[0] ?? 0) };
  }
  const pkg = packages[best] as number[];
  const value = values[best] as number;
  const ids = idsOf(mind, pkg);
  // The candidates mirror the rules; this one check guarantees the move is legal regardless.
  if (packageProblem(mind.scenario, mind.state, ids) !== null) {
    return { type: 'PASS', role, reason: passReason(mind, null, 0) };
  }
  const decider = mind.deciderSeat;
  const deciderChance =
    model && !mind.isDecider && decider >= 0 ? supportChance(mind, model, decider, pkg) : null;
  return {
    type: 'PROPOSE',
    role,
    assurances: ids,
    reason: proposeReason(mind, ids, value, model ? bestChance : null, deciderChance),
  };
}

function idsOf(mind: BotMind, pkg: readonly number[]): string[] {
  const ids: string[] = [];
  for (const i of pkg) ids.push(mind.ids[i] as string);
  return ids;
}
