/**
 * Where the seats' labels go: each seat has places to try, in the order it prefers them, and the
 * places are chosen for all the seats together, so that no label runs into another.
 *
 * Choosing seat by seat (each taking its first place clear of the labels already placed) left
 * a seat placed late with no clear place at large text sizes: at 150 % with projector mode the
 * bottom seat's name ran into the right-hand seat's "To answer now", although the right-hand
 * seat could have shown its tag as an icon only. Tables have at most six seats with at most
 * four places each (about a thousand combinations), so every combination is weighed. No Phaser.
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One place a seat's label may take. */
export interface LabelPlace<P> {
  place: P;
  box: Box;
  /** How much of the box runs off the table's area or onto other portraits (px²). */
  clash: number;
}

export function intersection(a: Box, b: Box): Box {
  return {
    x0: Math.max(a.x0, b.x0),
    y0: Math.max(a.y0, b.y0),
    x1: Math.min(a.x1, b.x1),
    y1: Math.min(a.y1, b.y1),
  };
}

export function area(b: Box): number {
  return Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0);
}

/** How much of `box` is outside `within` or on any of `others` (px²). */
export function clashOf(box: Box, within: Box, others: readonly Box[]): number {
  let total = area(box) - area(intersection(box, within));
  for (const other of others) total += area(intersection(box, other));
  return total;
}

/**
 * One place per seat (an index into each seat's `places`): the combination whose labels clash
 * least, counting each place's own clash and every overlap between two labels. Of equal ones,
 * the first in the seats' order of preference (the first seat's preference counts most). A seat
 * with no places gets -1.
 */
export function choosePlaces<P>(places: readonly (readonly LabelPlace<P>[])[]): number[] {
  const n = places.length;
  const chosen = new Array<number>(n).fill(0);
  const best = {
    clash: Number.POSITIVE_INFINITY,
    at: places.map((p): number => (p.length ? 0 : -1)),
  };
  // Depth first in preference order; a branch already clashing as much as the best is cut.
  const visit = (seat: number, sofar: number): void => {
    if (sofar >= best.clash) return;
    if (seat === n) {
      best.clash = sofar;
      best.at = [...chosen];
      return;
    }
    const options = places[seat] ?? [];
    if (options.length === 0) {
      chosen[seat] = -1;
      visit(seat + 1, sofar);
      return;
    }
    for (const [i, option] of options.entries()) {
      let clash = sofar + option.clash;
      for (let other = 0; other < seat; other++) {
        const o = chosen[other] ?? -1;
        const placed = o >= 0 ? places[other]?.[o] : undefined;
        if (placed) clash += area(intersection(option.box, placed.box));
      }
      chosen[seat] = i;
      visit(seat + 1, clash);
      if (best.clash === 0) return;
    }
  };
  visit(0, 0);
  return best.at;
}
