/**
 * Will the others agree? A bot cannot see anyone else's valuations, so it guesses each role's
 * support for a package from public signals only:
 *   - a deliverer bears the cost of its own promise, so it is a little less keen on it;
 *   - a deliverer who opposed a package holding an assurance before will likely oppose it again;
 *   - the very same package, already rejected, will likely be rejected again;
 *   - cards that move the public meters towards balance are easier to agree (everyone answers
 *     to the public);
 *   - hard bots learn from every response in the log: who proposed, supported, opposed or
 *     amended out which card.
 * A package is agreed when every deliverer supports and the agreement rule holds; the chance of
 * that is computed exactly from the per-role guesses (roles taken as independent).
 */
import { clampMeter } from '../rules/meters.ts';
import { balanceScore } from '../rules/scoring.ts';
import type { AssuranceId, Meters, PackageRecord, RoleId } from '../rules/types.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { BotMind } from './mind.ts';
import { packageTables } from './tables.ts';

export interface SupportModel {
  /** What each card does to everyone's log-odds through the public meters (by position). */
  readonly shift: readonly number[];
  /** learned[role * count + card]: what the deliverer prior and the log add for that role. */
  readonly learned: readonly number[];
  /** How often each package (key: packageKey) has been rejected so far. */
  readonly rejected: ReadonlyMap<number, number>;
  /** What the agreement rule asks (looked up once per model, not per package). */
  readonly rule: RuleFacts;
}

const BASE = 0.4; // about 60%: people at the table mostly want a deal
const DELIVERER = -0.6;
const DELIVERER_OPPOSED = -1.5;
const BALANCE = 0.1; // per point of balance score the card adds
const LEARN_SUPPORT = 0.6;
const LEARN_OPPOSE = -1;
const LEARN_PROPOSED = 0.5;
const LEARN_AMENDED_OUT = -1.5;
/** Chance left, per earlier rejection, that the same package passes unchanged. */
const REJECTED_AGAIN = 0.3;

/**
 * What each card does to the balance score from given meters, remembered by the meters' values:
 * a pure function of them, and games revisit the same few hundred meter readings (every game
 * starts from the same ones), while each reading costs a balanceScore per card. Kept per
 * scenario as trust → security → privacy → shifts, and dropped whole once it grows past
 * SHIFTS_KEPT readings.
 */
interface ShiftMemo {
  readings: number;
  byTrust: Map<number, Map<number, Map<number, readonly number[]>>>;
  /** The last reading asked for and its shifts: the seats answering a package ask in a row. */
  last: Meters | null;
  lastShift: readonly number[];
}
const shiftMemos = new WeakMap<Scenario, ShiftMemo>();
const SHIFTS_KEPT = 4096;

function balanceShifts(scenario: Scenario, meters: Meters): readonly number[] {
  let memo = shiftMemos.get(scenario);
  const last = memo?.last;
  if (
    memo &&
    last &&
    last.trust === meters.trust &&
    last.security === meters.security &&
    last.privacy === meters.privacy
  )
    return memo.lastShift;
  if (!memo || memo.readings >= SHIFTS_KEPT) {
    memo = { readings: 0, byTrust: new Map(), last: null, lastShift: [] };
    shiftMemos.set(scenario, memo);
  }
  let bySecurity = memo.byTrust.get(meters.trust);
  if (!bySecurity) {
    bySecurity = new Map();
    memo.byTrust.set(meters.trust, bySecurity);
  }
  let byPrivacy = bySecurity.get(meters.security);
  if (!byPrivacy) {
    byPrivacy = new Map();
    bySecurity.set(meters.security, byPrivacy);
  }
  let shift = byPrivacy.get(meters.privacy);
  if (!shift) {
    shift = shiftsFrom(scenario, meters);
    byPrivacy.set(meters.privacy, shift);
    memo.readings++;
  }
  memo.last = meters;
  memo.lastShift = shift;
  return shift;
}

function shiftsFrom(scenario: Scenario, meters: Meters): number[] {
  const now = balanceScore(scenario, meters);
  const shift: number[] = [];
  // One scratch object for every card's meters after it (balanceScore only reads them).
  const after: Meters = { trust: 0, security: 0, privacy: 0 };
  const tables = packageTables(scenario);
  for (let i = 0; i < tables.count; i++) {
    after.trust = clampMeter(meters.trust + (tables.trust[i] as number));
    after.security = clampMeter(meters.security + (tables.security[i] as number));
    after.privacy = clampMeter(meters.privacy + (tables.privacy[i] as number));
    shift.push(BALANCE * (balanceScore(scenario, after) - now));
  }
  return shift;
}

interface Responses {
  proposer: RoleId;
  amendedBy: RoleId | null;
  original: readonly AssuranceId[] | null;
  assurances: readonly AssuranceId[];
  supporters: readonly RoleId[];
  opposers: readonly RoleId[];
}

/**
 * What the log has taught so far, kept for the last game seen (one entry per kind of learner).
 * A game's package records are append-only and shared between its successive states, so the
 * same last record at the same index means the same history: only new records are learned.
 */
interface History {
  length: number;
  last: PackageRecord | undefined;
  learned: number[];
  rejected: Map<number, number>;
}

const histories = new WeakMap<Scenario, [History | null, History | null]>();

function learnedFromLog(mind: BotMind): History {
  const { scenario, state } = mind;
  let slots = histories.get(scenario);
  if (!slots) {
    slots = [null, null];
    histories.set(scenario, slots);
  }
  const slot = mind.profile.learns ? 1 : 0;
  const records = state.packages;
  const known = slots[slot];
  let from = 0;
  let learned: number[];
  let rejected: Map<number, number>;
  if (known && known.length <= records.length && records[known.length - 1] === known.last) {
    if (known.length === records.length) return known;
    // Learned in place: a model is used only within the move that asked for it, and an earlier
    // state (fewer records) never matches this history, so it is relearned from the start.
    from = known.length;
    learned = known.learned;
    rejected = known.rejected;
  } else {
    learned = priors(mind);
    rejected = new Map();
  }
  for (let k = from; k < records.length; k++) {
    const record = records[k] as PackageRecord;
    learn(mind, learned, record);
    if (record.outcome === 'rejected') {
      const positions = record.assurances.map((id) => mind.position.get(id) ?? -1);
      const key = packageKey(positions);
      rejected.set(key, (rejected.get(key) ?? 0) + 1);
    }
  }
  if (known && from > 0) {
    known.length = records.length;
    known.last = records[records.length - 1];
    return known;
  }
  const history = { length: records.length, last: records[records.length - 1], learned, rejected };
  slots[slot] = history;
  return history;
}

/** Before any response: a deliverer bears the cost of its own promise. */
function priors(mind: BotMind): number[] {
  const tables = mind.tables;
  const n = tables.count;
  const out: number[] = [];
  for (let r = 0; r < mind.scenario.roles.length; r++) {
    for (let i = 0; i < n; i++) out.push(tables.deliverer[i] === r ? DELIVERER : 0);
  }
  return out;
}

export function supportModel(mind: BotMind): SupportModel {
  const { state } = mind;
  const shift = balanceShifts(mind.scenario, state.meters);
  const history = learnedFromLog(mind);
  let learned = history.learned;
  // Responses to the package still on the table are public too.
  const pending = state.pending;
  if (pending) {
    // Read by seat, not with for…in: the rules key responses by role. Each role's signal has
    // its own cells, so the order the roles are learned in does not change any sum.
    const supporters: RoleId[] = [];
    const opposers: RoleId[] = [];
    const roles = mind.scenario.roles;
    for (let r = 0; r < roles.length; r++) {
      const id = (roles[r] as (typeof roles)[number]).id;
      const answer = pending.responses[id];
      if (answer === 'support') supporters.push(id);
      else if (answer === 'oppose') opposers.push(id);
    }
    // Non-learners heed only opposition: with none, the learned signal stays as it is.
    if (opposers.length > 0 || (mind.profile.learns && supporters.length > 0)) {
      learned = learned.slice();
      learn(mind, learned, {
        proposer: pending.proposer,
        amendedBy: pending.amendedBy,
        original: pending.original,
        assurances: pending.assurances,
        supporters,
        opposers,
      });
    }
  }
  return { shift, learned, rejected: history.rejected, rule: ruleFacts(mind.scenario) };
}

/** What one package's public responses say about who likes which card. */
function learn(mind: BotMind, signal: number[], p: Responses): void {
  const tables = mind.tables;
  const n = tables.count;
  const learns = mind.profile.learns;
  // Positions and seats looked up once; the additions are made in the same order as ever.
  const cards = positionsOf(tables.position, p.assurances);
  for (const role of p.opposers) {
    const r = tables.roleIndex.get(role);
    for (const i of cards) {
      if (i < 0 || r === undefined) continue;
      if (tables.deliverer[i] === r)
        signal[r * n + i] = (signal[r * n + i] as number) + DELIVERER_OPPOSED;
      if (learns) signal[r * n + i] = (signal[r * n + i] as number) + LEARN_OPPOSE / cards.length;
    }
  }
  if (!learns) return;
  for (const role of p.supporters) {
    const r = tables.roleIndex.get(role);
    if (r === undefined) continue;
    for (const i of cards)
      if (i >= 0) signal[r * n + i] = (signal[r * n + i] as number) + LEARN_SUPPORT / cards.length;
  }
  const proposer = tables.roleIndex.get(p.proposer);
  if (proposer !== undefined) {
    for (const id of p.original ?? p.assurances) {
      const i = tables.position.get(id);
      if (i !== undefined)
        signal[proposer * n + i] = (signal[proposer * n + i] as number) + LEARN_PROPOSED;
    }
  }
  if (p.amendedBy && p.original) {
    const r = tables.roleIndex.get(p.amendedBy);
    if (r === undefined) return;
    for (const id of p.original) {
      if (p.assurances.includes(id)) continue;
      const i = tables.position.get(id);
      if (i !== undefined) signal[r * n + i] = (signal[r * n + i] as number) + LEARN_AMENDED_OUT;
    }
  }
}

/** Positions of these ids (-1 for an unknown id). */
function positionsOf(position: ReadonlyMap<string, number>, ids: readonly string[]): number[] {
  const out: number[] = [];
  for (const id of ids) out.push(position.get(id) ?? -1);
  return out;
}

/**
 * The same package whatever the order of its cards, as a number (cheaper than a string key in
 * the inner loop): the sorted positions, each plus one, in base 1024.
 */
function packageKey(pkg: readonly number[]): number {
  let a = (pkg[0] ?? -1) + 1;
  let b = (pkg[1] ?? -1) + 1;
  let c = (pkg[2] ?? -1) + 1;
  if (a > b) [a, b] = [b, a];
  if (b > c) [b, c] = [c, b];
  if (a > b) [a, b] = [b, a];
  return (a * 1024 + b) * 1024 + c;
}

/** Chance that the role at this seat supports the package. */
export function supportChance(
  mind: BotMind,
  model: SupportModel,
  seat: number,
  pkg: readonly number[],
): number {
  const n = mind.ids.length;
  let logit = BASE;
  for (const i of pkg)
    logit += (model.shift[i] as number) + (model.learned[seat * n + i] as number);
  return 1 / (1 + Math.exp(-logit));
}

/** What the agreement rule asks, by seat: fixed per scenario. */
interface RuleFacts {
  /** Supporters needed, the sponsor included. */
  needed: number;
  /** 1 for each seat whose support is always needed. */
  mustInclude: Uint8Array;
}

const ruleCache = new WeakMap<Scenario, RuleFacts>();

function ruleFacts(scenario: Scenario): RuleFacts {
  let facts = ruleCache.get(scenario);
  if (!facts) {
    const roles = scenario.roles.length;
    const rule = scenario.agreement;
    const mustInclude = new Uint8Array(roles);
    scenario.roles.forEach((r, i) => {
      if (rule.mustInclude.includes(r.id)) mustInclude[i] = 1;
    });
    const needed =
      rule.kind === 'majority'
        ? Math.floor(roles / 2) + 1
        : rule.kind === 'unanimous'
          ? roles
          : (rule.count ?? roles);
    facts = { needed, mustInclude };
    ruleCache.set(scenario, facts);
  }
  return facts;
}

/**
 * Chance the package is agreed with the bot as its sponsor: every deliverer and every
 * must-include role supports, and enough others do for the agreement rule.
 *
 * A proposer weighing many packages only needs the chance of those that can beat its best so
 * far: given `atMost`, this returns -1 as soon as the chance is sure to be no more than that.
 * The required roles are judged first, since their chances only ever shrink the result; the
 * others are judged after, in the same order as ever, so a chance returned is the same number.
 */
export function agreeChance(
  mind: BotMind,
  model: SupportModel,
  pkg: readonly number[],
  atMost = -1,
): number {
  const { scenario } = mind;
  const { needed } = model.rule;
  const roles = scenario.roles.length;
  let chance = 1;
  let sure = 1; // the sponsor
  for (let r = 0; r < roles; r++) {
    if (r === mind.seat || !required(mind, model, r, pkg)) continue;
    chance *= supportChance(mind, model, r, pkg);
    sure++;
  }
  // The rest can only multiply it by a share of 1 (a hair over, at most, from rounding).
  if (chance * (1 + 1e-12) <= atMost) return -1;
  // dist[k]: chance that k of the roles whose support is optional give it (at most 6 roles).
  let d0 = 1;
  let d1 = 0;
  let d2 = 0;
  let d3 = 0;
  let d4 = 0;
  let d5 = 0;
  for (let r = 0; r < roles; r++) {
    if (r === mind.seat || required(mind, model, r, pkg)) continue;
    const p = supportChance(mind, model, r, pkg);
    const q = 1 - p;
    d5 = d5 * q + d4 * p;
    d4 = d4 * q + d3 * p;
    d3 = d3 * q + d2 * p;
    d2 = d2 * q + d1 * p;
    d1 = d1 * q + d0 * p;
    d0 *= q;
  }
  // The chance that at least (needed - sure) of them support, summed from the smallest count up.
  const from = needed - sure;
  let tail = 0;
  if (from <= 0) tail += d0;
  if (from <= 1) tail += d1;
  if (from <= 2) tail += d2;
  if (from <= 3) tail += d3;
  if (from <= 4) tail += d4;
  if (from <= 5) tail += d5;
  const rejections = model.rejected.size > 0 ? (model.rejected.get(packageKey(pkg)) ?? 0) : 0;
  // (A power of 0 is exactly 1: skipping it changes no bit.)
  return rejections === 0 ? chance * tail : chance * tail * REJECTED_AGAIN ** rejections;
}

/**
 * A chance of agreement at or below which a package worth `value` cannot beat the gain `best`
 * (the gain being chance × value + (1 − chance) × rejected), or -1 when there is none to rely
 * on. It asks the package to fall short by a margin far above any rounding in the gain, so
 * skipping such a package changes no choice.
 */
export function chanceToBeat(best: number, value: number, rejected: number): number {
  // The gain grows with the chance only when the package is worth more than a rejection.
  if (!(value > rejected) || !Number.isFinite(best)) return -1;
  const margin = 1e-9 * (Math.abs(best) + Math.abs(value) + Math.abs(rejected));
  return (best - margin - rejected) / (value - rejected);
}

/** Is this seat's support needed whatever the others do (a deliverer, or a must-include role)? */
function required(mind: BotMind, model: SupportModel, r: number, pkg: readonly number[]): boolean {
  if (model.rule.mustInclude[r] === 1) return true;
  for (let k = 0; k < pkg.length; k++)
    if (mind.tables.deliverer[pkg[k] as number] === r) return true;
  return false;
}
