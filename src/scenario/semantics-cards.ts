import type { Scenario } from './schema.ts';
import type { Ids } from './semantics-ids.ts';
import type { Report } from './semantics-report.ts';

/** Checks on single cards: excluding itself, never available, red lines, pointless unlocks. */
export function checkCards(s: Scenario, ids: Ids, unlocked: Set<string>, report: Report): void {
  const redLines = s.roles.map((role) => new Set(role.redLines.assurances));
  for (const [i, a] of s.assurances.entries()) {
    const j = a.excludes.indexOf(a.id);
    if (j >= 0) {
      report(
        'E_EXCLUDES_SELF',
        ['assurances', i, 'excludes', j],
        `"${a.id}" excludes itself, so it can never be agreed. Remove it from its own "excludes".`,
      );
    }
    if (!a.available && !unlocked.has(a.id)) {
      report(
        'W_NEVER_AVAILABLE',
        ['assurances', i, 'available'],
        `"${a.id}" starts hidden ("available": false) and no event unlocks it, so it can never be played. List it in an event's "unlocks", or make it available.`,
      );
    }
    if (redLines[ids.roles.get(a.deliverer) ?? -1]?.has(a.id)) {
      report(
        'W_DELIVERER_RED_LINE',
        ['assurances', i, 'deliverer'],
        `"${a.deliverer}" must deliver "${a.id}" but has it as a red line, so bots playing that role will never agree to it. Change the deliverer or the red line.`,
      );
    }
  }
  for (const [i, e] of s.events.entries()) {
    for (const [j, id] of e.unlocks.entries()) {
      if (s.assurances[ids.assurances.get(id) ?? -1]?.available) {
        report(
          'W_UNLOCK_AVAILABLE',
          ['events', i, 'unlocks', j],
          `"${id}" is available from the start, so unlocking it does nothing. Set "available": false on it if it should appear only after this event.`,
        );
      }
    }
  }
}
