/**
 * Answering a package on the table: support it when it is worth enough to the bot; otherwise
 * swap its worst card for a better one (once per package) when that makes it acceptable;
 * otherwise oppose. A package holding one of the bot's red lines is never supported: the bot
 * swaps that card out if it can, or opposes.
 */
import { packageProblem } from '../rules/packages.ts';
import type { GameAction } from '../rules/types.ts';
import { agreeChance, chanceToBeat, supportModel } from './acceptance.ts';
import { type Amendment, bestAmendments, proposableMask } from './candidates.ts';
import { type BotMind, meterGain } from './mind.ts';
import { finalOpenWith } from './projection.ts';
import {
  amendReason,
  concedeReason,
  opposeReason,
  redLineReason,
  supportReason,
} from './reasons.ts';
import { Valuer } from './value.ts';

/** Swaps judged in full when looking for an amendment. */
const AMEND_SHORTLIST = 4;

export function chooseResponse(mind: BotMind): GameAction {
  const { role, profile } = mind;
  const pending = mind.state.pending;
  if (!pending) throw new Error('chooseResponse: there is no package to answer.');
  const valuer = new Valuer(mind);
  const pkg = currentPackage(mind);
  const value = valuer.value(pkg);
  const crossing = firstRedLine(mind, pkg);
  const mayAmend =
    !pending.amendedBy && (profile.amendChance >= 1 || mind.rng.next() < profile.amendChance);

  if (crossing >= 0) {
    const swap = mayAmend ? bestAmendment(mind, valuer, pkg, crossing) : null;
    if (swap) return amendAction(mind, swap, value, valuer.value(swap.pkg), true);
    const reason = redLineReason(mind, idOf(mind, crossing));
    return { type: 'RESPOND', role, response: 'oppose', reason };
  }

  const stake = stakes(valuer, pkg);
  if (value >= profile.supportAt) {
    return {
      type: 'RESPOND',
      role,
      response: 'support',
      reason: supportReason(
        mind,
        idOf(mind, stake.best),
        stake.bestWorth,
        value,
        opensDeal(mind, pkg),
      ),
    };
  }
  // Hard bots give a little ground in the last round if the deal still leaves them satisfied.
  if (
    profile.strategic &&
    mind.lastRound &&
    value >= -profile.concession &&
    valuer.outlookAfter(pkg) >= mind.me.reservation
  ) {
    return {
      type: 'RESPOND',
      role,
      response: 'support',
      reason: concedeReason(mind, idOf(mind, stake.worst), stake.worstWorth),
    };
  }
  const swap = mayAmend ? bestAmendment(mind, valuer, pkg, null) : null;
  if (swap) return amendAction(mind, swap, value, valuer.value(swap.pkg), false);
  return {
    type: 'RESPOND',
    role,
    response: 'oppose',
    reason: opposeReason(mind, idOf(mind, stake.worst), stake.worstWorth, value),
  };
}

function currentPackage(mind: BotMind): number[] {
  const ids = mind.state.pending?.assurances ?? [];
  const out: number[] = [];
  for (const id of ids) {
    const p = mind.position.get(id);
    if (p !== undefined) out.push(p);
  }
  return out;
}

/** The package's first card on the bot's red lines (its position), or -1. */
function firstRedLine(mind: BotMind, pkg: readonly number[]): number {
  for (const p of pkg) if (mind.me.redAssurance[p]) return p;
  return -1;
}

function idOf(mind: BotMind, position: number): string {
  return mind.ids[position] ?? '';
}

/** The package's best and worst cards for the bot (by their own worth). */
function stakes(valuer: Valuer, pkg: readonly number[]) {
  let best = pkg[0] ?? 0;
  let worst = best;
  for (const i of pkg) {
    if (valuer.worth.of(i) > valuer.worth.of(best)) best = i;
    if (valuer.worth.of(i) < valuer.worth.of(worst)) worst = i;
  }
  return {
    best,
    bestWorth: valuer.worth.of(best),
    worst,
    worstWorth: valuer.worth.of(worst),
  };
}

/** The decision a first deal would open, if this package would be the first (hard bots say so). */
function opensDeal(mind: BotMind, pkg: readonly number[]): string | null {
  if (!mind.profile.strategic) return null;
  for (const d of mind.scenario.decisions) {
    if (finalOpenWith(mind, d, pkg) && !finalOpenWith(mind, d, [])) return d.id;
  }
  return null;
}

/**
 * The swap with the best expected gain among the few that look best by simple worth; unless it
 * only takes out a red line (`remove`), it must make the package worth supporting. `pkg` is the
 * package on the table, by position.
 */
function bestAmendment(
  mind: BotMind,
  valuer: Valuer,
  pkg: readonly number[],
  remove: number | null,
): Amendment | null {
  const mustPlease = remove === null;
  // Simple worth is the bots' own measure; strategic bots judge each swap in full, but only
  // swaps that at least improve the package by simple worth are worth judging.
  const least = !mustPlease
    ? Number.NEGATIVE_INFINITY
    : mind.profile.strategic
      ? valuer.worth.sum(pkg) + Number.EPSILON
      : mind.profile.supportAt;
  const swaps = bestAmendments(
    mind,
    valuer.worth,
    proposableMask(mind),
    AMEND_SHORTLIST,
    remove,
    least,
  );
  if (swaps.length === 0) return null;
  const model = mind.profile.modelsOthers ? supportModel(mind) : null;
  const rejected = meterGain(mind, mind.state.meters, mind.scenario.costs.rejectedPackage);
  let best: Amendment | null = null;
  let bestGain = mustPlease ? 0 : Number.NEGATIVE_INFINITY;
  for (const a of swaps) {
    const value = valuer.value(a.pkg);
    if (mustPlease && value < mind.profile.supportAt) continue;
    const least = chanceToBeat(bestGain, value, rejected);
    const chance = model ? agreeChance(mind, model, a.pkg, least) : 1;
    if (chance < 0) continue; // it cannot beat the best so far
    const gain = chance * value + (1 - chance) * rejected;
    if (gain > bestGain) {
      best = a;
      bestGain = gain;
    }
  }
  // The candidates mirror the rules; this one check guarantees the move is legal regardless.
  const ids = best?.pkg.map((i) => idOf(mind, i));
  if (ids && packageProblem(mind.scenario, mind.state, ids) !== null) return null;
  return best;
}

function amendAction(
  mind: BotMind,
  swap: Amendment,
  before: number,
  after: number,
  redLine: boolean,
): GameAction {
  const remove = idOf(mind, swap.remove);
  const add = idOf(mind, swap.add);
  return {
    type: 'AMEND',
    role: mind.role,
    remove,
    add,
    reason: amendReason(mind, remove, add, before, after, redLine),
  };
}
