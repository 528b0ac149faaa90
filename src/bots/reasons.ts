/**
 * The one-line reasons bots give, in words a 14-year-old can follow. Each names the concrete
 * stake — the card or decision and what it is worth to the bot — using display names and card
 * titles (in quotes, since titles may hold commas and colons), never ids. They appear in the log
 * and in the debrief's timeline.
 */
import { assuranceTitle, type BotMind, decisionTitle, roleName } from './mind.ts';

/** "A", "A and B", "A, B and C". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Points as players read them: whole numbers with a sign ("+7", "−3"), tenths below 1. The
 * minus is a real one (U+2212), as everywhere else in the game: screen readers say "minus" for
 * it, where a hyphen is read as "dash" or not at all.
 */
export function points(n: number): string {
  const rounded = Math.abs(n) < 1 ? Math.round(n * 10) / 10 : Math.round(n);
  if (rounded === 0) return '0';
  return rounded > 0 ? `+${rounded}` : `−${Math.abs(rounded)}`;
}

/** A cost as a positive amount: "8". */
function amount(n: number): string {
  const a = Math.abs(n);
  return `${a < 1 ? Math.round(a * 10) / 10 : Math.round(a)}`;
}

/** A card or decision title as quoted in a reason. */
function quote(title: string): string {
  return `“${title}”`;
}

function card(mind: BotMind, id: string): string {
  return quote(assuranceTitle(mind, id));
}

function choice(mind: BotMind, id: string): string {
  return quote(decisionTitle(mind, id));
}

/** The cards' titles as listing() gives them, built in one pass (a reason on every turn). */
function titles(mind: BotMind, ids: readonly string[]): string {
  const n = ids.length;
  if (n === 0) return '';
  let out = card(mind, ids[0] as string);
  for (let k = 1; k < n - 1; k++) out += `, ${card(mind, ids[k] as string)}`;
  if (n > 1) out += ` and ${card(mind, ids[n - 1] as string)}`;
  return out;
}

const self = (mind: BotMind) => roleName(mind, mind.role);

export function proposeReason(
  mind: BotMind,
  ids: readonly string[],
  value: number,
  chance: number | null,
  deciderChance: number | null,
): string {
  const head = `${self(mind)} proposes ${titles(mind, ids)}: worth ${points(value)} to it`;
  if (chance === null) return head;
  const decider = roleName(mind, mind.scenario.decider);
  if (deciderChance !== null && deciderChance >= 0.5 && chance >= 0.4) {
    return `${head}, and the ${decider} is likely to agree`;
  }
  if (chance >= 0.5) return `${head}, and it expects enough support`;
  return `${head}; a long shot, but worth a try`;
}

export function idleReason(mind: BotMind): string {
  return `${self(mind)} passes: it wants to hear what the others offer first`;
}

export function passReason(mind: BotMind, best: readonly string[] | null, value: number): string {
  const me = self(mind);
  if (best === null || best.length === 0)
    return `${me} passes: there is nothing left it could propose`;
  if (value <= 0) {
    return `${me} passes: nothing it could offer helps it (${titles(mind, best)} would be worth ${points(value)} to it)`;
  }
  return `${me} passes: ${titles(mind, best)} would be worth ${points(value)} to it, but would likely be turned down`;
}

export function supportReason(
  mind: BotMind,
  stakeId: string,
  stakeWorth: number,
  value: number,
  opensDeal: string | null,
): string {
  const me = self(mind);
  if (opensDeal !== null && value > stakeWorth) {
    return `${me} supports: a first deal opens ${choice(mind, opensDeal)}, so the package is worth ${points(value)} to it`;
  }
  if (stakeWorth > 0) {
    return `${me} supports: ${card(mind, stakeId)} is worth ${points(stakeWorth)} to it (${points(value)} for the package)`;
  }
  return `${me} supports the package with ${card(mind, stakeId)}: worth ${points(value)} to it overall`;
}

export function concedeReason(mind: BotMind, stakeId: string, stakeWorth: number): string {
  const stake =
    stakeWorth < 0
      ? `${card(mind, stakeId)} costs it ${amount(stakeWorth)}, but`
      : `the package with ${card(mind, stakeId)} is not what it wanted, but`;
  return `${self(mind)} gives way: ${stake} this late a deal is better than none`;
}

export function opposeReason(
  mind: BotMind,
  stakeId: string,
  stakeWorth: number,
  value: number,
): string {
  const me = self(mind);
  if (stakeWorth < 0) {
    return `${me} opposes: ${card(mind, stakeId)} costs it ${amount(stakeWorth)}`;
  }
  return `${me} opposes: the package with ${card(mind, stakeId)} is worth only ${points(value)} to it`;
}

export function redLineReason(mind: BotMind, id: string): string {
  return `${self(mind)} opposes: it will never accept ${card(mind, id)}`;
}

export function amendReason(
  mind: BotMind,
  removeId: string,
  addId: string,
  before: number,
  after: number,
  redLine: boolean,
): string {
  const out = card(mind, removeId);
  const into = card(mind, addId);
  if (redLine) {
    return `${self(mind)} swaps ${out} for ${into}: it will never accept ${out}`;
  }
  return `${self(mind)} swaps ${out} for ${into}: the package goes from ${points(before)} to ${points(after)} for it`;
}

export function stanceReason(mind: BotMind, decisionId: string, score: number): string {
  return `${self(mind)} backs ${choice(mind, decisionId)}: it would finish on ${points(score)} points, more than with any other open choice`;
}

export function decideReason(mind: BotMind, decisionId: string, score: number): string {
  return `${self(mind)} chooses ${choice(mind, decisionId)}: it finishes on ${points(score)} points, more than with any other open choice`;
}

export function deferReason(
  mind: BotMind,
  decisionId: string,
  bestFinal: number,
  hopeId: string | null,
  stance: boolean,
): string {
  const verb = stance ? 'backs' : 'chooses';
  const hope = hopeId
    ? `one more round could add ${card(mind, hopeId)}`
    : 'one more round could help';
  return `${self(mind)} ${verb} ${choice(mind, decisionId)}: the best deal now gives it only ${points(bestFinal)} points, and ${hope}`;
}
