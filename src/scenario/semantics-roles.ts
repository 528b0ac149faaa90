import { PORTRAIT_IDS, resolvePortrait } from './portraits.ts';
import type { Scenario } from './schema.ts';
import type { Report } from './semantics-report.ts';

/**
 * Checks on how the roles look: a portrait the game does not have (the seat would show the
 * generic face, silently), and two roles sharing a colour (the seats, the log and the debrief
 * tell roles apart by colour as well as by name).
 */
export function checkRoles(s: Scenario, report: Report): void {
  const byColour = new Map<string, string>();
  for (const [i, role] of s.roles.entries()) {
    const name = role.portrait.trim().toLowerCase();
    if (name !== 'generic' && resolvePortrait(name) === 'generic') {
      report(
        'W_UNKNOWN_PORTRAIT',
        ['roles', i, 'portrait'],
        `The game has no portrait "${role.portrait}", so "${role.id}" shows the generic one. Use one of: ${PORTRAIT_IDS.join(', ')}.`,
      );
    }
    const colour = role.colour.toLowerCase();
    const first = byColour.get(colour);
    if (first !== undefined) {
      report(
        'W_SAME_COLOUR',
        ['roles', i, 'colour'],
        `"${role.id}" has the same colour as "${first}" (${role.colour}), so players cannot tell their seats apart by colour. Give each role its own colour from a colour-blind-safe palette.`,
      );
    } else {
      byColour.set(colour, role.id);
    }
  }
}
