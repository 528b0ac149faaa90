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
import { packageTables } from './tables.ts';
import type { Worth } from './worth.ts';

/**
 * What proposableMask last worked out: it depends only on the agreed and unlocked lists, which
 * successive states share until they change. Callers only read the mask.
 */
const maskCache = new WeakMap<
  Scenario,
  { agreed: GameState['agreed']; unlocked: GameState['unlocked']; mask: Uint8Array }
>();

/** 1 for each assurance that could be put in a package now (as the rules' isProposable). */
export function proposableMask(mind: BotMind): Uint8Array {
  const { scenario, state, agreed } = mind;
  const hit = maskCache.get(scenario);
  if (hit && hit.agreed === state.agreed && hit.unlocked === state.unlocked) return hit.mask;
  const tables = packageTables(scenario);
  const mask = new Uint8Array(tables.count);
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
export function packageLegal(mind: BotMind, pkg: readonly number[], mask: Uint8Array): boolean {
  if (pkg.length < 1 || pkg.length > MAX_PACKAGE_SIZE) return false;
  const tables = packageTables(mind.scenario);
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
  mask: Uint8Array,
  perSize: number,
): number[][] {
  const tables = packageTables(mind.scenario);
  const red = mind.me.redAssurance;
  // Open cards, best first (ties: scenario order). Insertion sort: a dozen or so cards, and
  // Array.sort with a comparator costs more than the whole search at this size.
  const open: number[] = [];
  const openWorth: number[] = [];
  for (let i = 0; i < tables.count; i++) {
    if (!mask[i] || red[i]) continue;
    const wi = worth.of(i);
    let at = open.length;
    while (at > 0 && (openWorth[at - 1] as number) < wi) {
      open[at] = open[at - 1] as number;
      openWorth[at] = openWorth[at - 1] as number;
      at--;
    }
    open[at] = i;
    openWorth[at] = wi;
  }
  const pool: number[] = [];
  for (const i of open) {
    if (pool.length >= mind.profile.pool) break;
    if (!pool.includes(i)) pool.push(i);
    for (const need of tables.requires[i] ?? []) {
      if (need >= 0 && mask[need] && !red[need] && !pool.includes(need)) pool.push(need);
    }
  }
  const max = Math.min(mind.profile.maxPackage, MAX_PACKAGE_SIZE);
  const w: number[] = [];
  for (const i of pool) w.push(worth.of(i));
  const n = pool.length;
  const tops: Ranked[][] = [[], [], [], []];
  // Sums are checked against each size's current cut-off before any array is built.
  for (let a = 0; a < n; a++) {
    const pa = pool[a] as number;
    const wa = w[a] as number;
    if (admits(tops[1] as Ranked[], perSize, wa))
      keep(mind, mask, tops[1] as Ranked[], perSize, [pa], wa);
    if (max < 2) continue;
    for (let b = a + 1; b < n; b++) {
      const pb = pool[b] as number;
      const ab = wa + (w[b] as number);
      if (admits(tops[2] as Ranked[], perSize, ab))
        keep(mind, mask, tops[2] as Ranked[], perSize, [pa, pb], ab);
      if (max < 3) continue;
      for (let c = b + 1; c < n; c++) {
        const abc = ab + (w[c] as number);
        if (admits(tops[3] as Ranked[], perSize, abc))
          keep(mind, mask, tops[3] as Ranked[], perSize, [pa, pb, pool[c] as number], abc);
      }
    }
  }
  const out: number[][] = [];
  for (const list of tops) for (const r of list) out.push(r.pkg);
  return out;
}

interface Ranked {
  pkg: number[];
  sum: number;
}

function admits(top: readonly Ranked[], limit: number, sum: number): boolean {
  return top.length < limit || sum > (top[top.length - 1] as Ranked).sum;
}

/** Adds a legal package to `top` (best first, earlier wins ties), keeping at most `limit`. */
function keep(
  mind: BotMind,
  mask: Uint8Array,
  top: Ranked[],
  limit: number,
  pkg: number[],
  sum: number,
): void {
  if (!packageLegal(mind, pkg, mask)) return;
  // Insertion by hand: splice costs more than the whole shift on lists this short.
  let at = top.length < limit ? top.length : limit - 1;
  while (at > 0 && (top[at - 1] as Ranked).sum < sum) {
    top[at] = top[at - 1] as Ranked;
    at--;
  }
  top[at] = { pkg, sum };
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
  mask: Uint8Array,
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
  const options: Swap[] = [];
  for (let add = 0; add < mind.ids.length; add++) {
    if (!mask[add] || red[add] || current.includes(add)) continue;
    for (const out of current) {
      if (remove !== null && out !== remove) continue;
      const gain = worth.of(add) - worth.of(out);
      if (total + gain >= least) options.push({ out, add, gain });
    }
  }
  // Best first (gain, then add, then out: a total order), taken one at a time until `limit`
  // legal swaps are found — usually the first few — rather than sorting every option.
  const found: Amendment[] = [];
  const taken = new Uint8Array(options.length);
  for (let left = options.length; left > 0 && found.length < limit; left--) {
    let best = -1;
    for (let k = 0; k < options.length; k++) {
      if (taken[k]) continue;
      if (best < 0 || before(options[k] as Swap, options[best] as Swap)) best = k;
    }
    taken[best] = 1;
    const o = options[best] as Swap;
    const pkg = current.map((p) => (p === o.out ? o.add : p));
    if (packageLegal(mind, pkg, mask)) found.push({ remove: o.out, add: o.add, pkg });
  }
  return found;
}

interface Swap {
  out: number;
  add: number;
  gain: number;
}

/** Does swap x come before swap y: more gain, then the lower card in, then the lower card out. */
function before(x: Swap, y: Swap): boolean {
  if (x.gain !== y.gain) return x.gain > y.gain;
  if (x.add !== y.add) return x.add < y.add;
  return x.out < y.out;
}
