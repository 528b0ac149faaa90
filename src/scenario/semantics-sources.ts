import type { Scenario } from './schema.ts';
import type { Report } from './semantics-report.ts';

/** Hosts kept for examples and local machines (RFC 2606, RFC 6761): never a real source. */
const PLACEHOLDER_HOST = /(^|\.)(example\.(com|net|org)|localhost|invalid|test|example)$/i;
/**
 * Words an author leaves in a source to fill in later: in capitals only ("todo" is Spanish and
 * Portuguese for "all"), and lorem ipsum in any case.
 */
const CAPITALS_ONLY = /\b(TODO|TBD|TBC|FIXME|PLACEHOLDER)\b/;

/**
 * A source that is a placeholder (an example.org address, "TODO" in its title): the debrief
 * shows every source under "What really happened" as a real citation, so a placeholder left
 * in would be shown to students as evidence.
 */
export function checkSources(s: Scenario, report: Report): void {
  for (const [i, source] of s.sources.entries()) {
    let host = '';
    try {
      host = new URL(source.url).hostname;
    } catch {
      // The schema has already reported an address that is not one.
    }
    const fields = [source.title, source.publisher ?? '', source.date ?? ''];
    const word = fields
      .map((f) => (CAPITALS_ONLY.exec(f) ?? /\blorem ipsum\b/i.exec(f))?.[0])
      .find(Boolean);
    const why = PLACEHOLDER_HOST.test(host)
      ? `its address is on "${host}", which is kept for examples`
      : word
        ? `it says "${word}"`
        : null;
    if (!why) continue;
    report(
      'W_PLACEHOLDER_SOURCE',
      ['sources', i],
      `Source "${source.id}" looks like a placeholder (${why}). Players see every source as a real citation (the debrief's "What really happened"): replace it with the real title, publisher and address, or remove it.`,
    );
  }
}
