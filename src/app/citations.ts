/**
 * Citations for the facts a player reads (every fact a player sees carries its source): the
 * briefing's situation and briefs, and a card's longer explanation read in full. The debrief
 * lists its sources with their addresses (view/debrief/content.ts).
 */
import type { Scenario } from '../scenario/schema.ts';

/**
 * "Title (Publisher, date)" for each of the given source ids, in order and once each (ids the
 * scenario does not list are left out).
 */
export function citations(
  scenario: Scenario,
  ...lists: (readonly string[] | undefined)[]
): string[] {
  const ids = [...new Set(lists.flatMap((list) => list ?? []))];
  return ids.flatMap((id) => {
    const s = scenario.sources.find((x) => x.id === id);
    if (!s) return [];
    const by = [s.publisher, s.date].filter(Boolean).join(', ');
    return [`${s.title}${by ? ` (${by})` : ''}`];
  });
}

/** "Sources: Title (Publisher, date); Title (Publisher)." (see `citations`); "" for none. */
export function sourcesLine(
  scenario: Scenario,
  ...lists: (readonly string[] | undefined)[]
): string {
  const cited = citations(scenario, ...lists);
  if (cited.length === 0) return '';
  return `${cited.length === 1 ? 'Source' : 'Sources'}: ${cited.join('; ')}.`;
}

/** A text's sources as a list to end a panel with ("\n\nSources:\n• …"); "" for none. */
export function sourcesList(
  scenario: Scenario,
  ...lists: (readonly string[] | undefined)[]
): string {
  const cited = citations(scenario, ...lists);
  return cited.length === 0 ? '' : `\n\nSources:\n${cited.map((c) => `• ${c}`).join('\n')}`;
}
