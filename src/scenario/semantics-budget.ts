/**
 * One budget shared by every check that can cost more than linear time, so it is their total that
 * is bounded: a hostile file cannot multiply the cost by tripping several of them.
 */

/** Steps of graph work allowed per file (a real scenario needs a few thousand). */
const WORK_BUDGET = 5_000_000;

/** Work left for the checks that can cost more than linear time. */
export class Budget {
  private left = WORK_BUDGET;

  /** Spends `steps`; false from the moment the budget runs out. */
  spend(steps: number): boolean {
    this.left -= steps;
    return this.left >= 0;
  }

  get exhausted(): boolean {
    return this.left < 0;
  }
}
