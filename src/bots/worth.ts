/**
 * What each assurance is worth to the bot, from its own point of view: its private valuation
 * plus what the assurance's meter effects are worth under its private meter weights.
 *
 * A delayed effect lands at the end of round (agreed + delay); a final decision before that
 * drops it. So late promises count fully only if they can still land, a little if a defer could
 * still make room for them, and not at all otherwise.
 *
 * Worked out lazily, card by card: answering a package needs only its own two or three cards.
 * Easy bots' noise is keyed by the card, so it does not depend on the order of the questions.
 */
import { nextRandom } from '../rules/rng.ts';
import type { Assurance } from '../scenario/schema.ts';
import { type BotMind, cardGain } from './mind.ts';

/** Share of an assurance's meter effects the bot expects to see land if agreed now. */
export function landingShare(mind: BotMind, assurance: Assurance): number {
  if (assurance.delay === 0) return 1;
  if (mind.state.round + assurance.delay <= mind.state.roundsTotal) return 1;
  return mind.deferOpen ? 0.25 : 0;
}

/** Seeded noise in ±profile.noise for one item (a card, or a decision with an offset). */
export function noiseFor(mind: BotMind, item: number): number {
  const amplitude = mind.profile.noise;
  if (amplitude <= 0) return 0;
  // One generator step from (move seed, item): independent of the order items are asked for.
  const [r] = nextRandom((mind.seed ^ Math.imul(item + 1, 0x9e3779b9)) >>> 0);
  return (r * 2 - 1) * amplitude;
}

/**
 * A NaN for each card, to copy: copying a packed array of doubles is one allocation, where
 * filling or pushing into a new one grows it step by step (and a Worth is made on every move).
 */
let unknown: number[] = [];

function unknownFor(count: number): number[] {
  if (unknown.length !== count) {
    unknown = [];
    for (let i = 0; i < count; i++) unknown.push(Number.NaN);
  }
  return unknown;
}

export class Worth {
  private readonly mind: BotMind;
  /** Worth by position; NaN until worked out. (A plain array: small Float64Arrays are slow.) */
  private readonly known: number[];

  constructor(mind: BotMind) {
    this.mind = mind;
    this.known = unknownFor(mind.ids.length).slice();
  }

  /** valuation + landing × meter gain (+ noise for easy bots) of the card at this position. */
  of(i: number): number {
    const cached = this.known[i] as number;
    if (!Number.isNaN(cached)) return cached;
    const mind = this.mind;
    const a = mind.scenario.assurances[i] as Assurance;
    const value =
      (mind.me.assurance[i] as number) +
      landingShare(mind, a) * cardGain(mind, i) +
      noiseFor(mind, i);
    this.known[i] = value;
    return value;
  }

  /** Landing share of the card's meter effects. */
  landing(i: number): number {
    const a = this.mind.scenario.assurances[i];
    return a ? landingShare(this.mind, a) : 0;
  }

  /** Every card's worth, by position. */
  all(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.mind.ids.length; i++) out.push(this.of(i));
    return out;
  }

  /** The simple (additive) worth of a package: the sum of its cards' worth. */
  sum(pkg: readonly number[]): number {
    let total = 0;
    for (const i of pkg) total += this.of(i);
    return total;
  }
}
