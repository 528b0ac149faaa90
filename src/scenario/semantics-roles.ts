import { PORTRAIT_IDS, resolvePortrait } from './portraits.ts';
import type { Scenario } from './schema.ts';
import type { Report } from './semantics-report.ts';

/** How many characters of a short name fit on a seat's label beside its portrait. */
const SHORT_NAME_FITS = 24;

/**
 * Checks on how the roles look: a portrait the game does not have (the seat would show the
 * generic face, silently), and two roles sharing a colour (the seats, the log and the debrief
 * tell roles apart by colour as well as by name).
 */
export function checkRoles(s: Scenario, report: Report): void {
  const byColour = new Map<string, string>();
  for (const [i, role] of s.roles.entries()) {
    // A warning, not a schema rule: saved games of a scenario with a longer one still load.
    if (role.shortName.text.length > SHORT_NAME_FITS) {
      report(
        'W_LONG_SHORT_NAME',
        ['roles', i, 'shortName', 'text'],
        `"${role.shortName.text}" has ${role.shortName.text.length} characters; a seat's label has room for about ${SHORT_NAME_FITS} beside its portrait, so it runs into the table's outline. Shorten it (the full name is in "name").`,
      );
    }
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
