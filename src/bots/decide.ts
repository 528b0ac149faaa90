/**
 * The end of the game: each role's public stance, then the decider's decision.
 *
 * Both pick the open decision that gives the bot its best final score (projection.ts: the
 * roleScore formula, assurance valuations counting only under a binding decision), never one of
 * its red lines. A defer is worth it only when the deal so far leaves the bot below its
 * reservation value and one more round could plausibly add something it wants.
 */
import { openDecisions } from '../rules/decision.ts';
import type { GameAction } from '../rules/types.ts';
import type { Decision } from '../scenario/schema.ts';
import { proposableMask } from './candidates.ts';
import { type BotMind, meterGain } from './mind.ts';
import { Projector } from './projection.ts';
import { insertRanked } from './ranked.ts';
import { decideReason, deferReason, stanceReason } from './reasons.ts';
import { noiseFor, Worth } from './worth.ts';

/** Only half of what one more round might bring is counted: the others must agree too. */
const HOPE_SHARE = 0.5;
/** Cards one more round could add at most (a package's largest size). */
const HOPE_CARDS = 3;
/** Noise items for decisions are numbered after the cards'. */
const DECISION_NOISE = 1000;

/**
 * What one more round could add at best: the bot's three best cards still open (a rough
 * ceiling — it does not check they fit in one package, since others must agree anyway).
 */
function roundHope(mind: BotMind): { hope: number; hopeId: string | null } {
  const worth = new Worth(mind);
  const mask = proposableMask(mind);
  // The three best, best first (ties: scenario order), kept by insertion: no sort, no objects.
  const cards: number[] = [];
  const worths: number[] = [];
  for (let i = 0; i < mind.ids.length; i++) {
    if (!mask[i] || mind.me.redAssurance[i]) continue;
    const w = worth.of(i);
    const full = worths.length === HOPE_CARDS;
    if (!(w > 0 && (!full || w > (worths[HOPE_CARDS - 1] as number)))) continue;
    insertRanked(cards, worths, full ? HOPE_CARDS - 1 : worths.length, i, w);
  }
  let hope = 0;
  for (const w of worths) hope += w;
  return { hope, hopeId: cards.length > 0 ? (mind.ids[cards[0] as number] ?? null) : null };
}

interface Choice {
  decision: Decision;
  score: number;
  /** For a defer: the best final score now, and the card one more round could add. */
  defer: { bestFinal: number; hope: string | null } | null;
}

function bestChoice(mind: BotMind): Choice | null {
  const open = openDecisions(mind.scenario, mind.state);
  const projector = new Projector(mind);
  const red = mind.me.redLines.decisions;
  let best: Choice | null = null;
  let bestCrossing: Choice | null = null;
  let bestFinal = Number.NEGATIVE_INFINITY;
  for (const d of open) {
    if (d.kind !== 'final') continue;
    const noise = noiseFor(mind, DECISION_NOISE + mind.scenario.decisions.indexOf(d));
    const score = projector.finalScore(d) + noise;
    const choice: Choice = { decision: d, score, defer: null };
    if (red.includes(d.id)) {
      if (!bestCrossing || score > bestCrossing.score) bestCrossing = choice;
      continue;
    }
    bestFinal = Math.max(bestFinal, score);
    if (!best || score > best.score) best = choice;
  }
  const defer = open.find((d) => d.kind === 'defer' && !red.includes(d.id));
  // A thin deal (below the reservation value) is worth one more round if that round could
  // plausibly add something: the best package the bot could propose, half-counted.
  if (defer && (best === null || bestFinal < mind.me.reservation)) {
    // The rules add the defer's own valuation to the final score, and its costs land at once.
    const cost =
      (mind.me.decision[defer.id] ?? 0) +
      meterGain(mind, mind.state.meters, mind.scenario.costs.defer) +
      meterGain(mind, mind.state.meters, defer.effects);
    const { hope, hopeId } = roundHope(mind);
    const base = best === null ? 0 : bestFinal;
    const score = base + cost + HOPE_SHARE * hope;
    if (best === null || (hope > 0 && score > bestFinal)) {
      best = { decision: defer, score, defer: { bestFinal: base, hope: hopeId } };
    }
  }
  // Only when every open decision crosses a red line does the bot pick one of them.
  return best ?? bestCrossing;
}

export function chooseStance(mind: BotMind): GameAction {
  const choice = bestChoice(mind);
  if (!choice) throw new Error('chooseStance: no decision is open.');
  const reason = choice.defer
    ? deferReason(mind, choice.decision.id, choice.defer.bestFinal, choice.defer.hope, true)
    : stanceReason(mind, choice.decision.id, choice.score);
  return { type: 'STANCE', role: mind.role, decision: choice.decision.id, reason };
}

export function chooseDecision(mind: BotMind): GameAction {
  const choice = bestChoice(mind);
  if (!choice) throw new Error('chooseDecision: no decision is open.');
  const reason = choice.defer
    ? deferReason(mind, choice.decision.id, choice.defer.bestFinal, choice.defer.hope, false)
    : decideReason(mind, choice.decision.id, choice.score);
  return { type: 'DECIDE', role: mind.role, decision: choice.decision.id, reason };
}
