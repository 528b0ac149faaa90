/**
 * Where the game is heading for the bot: its final score under each decision, computed the way
 * src/rules/scoring.ts will score it — the decision's valuation, the meters' change from their
 * start under the bot's weights, and its valuations of the agreed assurances only when the
 * decision makes them binding. For binding decisions the expected audit breaches (public odds,
 * public effects) are counted too, and so is the bot's valuation of "defer" once the decider
 * has deferred (the rules score it on top of the final decision).
 *
 * Hard bots project the game for every package they weigh, so a Projector prepares everything
 * that does not depend on the package once per move and then works on plain numbers.
 */
import { meterHealth } from '../rules/scoring.ts';
import type { Decision, Scenario } from '../scenario/schema.ts';
import type { BotMind } from './mind.ts';
import { sameList } from './tables.ts';

const clamp = (v: number) => (v < 0 ? 0 : Math.min(v, 100));
/** Balance points that make a decision e times as likely in a non-decider's eyes. */
const BALANCE_SCALE = 5;

/** What the rules ask of each decision, by position in scenario.decisions. */
interface DecisionFacts {
  decision: Decision;
  final: boolean;
  minAgreed: number;
  maxAgreed: number;
  /** Positions that must be agreed (-1: an unknown id, never met). */
  required: readonly number[];
  binding: boolean;
  /** Its meter effects (0 where none). */
  trust: number;
  security: number;
  privacy: number;
}

interface ScenarioDecisions {
  facts: readonly DecisionFacts[];
  /** Position of the defer decision (-1 if none). */
  defer: number;
  /**
   * Each card's breach effects (0 where none or unaudited), by position. Like every effects
   * object here, read once: their differing shapes make each read through them slow.
   */
  breachTrust: readonly number[];
  breachSecurity: readonly number[];
  breachPrivacy: readonly number[];
}

/**
 * Decision facts depend only on the scenario (the bot's own valuations and red lines are read
 * by the same positions from its secrets), so they are worked out once per scenario.
 */
const factsCache = new WeakMap<Scenario, ScenarioDecisions>();

interface LikelihoodSeen {
  trust: number;
  security: number;
  privacy: number;
  /** The state's agreed list (states share it until a deal changes it). */
  agreed: readonly unknown[];
  likelihood: readonly number[];
}
const likelihoodCache = new WeakMap<Scenario, LikelihoodSeen>();

function scenarioDecisions(mind: BotMind): ScenarioDecisions {
  let known = factsCache.get(mind.scenario);
  if (!known) {
    const decisions = mind.scenario.decisions;
    const cards = mind.scenario.assurances;
    known = {
      facts: decisions.map((d) => ({
        decision: d,
        final: d.kind === 'final',
        minAgreed: d.requires.minAgreed,
        maxAgreed: d.requires.maxAgreed ?? Number.POSITIVE_INFINITY,
        required: d.requires.allAgreed.map((id) => mind.position.get(id) ?? -1),
        binding: d.enforcesConditions,
        trust: d.effects.trust ?? 0,
        security: d.effects.security ?? 0,
        privacy: d.effects.privacy ?? 0,
      })),
      defer: decisions.findIndex((d) => d.kind === 'defer'),
      breachTrust: cards.map((a) => a.verification?.breachEffects.trust ?? 0),
      breachSecurity: cards.map((a) => a.verification?.breachEffects.security ?? 0),
      breachPrivacy: cards.map((a) => a.verification?.breachEffects.privacy ?? 0),
    };
    factsCache.set(mind.scenario, known);
  }
  return known;
}

export class Projector {
  private readonly mind: BotMind;
  private readonly scenarioFacts: ScenarioDecisions;
  private readonly decisions: readonly DecisionFacts[];
  /** How likely a non-decider thinks the decider is to take each decision (relative weights). */
  private readonly likelihood: readonly number[] = [];
  /** Audit modifiers of the agreed assurances, summed. */
  private readonly agreedModifiers: number;
  /** Agreed assurances that are audited. */
  private readonly agreedAudited: readonly number[];
  /** My valuation of the defer already taken (0 if none). */
  private readonly deferred: number;
  /** Expected breaches of the agreed assurances alone, once worked out. */
  private agreedBreaches: [number, number, number] | null = null;
  /** Scratch for the expected breaches (the projector is used by one move, synchronously). */
  private bt = 0;
  private bs = 0;
  private bp = 0;

  constructor(mind: BotMind) {
    this.mind = mind;
    const known = scenarioDecisions(mind);
    this.scenarioFacts = known;
    this.decisions = known.facts;
    let modifiers = 0;
    const audited: number[] = [];
    for (const p of mind.agreedPositions) {
      const a = mind.scenario.assurances[p];
      modifiers += a?.auditModifier ?? 0;
      if (a?.verification) audited.push(p);
    }
    this.agreedModifiers = modifiers;
    this.agreedAudited = audited;
    this.deferred =
      mind.state.deferred && known.defer >= 0 ? (mind.me.decisionValue[known.defer] as number) : 0;
    if (!mind.isDecider) this.likelihood = this.decisionLikelihood();
  }

  /**
   * Public information only (meters, agreed cards), so the same for every seat: kept for the
   * last state seen, as the seats answering one package all ask in the same state.
   */
  private decisionLikelihood(): readonly number[] {
    const { scenario, state } = this.mind;
    const m = state.meters;
    const hit = likelihoodCache.get(scenario);
    if (
      hit &&
      sameList(hit.agreed, state.agreed) &&
      hit.trust === m.trust &&
      hit.security === m.security &&
      hit.privacy === m.privacy
    )
      return hit.likelihood;
    this.expectBreaches([]);
    const likelihood: number[] = [];
    for (const d of this.decisions) {
      const b = d.binding ? 1 : 0;
      const balance = this.balance(
        m.trust + d.trust + b * this.bt,
        m.security + d.security + b * this.bs,
        m.privacy + d.privacy + b * this.bp,
      );
      likelihood.push(Math.exp(balance / BALANCE_SCALE));
    }
    likelihoodCache.set(scenario, {
      trust: m.trust,
      security: m.security,
      privacy: m.privacy,
      agreed: state.agreed,
      likelihood,
    });
    return likelihood;
  }

  /** My score from the meters alone, were the game to end with them here. */
  meterScore(trust: number, security: number, privacy: number): number {
    const w = this.mind.me.meterWeights;
    const m = this.mind.scenario.meters;
    return (
      w.trust * (clamp(trust) - m.trust.start) +
      w.security * (clamp(security) - m.security.start) +
      w.privacy * (clamp(privacy) - m.privacy.start)
    );
  }

  /**
   * The final score I expect if `extra` (positions) were agreed on top of what is, making the
   * agreed set worth `value` to me and the meters `trust`/`security`/`privacy`. The decider
   * will take its best open decision (never one of its red lines unless nothing else is open).
   * For anyone else the decider's tastes are private; what is public is that it answers to the
   * public, so each decision is weighted by how balanced it would leave the meters as they are
   * now (weight e^(balance / 5): ten points of balance make a decision about 7 times as likely).
   * The weights are fixed for the move, so a package counts for what it gives the bot under each
   * decision and for the decisions it opens — not for nudging the decider.
   */
  outlook(
    extra: readonly number[],
    value: number,
    trust: number,
    security: number,
    privacy: number,
  ): number {
    const mind = this.mind;
    const count = mind.agreedPositions.length + extra.length;
    let best = Number.NEGATIVE_INFINITY;
    let bestCrossing = Number.NEGATIVE_INFINITY;
    let sum = 0;
    let weights = 0;
    let breaches = false;
    for (let at = 0; at < this.decisions.length; at++) {
      const d = this.decisions[at] as DecisionFacts;
      if (!d.final || count < d.minAgreed || count > d.maxAgreed) continue;
      if (!this.holds(d.required, extra)) continue;
      let t = trust + d.trust;
      let s = security + d.security;
      let p = privacy + d.privacy;
      let score = (mind.me.decisionValue[at] as number) + this.deferred;
      if (d.binding) {
        if (!breaches) {
          this.expectBreaches(extra);
          breaches = true;
        }
        score += value;
        t += this.bt;
        s += this.bs;
        p += this.bp;
      }
      score += this.meterScore(t, s, p);
      if (mind.isDecider) {
        if (mind.me.redDecision[at]) bestCrossing = Math.max(bestCrossing, score);
        else best = Math.max(best, score);
      } else {
        const weight = this.likelihood[at] ?? 1;
        sum += weight * score;
        weights += weight;
      }
    }
    if (mind.isDecider) {
      if (best > Number.NEGATIVE_INFINITY) return best;
      if (bestCrossing > Number.NEGATIVE_INFINITY) return bestCrossing;
    } else if (weights > 0) {
      return sum / weights;
    }
    return this.meterScore(trust, security, privacy);
  }

  /** My final score if this decision were taken now, as things stand. */
  finalScore(decision: Decision): number {
    const at = this.mind.scenario.decisions.indexOf(decision);
    const d = this.decisions[at];
    if (!d) return 0;
    const m = this.mind.state.meters;
    let t = m.trust + d.trust;
    let s = m.security + d.security;
    let p = m.privacy + d.privacy;
    let score = (this.mind.me.decisionValue[at] as number) + this.deferred;
    if (d.binding) {
      this.expectBreaches([]);
      score += this.mind.agreedValue;
      t += this.bt;
      s += this.bs;
      p += this.bp;
    }
    return score + this.meterScore(t, s, p);
  }

  /** The balance score (0–100) these meters would have; see src/rules/scoring.ts. */
  private balance(trust: number, security: number, privacy: number): number {
    const m = this.mind.scenario.meters;
    const product =
      meterHealth(clamp(trust), m.trust.band) *
      meterHealth(clamp(security), m.security.band) *
      meterHealth(clamp(privacy), m.privacy.band);
    return 100 * Math.cbrt(product);
  }

  private holds(required: readonly number[], extra: readonly number[]): boolean {
    for (const r of required) {
      if (r < 0) return false;
      if (!this.mind.agreedPositions.includes(r) && !extra.includes(r)) return false;
    }
    return true;
  }

  /**
   * Expected meter changes from the audits if the agreed assurances plus `extra` become
   * binding: each audited promise's breach odds, shifted by the others' audit modifiers (as the
   * rules' aftermath does). Left in bt/bs/bp.
   */
  private expectBreaches(extra: readonly number[]): void {
    const cards = this.mind.scenario.assurances;
    let extraModifiers = 0;
    for (const p of extra) extraModifiers += cards[p]?.auditModifier ?? 0;
    const modifiers = this.agreedModifiers + extraModifiers;
    if (extraModifiers === 0 && this.agreedBreaches) {
      // The odds of what is agreed do not move: start from their sum, worked out once.
      this.bt = this.agreedBreaches[0];
      this.bs = this.agreedBreaches[1];
      this.bp = this.agreedBreaches[2];
    } else {
      this.bt = 0;
      this.bs = 0;
      this.bp = 0;
      for (const p of this.agreedAudited) this.addBreach(p, modifiers);
      if (extraModifiers === 0) this.agreedBreaches = [this.bt, this.bs, this.bp];
    }
    for (const p of extra) if (cards[p]?.verification) this.addBreach(p, modifiers);
  }

  private addBreach(position: number, modifiers: number): void {
    const a = this.mind.scenario.assurances[position];
    if (!a?.verification) return;
    const odds = a.verification.breachChance + modifiers - a.auditModifier;
    const chance = odds < 0 ? 0 : Math.min(odds, 1);
    this.bt += chance * (this.scenarioFacts.breachTrust[position] as number);
    this.bs += chance * (this.scenarioFacts.breachSecurity[position] as number);
    this.bp += chance * (this.scenarioFacts.breachPrivacy[position] as number);
  }
}

/** Would this final decision be open if `extra` were agreed too (as the rules' decisionOpen)? */
export function finalOpenWith(mind: BotMind, decision: Decision, extra: readonly number[]) {
  if (decision.kind !== 'final') return false;
  const count = mind.agreedPositions.length + extra.length;
  const req = decision.requires;
  if (count < req.minAgreed) return false;
  if (req.maxAgreed !== undefined && count > req.maxAgreed) return false;
  for (const id of req.allAgreed) {
    const p = mind.position.get(id);
    if (p === undefined) return false;
    if (!mind.agreedPositions.includes(p) && !extra.includes(p)) return false;
  }
  return true;
}
