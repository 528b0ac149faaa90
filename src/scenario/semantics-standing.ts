import type { Budget } from './semantics-budget.ts';
import type { Graph } from './semantics-graph.ts';

/** Exact search for the largest set of assurances that can stand together: up to this many cards. */
const EXACT_SEARCH_LIMIT = 30;

/**
 * The most assurances that can be agreed together, including `needed`: a set closed under
 * requires, free of excludes, made of viable cards. This is a maximum independent set problem, so
 * it is searched exactly (branch and bound over bitmasks) only for small card sets; otherwise, or
 * when the budget runs out, the answer is an upper bound, so it can never cause a false error.
 */
export function largestStanding(
  graph: Graph,
  needed: Set<number>,
  budget: Budget,
): { size: number; exact: boolean } {
  const { closure, excludes, viable } = graph;
  const bound = { size: needed.size + viable.filter(Boolean).length, exact: false };
  if (!closure || !budget.spend(viable.length)) return bound;
  const banned = new Set<number>();
  for (const x of needed) for (const y of excludes[x] ?? []) banned.add(y);
  const free: number[] = [];
  for (const [i, ok] of viable.entries()) {
    const needs = closure[i] ?? new Set<number>();
    if (!budget.spend(needs.size)) return bound;
    if (ok && !needed.has(i) && [...needs].every((j) => !banned.has(j))) free.push(i);
  }
  if (free.length > EXACT_SEARCH_LIMIT) return { size: needed.size + free.length, exact: false };

  const bit = new Map(free.map((card, b) => [card, 1 << b]));
  const maskOf = (cards: Iterable<number>) => {
    let mask = 0;
    for (const card of cards) mask |= bit.get(card) ?? 0;
    return mask;
  };
  // Cards already in `needed` are dropped from closures: they are agreed anyway.
  const need = free.map((card) => maskOf(closure[card] ?? []));
  const clash = free.map((card) =>
    maskOf([...(closure[card] ?? [])].flatMap((j) => [...(excludes[j] ?? [])])),
  );
  const neededBy = free.map((_, b) =>
    need.reduce((mask, n, other) => (n & (1 << b) ? mask | (1 << other) : mask), 0),
  );

  let best = 0;
  const stack = [{ b: 0, chosen: 0, banned: 0 }];
  while (stack.length > 0) {
    const { b, chosen, banned: out } = stack.pop() as { b: number; chosen: number; banned: number };
    if (!budget.spend(1)) return { size: needed.size + free.length, exact: false };
    const count = popcount(chosen);
    const open = ~(chosen | out) & ((1 << free.length) - 1);
    if (count + popcount(open) <= best) continue;
    if (b === free.length) {
      best = count;
      continue;
    }
    const self = 1 << b;
    if ((chosen | out) & self) {
      stack.push({ b: b + 1, chosen, banned: out });
      continue;
    }
    stack.push({ b: b + 1, chosen, banned: out | self | (neededBy[b] ?? 0) });
    const take = need[b] ?? 0;
    if ((take & out) === 0 && ((clash[b] ?? 0) & (chosen | take)) === 0) {
      stack.push({ b: b + 1, chosen: chosen | take, banned: out | (clash[b] ?? 0) });
    }
  }
  return { size: needed.size + best, exact: true };
}

function popcount(mask: number): number {
  let m = mask - ((mask >>> 1) & 0x55555555);
  m = (m & 0x33333333) + ((m >>> 2) & 0x33333333);
  return (((m + (m >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
