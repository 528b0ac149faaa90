/**
 * How much a package is worth to the bot. Easy and normal bots add up the worth of its cards.
 * Hard bots project the whole game: the change in their expected final score (projection.ts)
 * if the package were agreed, which also counts the decisions a first deal opens (e.g. "approve
 * with conditions" needs at least one agreed assurance) and that assurance valuations count
 * only under a binding decision.
 */
import type { BotMind } from './mind.ts';
import { Projector } from './projection.ts';
import { Worth } from './worth.ts';

export class Valuer {
  readonly worth: Worth;
  /** My expected final score as things stand (hard bots only; 0 otherwise). */
  readonly outlookNow: number;
  private readonly mind: BotMind;
  private projector: Projector | null = null;

  constructor(mind: BotMind) {
    this.mind = mind;
    this.worth = new Worth(mind);
    this.outlookNow = mind.profile.strategic ? this.outlookAfter([]) : 0;
  }

  /** Worth of the package to the bot, in points of its final score. */
  value(pkg: readonly number[]): number {
    if (!this.mind.profile.strategic) return this.worth.sum(pkg);
    return this.outlookAfter(pkg) - this.outlookNow;
  }

  /** My expected final score if this package were agreed now. */
  outlookAfter(pkg: readonly number[]): number {
    const mind = this.mind;
    const meters = mind.state.meters;
    let value = mind.agreedValue;
    let trust = meters.trust;
    let security = meters.security;
    let privacy = meters.privacy;
    for (const i of pkg) {
      value += mind.me.assurance[i] as number;
      const a = mind.scenario.assurances[i];
      const share = this.worth.landing(i);
      if (!a || share === 0) continue;
      trust += share * (mind.tables.trust[i] as number);
      security += share * (mind.tables.security[i] as number);
      privacy += share * (mind.tables.privacy[i] as number);
    }
    this.projector ??= new Projector(mind);
    return this.projector.outlook(pkg, value, trust, security, privacy);
  }
}
