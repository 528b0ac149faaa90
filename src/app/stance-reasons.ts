/**
 * Why each bot backs the decision it backs in public, for the stances screen (GAME.md §6: every
 * bot move comes with a one-line reason a student can read). The reasons are in the log; the
 * stances panel shows them beside the stances, so a student sees why Palantir backs "Approve"
 * without scrolling a log the screen does not have.
 */
import type { LogEntry, RoleId } from '../rules/types.ts';

/**
 * The reason given with each role's current stance, by role: only the stances declared since
 * the last defer (a defer asks for stances afresh). A bot's reason opens with the stance itself
 * ("Met backs “Approve”: it would finish on …"); that opening is left out, as the panel says
 * it on the line above. Roles with no reason (people) are absent.
 */
export function stanceReasons(log: readonly LogEntry[]): Map<RoleId, string> {
  const reasons = new Map<RoleId, string>();
  for (let i = log.length - 1; i >= 0; i--) {
    const entry = log[i];
    if (!entry || entry.kind === 'defer') break;
    if (entry.kind !== 'stance' || !entry.actor || !entry.reason) continue;
    // The latest stance of each role wins (there is one per stance round).
    if (reasons.has(entry.actor)) continue;
    reasons.set(entry.actor, withoutOpening(entry.reason));
  }
  return reasons;
}

/** "Met backs “Approve”: it would finish on 23 points" → "it would finish on 23 points". */
function withoutOpening(reason: string): string {
  const at = reason.indexOf('”: ');
  const why = at >= 0 ? reason.slice(at + 3) : reason;
  return why.length > 0 ? why.charAt(0).toUpperCase() + why.slice(1) : reason;
}
