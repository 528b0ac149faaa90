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

/** What each card does to the balance score from these meters (kept for the last meters seen). */
interface BalanceShifts {
  trust: number;
  security: number;
  privacy: number;
  shift: number[];
}
const balanceCache = new WeakMap<Scenario, BalanceShifts>();

function balanceShifts(scenario: Scenario, meters: Meters): readonly number[] {
  const hit = balanceCache.get(scenario);
  if (
    hit &&
    hit.trust === meters.trust &&
    hit.security === meters.security &&
    hit.privacy === meters.privacy
  )
    return hit.shift;
  const now = balanceScore(scenario, meters);
  const shift: number[] = [];
  // One scratch object for every card's meters after it (balanceScore only reads them).
  const after: Meters = { trust: 0, security: 0, privacy: 0 };
  const cards = scenario.assurances;
  for (let i = 0; i < cards.length; i++) {
    const e = (cards[i] as (typeof cards)[number]).effects;
    after.trust = clampMeter(meters.trust + (e.trust ?? 0));
    after.security = clampMeter(meters.security + (e.security ?? 0));
    after.privacy = clampMeter(meters.privacy + (e.privacy ?? 0));
    shift.push(BALANCE * (balanceScore(scenario, after) - now));
  }
  balanceCache.set(scenario, {
    trust: meters.trust,
    security: meters.security,
    privacy: meters.privacy,
    shift,
  });
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
  const tables = packageTables(mind.scenario);
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
    const supporters: RoleId[] = [];
    const opposers: RoleId[] = [];
    let answered = 0;
    for (const r in pending.responses) {
      answered++;
      const answer = pending.responses[r];
      if (answer === 'support') supporters.push(r);
      else if (answer === 'oppose') opposers.push(r);
    }
    // Non-learners heed only opposition: with none, the learned signal stays as it is.
    if (mind.profile.learns ? answered > 0 : opposers.length > 0) {
      learned = learned.slice();
      learn(mind, learned, { ...pending, supporters, opposers });
    }
  }
  return { shift, learned, rejected: history.rejected };
}

/** What one package's public responses say about who likes which card. */
function learn(mind: BotMind, signal: number[], p: Responses): void {
  const tables = packageTables(mind.scenario);
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
 */
export function agreeChance(mind: BotMind, model: SupportModel, pkg: readonly number[]): number {
  const { scenario } = mind;
  const tables = packageTables(scenario);
  const { needed, mustInclude } = ruleFacts(scenario);
  const roles = scenario.roles.length;
  let chance = 1;
  let sure = 1; // the sponsor
  // dist[k]: chance that k of the roles whose support is optional give it (at most 6 roles).
  let d0 = 1;
  let d1 = 0;
  let d2 = 0;
  let d3 = 0;
  let d4 = 0;
  let d5 = 0;
  for (let r = 0; r < roles; r++) {
    if (r === mind.seat) continue;
    const p = supportChance(mind, model, r, pkg);
    let required = mustInclude[r] === 1;
    for (const i of pkg) if (tables.deliverer[i] === r) required = true;
    if (required) {
      chance *= p;
      sure++;
      continue;
    }
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
  return chance * tail * REJECTED_AGAIN ** rejections;
}
