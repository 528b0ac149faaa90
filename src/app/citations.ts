/**
 * Citations for the facts a player reads (every fact a player sees carries its source): the
 * briefing's situation and briefs, a card's longer explanation read in full, the debrief (with
 * the addresses, view/debrief/content.ts) and the printed role cards (print/role-cards.ts).
 */
import type { Scenario } from '../scenario/schema.ts';

/** A source as cited: its id, "Title (Publisher, date)" and its address. */
export interface Citation {
  id: string;
  text: string;
  url: string;
}

/**
 * The given source ids cited, in order and once each (ids the scenario does not list are left
 * out).
 */
export function citedSources(
  scenario: Scenario,
  ...lists: (readonly string[] | undefined)[]
): Citation[] {
  const ids = [...new Set(lists.flatMap((list) => list ?? []))];
  return ids.flatMap((id) => {
    const s = scenario.sources.find((x) => x.id === id);
    if (!s) return [];
    const by = [s.publisher, s.date].filter(Boolean).join(', ');
    return [{ id: s.id, text: `${s.title}${by ? ` (${by})` : ''}`, url: s.url }];
  });
}

/** "Title (Publisher, date)" for each of the given source ids (see `citedSources`). */
function citations(scenario: Scenario, ...lists: (readonly string[] | undefined)[]): string[] {
  return citedSources(scenario, ...lists).map((c) => c.text);
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
