/**
 * Plain-text pieces the crude game screens share (meters, agreed conditions, the log, a role's
 * worth of a card). No Phaser: strings in, strings out; the richer screens can reuse them for
 * their DOM twins and tooltips.
 */
import { describeNewEntries, ended, roleLabel } from '../../app/announce.ts';
import { sourcesLine } from '../../app/citations.ts';
import { agreementText, effectsText, scoreNumber, signedNumber } from '../../print/rule-words.ts';
import { decisionEffects } from '../../rules/decision.ts';
import { BALANCE_RULE_TEXT, bandStatus, meterHealth } from '../../rules/scoring.ts';
import { type Assurance, METER_IDS, type Scenario } from '../../scenario/schema.ts';
import type { GameView } from '../../store/types.ts';

/**
 * "Trust 52 (healthy; band 35–78)", or "too low" / "too high", for each meter, then the balance:
 * whole numbers, as the table shows them.
 */
export function metersText(game: GameView): string {
  const { scenario, view } = game;
  const lines = METER_IDS.map((m) => {
    const meter = scenario.meters[m];
    const status = bandStatus(scenario, m, view.meters[m]);
    const word = status === 'healthy' ? 'healthy' : status === 'low' ? 'too low' : 'too high';
    return `${meter.name.text} ${Math.round(view.meters[m])} (${word}; band ${meter.band.low}–${meter.band.high})`;
  });
  lines.push(`Balance ${Math.round(view.balance)} of 100`);
  return lines.join('\n');
}

export const BALANCE_EXPLAINED = BALANCE_RULE_TEXT;

export function assuranceTitle(game: GameView, id: string): string {
  return game.scenario.assurances.find((a) => a.id === id)?.title.text ?? id;
}

export function decisionTitle(game: GameView, id: string): string {
  return game.scenario.decisions.find((d) => d.id === id)?.title.text ?? id;
}

/** "+7 to you" from the viewer's private valuations, or "" for the public view. */
export function worthToViewer(game: GameView, id: string): string {
  const me = game.view.me;
  if (!me) return '';
  const n = me.valuations.assurances[id] ?? me.valuations.decisions[id];
  if (n === undefined) return '';
  return toYou(n);
}

/** "+3 to you", "−1 to you" (a real minus sign, as on the meters), "0 to you". */
/** Whether the viewer said they would never accept this assurance or decision. */
export function viewersRedLine(game: GameView, id: string): boolean {
  const red = game.view.me?.redLines;
  return red !== undefined && (red.assurances.includes(id) || red.decisions.includes(id));
}

/**
 * What a decision would give the viewer, beside it on the decision screen: for a final decision
 * their final score (the rules' forecast, before the audits) and what satisfies them, "Your
 * score: 28.5 — you need 29"; for a defer, that another round comes first and what the delay
 * itself counts for them. "" in the public view.
 */
export function outcomeForViewer(game: GameView, id: string): string {
  const me = game.view.me;
  if (!me) return '';
  const score = me.ifDecided[id];
  if (score === undefined) {
    const worth = worthToViewer(game, id);
    // Not a score: the final one comes after the extra round. The delay's own worth counts then.
    return `No score yet: one more round${worth ? ` (delay ${worth})` : ''}`;
  }
  return `Your score: ${scoreNumber(score)} — you need ${scoreNumber(me.reservation)}`;
}

function toYou(n: number): string {
  return `${signedNumber(n)} to you`;
}

/**
 * The swaps the viewer may offer, best for them first (by their own valuations: what the card
 * added is worth minus what the card taken out was), each with that difference as "+3 to you"
 * ("" in the public view, which keeps the rules' order). With a dozen swaps and more, the ones
 * worth making come first instead of somewhere among the pages.
 */
export function rankedAmendments<A extends { remove: string; add: string }>(
  game: GameView,
  amendments: readonly A[],
): { amendment: A; worth: string }[] {
  const values = game.view.me?.valuations.assurances;
  const ranked = amendments.map((amendment, i) => {
    const gain = values ? (values[amendment.add] ?? 0) - (values[amendment.remove] ?? 0) : 0;
    return { amendment, gain, i };
  });
  if (values) ranked.sort((a, b) => b.gain - a.gain || a.i - b.i);
  return ranked.map(({ amendment, gain }) => ({ amendment, worth: values ? toYou(gain) : '' }));
}

export function agreedText(game: GameView): string {
  const agreed = game.view.agreed;
  if (agreed.length === 0) return 'No assurances agreed yet.';
  return agreed.map((a) => `• ${assuranceTitle(game, a.id)} (round ${a.round})`).join('\n');
}

/**
 * What an assurance promises, and what its card's icons stand for: its summary, what it does to
 * the meters (public: the printed overview lists it too), then its delay (the hourglass) and
 * its audit (the magnifier), in words.
 */
export function assuranceDetails(scenario: Scenario, a: Assurance): string {
  const details = [a.summary.text];
  const meters = effectsText(scenario, a.effects);
  details.push(meters === 'No meter change' ? 'Moves no meter.' : `Meters: ${meters}.`);
  if (a.delay > 0)
    details.push(`Takes effect ${a.delay} round${a.delay > 1 ? 's' : ''} after it is agreed.`);
  if (a.verification) details.push('Verifiable: audited after the decision.');
  return details.join(' ');
}

/**
 * A card read in full: what it promises (`assuranceDetails`), then its longer explanation (the
 * real-world background) and the sources of its facts, one paragraph each.
 */
export function assuranceInFull(scenario: Scenario, a: Assurance): string {
  return [
    assuranceDetails(scenario, a),
    a.text.text,
    sourcesLine(scenario, a.text.sources, a.sources),
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * The cards `ids` in full (the viewer's hand: the tray has room for their titles), each with
 * who delivers it and its worth to the viewer; and the paragraph each card starts on.
 */
export function cardsInFull(
  game: GameView,
  ids: readonly string[],
): { text: string; starts: Map<string, number> } {
  return blocksWithStarts(
    ids.flatMap((id): [string, string][] => {
      const a = game.scenario.assurances.find((x) => x.id === id);
      return a ? [[id, cardInFull(game, a, '•')]] : [];
    }),
  );
}

/**
 * Blocks of text one after another, an empty line between them, and the paragraph (line) each
 * starts on, by its key: a full view scrolls to a block by its first line.
 */
export function blocksWithStarts(blocks: readonly (readonly [string, string])[]): {
  text: string;
  starts: Map<string, number>;
} {
  const starts = new Map<string, number>();
  let paragraph = 0;
  for (const [key, block] of blocks) {
    starts.set(key, paragraph);
    // The block's lines (a scenario's text may hold line breaks), and the empty line after it.
    paragraph += block.split(/\r\n|\r|\n/).length + 1;
  }
  return { text: blocks.map(([, block]) => block).join('\n\n'), starts };
}

/** One card in full: `mark` and its title, who delivers it (its worth to the viewer), the rest. */
function cardInFull(game: GameView, a: Assurance, mark: string, when = ''): string {
  const worth = worthToViewer(game, a.id);
  const red = viewersRedLine(game, a.id) ? ' · your red line' : '';
  return [
    `${mark} ${a.title.text}`,
    `${roleLabel(game.scenario, a.deliverer)} delivers${when}${worth ? ` · ${worth}` : ''}${red}`,
    assuranceInFull(game.scenario, a),
  ].join('\n');
}

/**
 * What a decision does, for its choice on the stances and decision screens: its summary and what
 * it does to the meters (public: the printed overview lists it too).
 */
export function decisionSummary(game: GameView, id: string): string {
  const d = game.scenario.decisions.find((x) => x.id === id);
  if (!d) return '';
  const meters = effectsText(game.scenario, decisionEffects(game.scenario, d));
  return meters === 'No meter change'
    ? d.summary.text
    : `${ended(d.summary.text)} Meters: ${meters}.`;
}

/**
 * Each agreed condition in full (the chips on the table have room for a short title): its
 * title, who delivers it and when it was agreed, and what it promises.
 */
export function agreedDetails(game: GameView): string {
  const { scenario, view } = game;
  if (view.agreed.length === 0) return 'No assurances agreed yet.';
  return view.agreed
    .map((entry) => {
      const a = scenario.assurances.find((x) => x.id === entry.id);
      return a ? cardInFull(game, a, '✓', ` · agreed in round ${entry.round}`) : entry.id;
    })
    .join('\n\n');
}

/**
 * The package on the table in full (its cards have room for their titles only, and at large
 * text sizes not all of those): each card with who delivers it, its worth to the viewer and what
 * it promises, then the answers so far and what it takes to be agreed.
 */
export function packageDetails(game: GameView): string {
  const { scenario } = game;
  const p = game.view.pending;
  if (!p) return '';
  const cards = p.assurances.map((id) => {
    const a = scenario.assurances.find((x) => x.id === id);
    return a ? cardInFull(game, a, '•') : id;
  });
  const said = Object.entries(p.responses).map(
    ([role, r]) => `${roleLabel(scenario, role)} ${r === 'support' ? 'supports' : 'opposes'}`,
  );
  const waiting = p.awaiting.map((r) => roleLabel(scenario, r));
  const answers = [
    said.length > 0 ? `So far: ${said.join(', ')}.` : 'No answers yet.',
    waiting.length > 0 ? `Still to answer: ${waiting.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return [...cards, answers, agreementText(scenario)].join('\n\n');
}

/**
 * How the balance comes out of the meters now: the rule in plain words, then each meter's
 * score against its healthy band, so the number can be followed.
 */
export function balanceDetails(game: GameView): string {
  const { scenario, view } = game;
  const meters = METER_IDS.map((m) => {
    const meter = scenario.meters[m];
    const value = Math.round(view.meters[m]);
    const health = Math.round(100 * meterHealth(view.meters[m], meter.band));
    const where = value < meter.band.low ? 'below' : value > meter.band.high ? 'above' : 'inside';
    return `${meter.name.text} ${value}: ${where} its healthy band ${meter.band.low}–${meter.band.high}, so it scores ${health}%.`;
  });
  return [
    BALANCE_RULE_TEXT,
    meters.join('\n'),
    `Together: a balance of ${Math.round(view.balance)} of 100.`,
  ].join('\n\n');
}

/** The whole log as sentences, newest last. */
export function logText(game: GameView): string {
  const lines = describeNewEntries(game.scenario, game.view.log, 0, game.view.packages);
  return lines.length > 0 ? lines.join('\n\n') : 'Nothing has happened yet.';
}

/** The package on the table, in words. */
export function pendingText(game: GameView): string {
  const p = game.view.pending;
  if (!p) return '';
  const cards = p.assurances.map(
    (id) => `• ${assuranceTitle(game, id)}  ${worthToViewer(game, id)}`,
  );
  const said = Object.entries(p.responses).map(
    ([role, r]) => `${roleLabel(game.scenario, role)} ${r === 'support' ? 'supports' : 'opposes'}`,
  );
  const waiting = p.awaiting.map((r) => roleLabel(game.scenario, r));
  return [
    `Package ${p.number}, proposed by ${roleLabel(game.scenario, p.proposer)}${p.amendedBy ? `, amended by ${roleLabel(game.scenario, p.amendedBy)}` : ''}:`,
    ...cards,
    said.length > 0 ? `So far: ${said.join(', ')}.` : 'No responses yet.',
    waiting.length > 0 ? `Still to answer: ${waiting.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Who sits where: "Met (bot, normal)". */
export function seatText(game: GameView, role: string): string {
  const seat = game.seats[role];
  return `${roleLabel(game.scenario, role)} (${seat === 'human' ? 'person' : `bot, ${seat}`})`;
}
