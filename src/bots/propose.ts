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
import { agreeChance, type SupportModel, supportChance, supportModel } from './acceptance.ts';
import { bestPackages, proposableMask } from './candidates.ts';
import { type BotMind, meterGain } from './mind.ts';
import { idleReason, passReason, proposeReason } from './reasons.ts';
import { Valuer } from './value.ts';

/** Packages of each size judged in full (see bestPackages). */
const SHORTLIST = 4;

interface Option {
  pkg: number[];
  value: number;
  chance: number;
  gain: number;
}

/**
 * The packages with their value, best first; equal values keep their order. (Insertion sort:
 * a dozen packages, and Array.sort with a comparator cost more than the rest of the turn.)
 */
function byValue(
  valuer: Valuer,
  packages: readonly number[][],
): { pkg: number[]; value: number }[] {
  const out: { pkg: number[]; value: number }[] = [];
  for (const pkg of packages) {
    const value = valuer.value(pkg);
    let at = out.length;
    while (at > 0 && (out[at - 1] as { value: number }).value < value) {
      out[at] = out[at - 1] as { pkg: number[]; value: number };
      at--;
    }
    out[at] = { pkg, value };
  }
  return out;
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
  const options = byValue(valuer, bestPackages(mind, valuer.worth, mask, SHORTLIST));
  // The most valuable package even if not worth proposing: the pass reason names it.
  const top = options[0] ?? null;
  let model: SupportModel | null = null;
  let best: Option | null = null;
  for (const { pkg, value } of options) {
    if (value <= 0 || (best !== null && Math.max(value, rejected) <= best.gain)) break;
    if (profile.modelsOthers) model ??= supportModel(mind);
    const chance = model ? agreeChance(mind, model, pkg) : 1;
    const gain = chance * value + (1 - chance) * rejected;
    if (best === null || gain > best.gain) best = { pkg, value, chance, gain };
  }
  if (best === null || best.gain <= profile.minGain) {
    const ids = top ? top.pkg.map((i) => mind.ids[i] as string) : null;
    return { type: 'PASS', role, reason: passReason(mind, ids, top?.value ?? 0) };
  }
  const ids = best.pkg.map((i) => mind.ids[i] as string);
  // The candidates mirror the rules; this one check guarantees the move is legal regardless.
  if (packageProblem(mind.scenario, mind.state, ids) !== null) {
    return { type: 'PASS', role, reason: passReason(mind, null, 0) };
  }
  const decider = mind.scenario.roles.findIndex((r) => r.id === mind.scenario.decider);
  const deciderChance =
    model && !mind.isDecider && decider >= 0 ? supportChance(mind, model, decider, best.pkg) : null;
  return {
    type: 'PROPOSE',
    role,
    assurances: ids,
    reason: proposeReason(mind, ids, best.value, model ? best.chance : null, deciderChance),
  };
}
