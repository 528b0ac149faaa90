/**
 * Parallel lists of items and their worths, best first: the bots' short rankings (the top cards,
 * the cards a package may open with). An insertion by hand: Array.sort with a comparator, or an
 * object per entry, cost more than the whole search at these sizes (a dozen entries).
 */

/**
 * Puts `item` worth `worth` among the first `filled` entries of `items`/`worths` (kept in
 * descending worth; equal worths keep their order), moving the worse ones down by one. The
 * entry at `filled` is overwritten: pass the last index of a full list to drop its worst.
 */
export function insertRanked(
  items: number[],
  worths: number[],
  filled: number,
  item: number,
  worth: number,
): void {
  let at = filled;
  while (at > 0 && (worths[at - 1] as number) < worth) {
    items[at] = items[at - 1] as number;
    worths[at] = worths[at - 1] as number;
    at--;
  }
  items[at] = item;
  worths[at] = worth;
}
