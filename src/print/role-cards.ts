/**
 * The printable role cards, as plain data (no DOM, no Phaser): for a scenario, one overview
 * sheet (the situation, how the table works) and one card per role — public part (name, public
 * brief, the promises the role can offer, its place at the table) and private part (private
 * brief, how it scores, red lines, what each promise and decision is worth to it). The words
 * follow the game's rules (src/rules/scoring.ts, packages.ts, decision.ts), so a card never
 * promises what the game does not do. `render.ts` turns this into DOM with `textContent` only.
 *
 * Scenario-independent: everything comes from the scenario; nothing here knows the flagship.
 */
import { type Citation, citedSources } from '../app/citations.ts';
import { decisionEffects } from '../rules/decision.ts';
import { MAX_PACKAGE_SIZE } from '../rules/packages.ts';
import { BALANCE_RULE_TEXT } from '../rules/scoring.ts';
import { METER_IDS, type MeterId, type Scenario } from '../scenario/schema.ts';
import {
  agreementText,
  effectsText,
  listWords,
  meterName,
  roleName,
  signedNumber,
} from './rule-words.ts';

export { agreementText, effectsText, signedNumber };

const METERS = METER_IDS;
type Meter = MeterId;

/** A source as the cards cite it: "Title (Publisher, date)" and its address. */
export type SourceLine = Citation;

export interface OfferLine {
  id: string;
  title: string;
  summary: string;
  /** Public meter effects in words, e.g. "Trust +4, Security −3" (or "No meter change"). */
  effects: string;
  /** Plain-word notes: delay, audit, availability, requires, excludes. */
  notes: string[];
}

export interface WorthLine {
  id: string;
  title: string;
  /** The role's private valuation (points; may be negative). */
  worth: number;
  /** "+8", "−5", "0". */
  worthText: string;
  /** A red line of this role: it will never accept it. */
  redLine: boolean;
  /** What else counts with it (a decision that makes the promises binding: the promises). */
  note?: string;
}

export interface RoleCard {
  roleId: string;
  name: string;
  shortName: string;
  /** The scenario's portrait value (the renderer resolves it to an SVG, with a fallback). */
  portrait: string;
  isDecider: boolean;
  /** "Turn 1 of 4 each round" and, for the decision-maker, "You make the final decision". */
  seat: string;
  publicBrief: string;
  publicSources: SourceLine[];
  /** Assurances this role delivers: only it can commit to them. */
  offers: OfferLine[];
  privateBrief: string;
  privateSources: SourceLine[];
  /** Meter weights in plain words, most important first. */
  meters: string[];
  /** How the final score is made and when the role is satisfied. */
  scoring: string[];
  reservation: number;
  /** Red lines in plain words; empty when there are none. */
  redLines: string[];
  /** Every assurance with its private worth to this role, best first. */
  assuranceWorth: WorthLine[];
  /** Every decision with its private worth to this role, best first. */
  decisionWorth: WorthLine[];
}

export interface DecisionLine {
  id: string;
  title: string;
  summary: string;
  notes: string[];
}

export interface MeterLine {
  id: Meter;
  name: string;
  description: string;
  /** "Starts at 45; healthy between 35 and 78." */
  numbers: string;
}

export interface RoleCardsModel {
  scenarioId: string;
  title: string;
  place: string;
  period: string;
  summary: string;
  summarySources: SourceLine[];
  deciderName: string;
  /** The table's rules in plain words (rounds, turns, packages, agreement, decision). */
  howItWorks: string[];
  /** How the balance score is worked out, in the words the game shows. */
  balanceRule: string;
  meters: MeterLine[];
  decisions: DecisionLine[];
  /** For the teacher: the scenario's learning objectives and suggested lesson plans. */
  objectives: string[];
  lessonPlans: { minutes: number; plan: string }[];
  cards: RoleCard[];
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function assuranceTitle(scenario: Scenario, id: string): string {
  return scenario.assurances.find((a) => a.id === id)?.title.text ?? id;
}

function quoted(titles: readonly string[]): string {
  return listWords(
    titles.map((t) => `“${t}”`),
    'or',
  );
}

function offerNotes(scenario: Scenario, a: Scenario['assurances'][number]): string[] {
  const notes: string[] = [];
  if (a.delay > 0) {
    notes.push(`Its meter changes land ${plural(a.delay, 'round')} after it is agreed.`);
  }
  if (a.verification) notes.push('Audited twelve months later if it becomes a contract term.');
  if (!a.available) notes.push('Not on the table at the start: an event can make it available.');
  if (a.requires.length > 0) {
    const titles = a.requires.map((id) => assuranceTitle(scenario, id));
    notes.push(
      `Needs ${listWords(titles.map((t) => `“${t}”`))} agreed first or in the same package.`,
    );
  }
  const excluded = scenario.assurances
    .filter((o) => o.id !== a.id && (a.excludes.includes(o.id) || o.excludes.includes(a.id)))
    .map((o) => o.title.text);
  if (excluded.length > 0) notes.push(`Cannot stand together with ${quoted(excluded)}.`);
  return notes;
}

function decisionNotes(scenario: Scenario, d: Scenario['decisions'][number]): string[] {
  const notes: string[] = [];
  if (d.kind === 'defer') {
    notes.push('Once per game: one more round of talks instead of a final decision.');
  }
  notes.push(`Meters: ${effectsText(scenario, decisionEffects(scenario, d))}.`);
  const req = d.requires;
  if (req.minAgreed > 0) {
    notes.push(`Open only when at least ${plural(req.minAgreed, 'promise')} has been agreed.`);
  }
  if (req.maxAgreed !== undefined) {
    notes.push(`Open only when at most ${plural(req.maxAgreed, 'promise')} have been agreed.`);
  }
  if (req.allAgreed.length > 0) {
    const titles = req.allAgreed.map((id) => `“${assuranceTitle(scenario, id)}”`);
    notes.push(
      `Open only when ${listWords(titles)} ${req.allAgreed.length > 1 ? 'are' : 'is'} agreed.`,
    );
  }
  if (d.kind !== 'defer') {
    notes.push(
      d.enforcesConditions
        ? 'The agreed promises become contract terms: they count in every score and can be audited.'
        : 'The agreed promises do not bind: they stop counting in scores and nothing is audited.',
    );
  }
  return notes;
}

/** One meter weight in plain words, e.g. "Trust: each point it rises adds 1 to your score …". */
export function weightText(name: string, weight: number): string {
  if (weight === 0) return `${name}: does not change your score.`;
  const w = Math.abs(Math.round(weight * 100) / 100);
  const points = `${w} ${w === 1 ? 'point' : 'points'}`;
  return weight > 0
    ? `${name}: each point it rises adds ${points} to your score; each point it falls takes ${points} away.`
    : `${name}: each point it rises takes ${points} from your score; each point it falls adds ${points}.`;
}

/**
 * Beside a decision that makes the agreed promises binding: its worth alone can look like the
 * worst choice (the flagship's Mayor: −20) when with strong promises it is the best (review).
 */
const PROMISES_COUNT = 'plus what the agreed promises are worth to you (with this decision only)';

function worthLines<
  T extends { id: string; title: { text: string }; valuations: Record<string, number> },
>(items: readonly T[], role: string, redLines: readonly string[]): WorthLine[] {
  return items
    .map((item, index) => ({
      index,
      line: {
        id: item.id,
        title: item.title.text,
        worth: item.valuations[role] ?? 0,
        worthText: signedNumber(item.valuations[role] ?? 0),
        redLine: redLines.includes(item.id),
      },
    }))
    .sort((a, b) => b.line.worth - a.line.worth || a.index - b.index)
    .map((x) => x.line);
}

function roleCard(scenario: Scenario, role: Scenario['roles'][number]): RoleCard {
  const order = scenario.rounds.turnOrder;
  const place = order.indexOf(role.id);
  const isDecider = role.id === scenario.decider;
  const seatParts = [
    place >= 0 ? `Turn ${place + 1} of ${order.length} in each round.` : 'No proposing turn.',
  ];
  if (isDecider) seatParts.push('You make the final decision.');

  const weights = METERS.map((m) => ({ m, w: role.meterWeights[m] })).sort(
    (a, b) => Math.abs(b.w) - Math.abs(a.w),
  );
  const defer = scenario.decisions.find((d) => d.kind === 'defer');
  const scoring = [
    'Your final score adds up: what each agreed promise is worth to you (only if the final decision makes the promises contract terms), what the decision is worth to you, and the meter points above, counted from where each meter started.',
    ...(defer
      ? [
          `If the decision is put off once (“${defer.title.text}”), what that is worth to you counts too.`,
        ]
      : []),
  ];

  const redLines = [
    ...role.redLines.decisions.map(
      (id) =>
        `Never accept the decision “${scenario.decisions.find((d) => d.id === id)?.title.text ?? id}”: do not back it in your public stance${isDecider ? ', and do not take it' : ''}.`,
    ),
    ...role.redLines.assurances.map(
      (id) =>
        `Never accept the promise “${assuranceTitle(scenario, id)}”: do not propose, support or swap it in.`,
    ),
  ];

  return {
    roleId: role.id,
    name: role.name.text,
    shortName: role.shortName.text,
    portrait: role.portrait,
    isDecider,
    seat: seatParts.join(' '),
    publicBrief: role.publicBrief.text,
    publicSources: citedSources(scenario, role.publicBrief.sources),
    offers: scenario.assurances
      .filter((a) => a.deliverer === role.id)
      .map((a) => ({
        id: a.id,
        title: a.title.text,
        summary: a.summary.text,
        effects: effectsText(scenario, a.effects),
        notes: offerNotes(scenario, a),
      })),
    privateBrief: role.privateBrief.text,
    privateSources: citedSources(scenario, role.privateBrief.sources),
    meters: weights.map(({ m, w }) => weightText(meterName(scenario, m), w)),
    scoring,
    reservation: role.reservation,
    redLines,
    assuranceWorth: worthLines(scenario.assurances, role.id, role.redLines.assurances),
    decisionWorth: worthLines(scenario.decisions, role.id, role.redLines.decisions).map((line) =>
      scenario.decisions.find((d) => d.id === line.id)?.enforcesConditions
        ? { ...line, note: PROMISES_COUNT }
        : line,
    ),
  };
}

/** The whole print model for a scenario the loader accepted. */
export function roleCardsModel(scenario: Scenario): RoleCardsModel {
  const decider = scenario.roles.find((r) => r.id === scenario.decider);
  const deciderName = decider?.shortName.text ?? scenario.decider;
  const order = scenario.rounds.turnOrder.map((id) => roleName(scenario, id));
  const count = scenario.rounds.count;
  const howItWorks = [
    `${plural(count, 'round')} of talks. Each round starts with an event card that can move the meters.`,
    `Each round, the roles take turns in this order: ${listWords(order)}. On its turn a role proposes a package of 1 to ${MAX_PACKAGE_SIZE} promises (assurances), or passes.`,
    'Every other role then supports or opposes the package, or amends it by swapping one promise (a package can be amended once; it then goes round the table again).',
    agreementText(scenario),
    `After the last round every role declares which decision it backs; then ${deciderName} decides.`,
    'If the decision makes the agreed promises contract terms, the promises that can be checked are audited “twelve months later”; a broken promise costs trust.',
  ];
  return {
    scenarioId: scenario.id,
    title: scenario.title.text,
    place: scenario.place.text,
    period: scenario.period.text,
    summary: scenario.summary.text,
    summarySources: citedSources(scenario, scenario.summary.sources),
    deciderName,
    howItWorks,
    balanceRule: BALANCE_RULE_TEXT,
    meters: METERS.map((m) => {
      const meter = scenario.meters[m];
      return {
        id: m,
        name: meter.name.text,
        description: meter.description.text,
        numbers: `Starts at ${meter.start}; healthy between ${meter.band.low} and ${meter.band.high}.`,
      };
    }),
    decisions: scenario.decisions.map((d) => ({
      id: d.id,
      title: d.title.text,
      summary: d.summary.text,
      notes: decisionNotes(scenario, d),
    })),
    objectives: scenario.debrief.objectives.map((o) => o.text),
    lessonPlans: [...scenario.debrief.timings]
      .sort((a, b) => a.minutes - b.minutes)
      .map((t) => ({ minutes: t.minutes, plan: t.plan.text })),
    cards: scenario.roles.map((r) => roleCard(scenario, r)),
  };
}
