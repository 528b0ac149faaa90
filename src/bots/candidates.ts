/**
 * The packages and amendments a bot considers. They mirror the rules' `packageProblem` (size,
 * availability, excludes, requires) with array lookups, because `legalPackages` checks every
 * subset of every card and a bot moves dozens of times a game; tests check the two agree, and
 * the chosen move is checked once more with the rules before it is played.
 */
import { MAX_PACKAGE_SIZE } from '../rules/packages.ts';
import type { GameState } from '../rules/types.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { BotMind } from './mind.ts';
import { insertRanked } from './ranked.ts';
import { sameList, zeros } from './tables.ts';
import type { Worth } from './worth.ts';

/**
 * What proposableMask last worked out: it depends only on the agreed and unlocked lists, which
 * successive states share until they change. Callers only read the mask.
 */
const maskCache = new WeakMap<
  Scenario,
  { agreed: GameState['agreed']; unlocked: GameState['unlocked']; mask: number[] }
>();

/** 1 for each assurance that could be put in a package now (as the rules' isProposable). */
export function proposableMask(mind: BotMind): readonly number[] {
  const { scenario, state, agreed, tables } = mind;
  const hit = maskCache.get(scenario);
  if (hit && sameList(hit.agreed, state.agreed) && sameList(hit.unlocked, state.unlocked)) {
    return hit.mask;
  }
  const mask = zeros(tables.count);
  for (let i = 0; i < tables.count; i++) {
    const a = scenario.assurances[i];
    if (!a || agreed[i]) continue;
    if (!a.available && !state.unlocked.includes(a.id)) continue;
    let excluded = false;
    for (const j of mind.agreedPositions)
      if (tables.excludes[i * tables.count + j]) excluded = true;
    if (!excluded) mask[i] = 1;
  }
  maskCache.set(scenario, { agreed: state.agreed, unlocked: state.unlocked, mask });
  return mask;
}

/** Is this set of positions (distinct, 1–3, all proposable) a legal package? */
export function packageLegal(
  mind: BotMind,
  pkg: readonly number[],
  mask: readonly number[],
): boolean {
  if (pkg.length < 1 || pkg.length > MAX_PACKAGE_SIZE) return false;
  const tables = mind.tables;
  for (let x = 0; x < pkg.length; x++) {
    const i = pkg[x] as number;
    if (!mask[i]) return false;
    for (let y = x + 1; y < pkg.length; y++) {
      const j = pkg[y] as number;
      if (i === j || tables.excludes[i * tables.count + j]) return false;
    }
    for (const need of tables.requires[i] ?? []) {
      if (need < 0) return false;
      if (!pkg.includes(need) && !mind.agreed[need]) return false;
    }
  }
  return true;
}

/**
 * The packages most worth a closer look: from the bot's best few proposable cards (plus what
 * they require, never a red line), the `perSize` legal packages of each size with the highest
 * simple (additive) worth, best first within each size. Judging acceptance or projecting the
 * game for every possible package would cost more than the game's own rules; within a size the
 * simple worth ranks packages much as the full judgement does.
 */
export function bestPackages(
  mind: BotMind,
  worth: Worth,
  mask: readonly number[],
  perSize: number,
): number[][] {
  const tables = mind.tables;
  const red = mind.me.redAssurance;
  const work = workspace(tables.count);
  const { open, openWorth, pool, w } = work;
  // Ranked by hand (ranked.ts): a sort with a comparator costs more than the search here.
  // Array.sort with a comparator costs more than the whole search at this size.
  let opened = 0;
  for (let i = 0; i < tables.count; i++) {
    if (!mask[i] || red[i]) continue;
    insertRanked(open, openWorth, opened++, i, worth.of(i));
  }
  let n = 0;
  for (let k = 0; k < opened; k++) {
    if (n >= mind.profile.pool) break;
    const i = open[k] as number;
    if (!within(pool, n, i)) pool[n++] = i;
    for (const need of tables.requires[i] ?? []) {
      if (need >= 0 && mask[need] && !red[need] && !within(pool, n, need)) pool[n++] = need;
    }
  }
  const max = Math.min(mind.profile.maxPackage, MAX_PACKAGE_SIZE);
  for (let k = 0; k < n; k++) w[k] = worth.of(pool[k] as number);
  const { one, two, three, p1, p2, p3 } = work;
  one.reset(perSize);
  two.reset(perSize);
  three.reset(perSize);
  // Sums are checked against each size's current cut-off, and legality on a scratch package,
  // before anything is kept: most candidates fall at one of the two.
  for (let a = 0; a < n; a++) {
    const pa = pool[a] as number;
    const wa = w[a] as number;
    p1[0] = pa;
    if (one.admits(wa) && packageLegal(mind, p1, mask)) one.keep(wa, pa, -1, -1);
    if (max < 2) continue;
    p2[0] = pa;
    p3[0] = pa;
    for (let b = a + 1; b < n; b++) {
      const pb = pool[b] as number;
      const ab = wa + (w[b] as number);
      p2[1] = pb;
      if (two.admits(ab) && packageLegal(mind, p2, mask)) two.keep(ab, pa, pb, -1);
      if (max < 3) continue;
      p3[1] = pb;
      for (let c = b + 1; c < n; c++) {
        const pc = pool[c] as number;
        const abc = ab + (w[c] as number);
        p3[2] = pc;
        if (three.admits(abc) && packageLegal(mind, p3, mask)) three.keep(abc, pa, pb, pc);
      }
    }
  }
  const out: number[][] = [];
  one.addTo(out);
  two.addTo(out);
  three.addTo(out);
  return out;
}

/** Is x among the first n entries of the list? */
function within(list: readonly number[], n: number, x: number): boolean {
  for (let k = 0; k < n; k++) if (list[k] === x) return true;
  return false;
}

/**
 * bestPackages' working lists, reused from call to call rather than allocated on every turn:
 * it runs synchronously, hands none of them out, and reads only the entries it has just
 * written (its own counts say how many).
 */
interface Workspace {
  count: number;
  open: number[];
  openWorth: number[];
  pool: number[];
  w: number[];
  one: Top;
  two: Top;
  three: Top;
  /** Scratch packages of each size, checked for legality before anything is kept. */
  p1: number[];
  p2: number[];
  p3: number[];
}

let shared: Workspace | null = null;

function workspace(count: number): Workspace {
  if (!shared || shared.count !== count) {
    shared = {
      count,
      open: zeros(count),
      openWorth: zeros(count),
      pool: zeros(count),
      w: zeros(count),
      one: new Top(),
      two: new Top(),
      three: new Top(),
      p1: [0],
      p2: [0, 0],
      p3: [0, 0, 0],
    };
  }
  return shared;
}

/**
 * The best `limit` packages of one size found so far, best first (earlier wins ties): their
 * simple worth and cards, each package's cards packed in one number (base 1024, as packageKey)
 * so that no array is built for a package that is later pushed out.
 */
class Top {
  private limit = 0;
  private size = 0;
  private readonly sums: number[] = [];
  private readonly packed: number[] = [];

  /** Empties the list for a new search keeping `limit` packages. */
  reset(limit: number): void {
    this.limit = limit;
    this.size = 0;
  }

  /** Would a package with this sum get in? */
  admits(sum: number): boolean {
    return this.size < this.limit || sum > (this.sums[this.size - 1] as number);
  }

  /** Puts the package (cards b and c -1 when absent) in its place, dropping the last if full. */
  keep(sum: number, a: number, b: number, c: number): void {
    const { sums, packed } = this;
    // Insertion by hand: splice costs more than the whole shift on lists this short.
    let at = this.size < this.limit ? this.size++ : this.limit - 1;
    while (at > 0 && (sums[at - 1] as number) < sum) {
      sums[at] = sums[at - 1] as number;
      packed[at] = packed[at - 1] as number;
      at--;
    }
    sums[at] = sum;
    packed[at] = ((a + 1) * 1024 + (b + 1)) * 1024 + (c + 1);
  }

  /** Appends the kept packages, best first, as arrays of positions. */
  addTo(out: number[][]): void {
    for (let k = 0; k < this.size; k++) {
      const code = this.packed[k] as number;
      const a = Math.floor(code / 1048576) - 1;
      const b = (Math.floor(code / 1024) % 1024) - 1;
      const c = (code % 1024) - 1;
      out.push(b < 0 ? [a] : c < 0 ? [a, b] : [a, b, c]);
    }
  }
}

export interface Amendment {
  remove: number;
  add: number;
  /** The package after the swap. */
  pkg: number[];
}

/**
 * The best `limit` swaps the bot may offer on the pending package, by the simple worth they add
 * (as the rules' legalAmendments: once per package, one card out and one in), never bringing in
 * one of its red lines. `remove` restricts which card goes; `least` is the least worth the
 * package must have after the swap.
 */
export function bestAmendments(
  mind: BotMind,
  worth: Worth,
  mask: readonly number[],
  limit: number,
  remove: number | null,
  least: number,
): Amendment[] {
  const pending = mind.state.pending;
  if (!pending || pending.amendedBy) return [];
  const current: number[] = [];
  for (const id of pending.assurances) {
    const p = mind.position.get(id);
    if (p === undefined) return [];
    current.push(p);
  }
  const total = worth.sum(current);
  const red = mind.me.redAssurance;
  // The swaps worth a look, as parallel lists (card out, card in, gain): no object per swap.
  const swaps: Swaps = { outs: [], adds: [], gains: [] };
  const { outs, adds, gains } = swaps;
  for (let add = 0; add < mind.ids.length; add++) {
    if (!mask[add] || red[add] || current.includes(add)) continue;
    for (const out of current) {
      if (remove !== null && out !== remove) continue;
      const gain = worth.of(add) - worth.of(out);
      if (total + gain >= least) {
        outs.push(out);
        adds.push(add);
        gains.push(gain);
      }
    }
  }
  // Best first (more gain, then the lower card in, then the lower card out: a total order),
  // taken one at a time until `limit` legal swaps are found — usually the first few — rather
  // than sorting every option.
  const found: Amendment[] = [];
  const taken = zeros(gains.length);
  for (let left = gains.length; left > 0 && found.length < limit; left--) {
    let best = -1;
    for (let k = 0; k < gains.length; k++) {
      if (taken[k]) continue;
      if (best < 0 || before(swaps, k, best)) best = k;
    }
    taken[best] = 1;
    const out = outs[best] as number;
    const add = adds[best] as number;
    const pkg = current.map((p) => (p === out ? add : p));
    if (packageLegal(mind, pkg, mask)) found.push({ remove: out, add, pkg });
  }
  return found;
}

interface Swaps {
  outs: number[];
  adds: number[];
  gains: number[];
}

/** Does swap x come before swap y: more gain, then the lower card in, then the lower card out. */
function before(s: Swaps, x: number, y: number): boolean {
  const gx = s.gains[x] as number;
  const gy = s.gains[y] as number;
  if (gx !== gy) return gx > gy;
  const ax = s.adds[x] as number;
  const ay = s.adds[y] as number;
  if (ax !== ay) return ax < ay;
  return (s.outs[x] as number) < (s.outs[y] as number);
}
