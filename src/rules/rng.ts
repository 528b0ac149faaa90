/**
 * Seeded random numbers (mulberry32). The generator's whole state is one unsigned 32-bit
 * integer kept inside the game state, so saving, restoring and replaying reproduce every draw.
 */

/** Turns any number (a seed typed by a teacher, say) into a well-mixed 32-bit state. */
export function seedRng(seed: number): number {
  let h = Math.trunc(Number.isFinite(seed) ? seed : 0) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Returns a float in [0, 1) and the next state. */
export function nextRandom(state: number): [value: number, next: number] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/** Picks an index with probability proportional to its weight; -1 when nothing can be picked. */
export function pickWeighted(
  state: number,
  weights: readonly number[],
): [index: number, next: number] {
  let total = 0;
  for (const w of weights) total += Math.max(w, 0);
  if (total <= 0) return [-1, state];
  const [r, next] = nextRandom(state);
  let target = r * total;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] ?? 0;
    if (w <= 0) continue;
    if (target < w) return [i, next];
    target -= w;
  }
  // Floating-point rounding can leave a sliver at the end: it belongs to the last candidate.
  for (let i = weights.length - 1; i >= 0; i--) if ((weights[i] ?? 0) > 0) return [i, next];
  return [-1, next];
}

/** Mixes several integers into one seed (e.g. game seed, step, seat) for side streams like bots. */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193) >>> 0;
    h = seedRng(h);
  }
  return h;
}
