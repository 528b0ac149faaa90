/**
 * Ids: each list's ids are unique (and decisions do not reuse assurance ids), and every
 * player-facing text has an id of its own and cites only known sources.
 */
import { didYouMean, formatPath, type PathSegment } from './codes.ts';
import type { Scenario } from './schema.ts';
import type { Report } from './semantics-report.ts';

export interface Ids {
  roles: Map<string, number>;
  assurances: Map<string, number>;
  decisions: Map<string, number>;
  sources: Map<string, number>;
}

export function indexAll(s: Scenario, report: Report): Ids {
  const ids: Ids = {
    roles: indexIds(s.roles, ['roles'], 'role', report),
    assurances: indexIds(s.assurances, ['assurances'], 'assurance', report),
    decisions: indexIds(s.decisions, ['decisions'], 'decision', report),
    sources: indexIds(s.sources, ['sources'], 'source', report),
  };
  indexIds(s.events, ['events'], 'event', report);
  indexIds(s.epilogues, ['epilogues'], 'epilogue', report);
  indexIds(s.debrief.history, ['debrief', 'history'], 'history entry', report);
  indexIds(s.debrief.keyTerms, ['debrief', 'keyTerms'], 'key term', report);
  // A valuation change names "an assurance or a decision" by id, so the two must not share one.
  s.decisions.forEach((decision, i) => {
    const clash = ids.assurances.get(decision.id);
    if (clash !== undefined) {
      report(
        'E_DUPLICATE_ID',
        ['decisions', i, 'id'],
        `The assurance at ${formatPath(['assurances', clash])} already has the id "${decision.id}". Decisions and assurances are both named in valuation changes, so give this decision another id.`,
      );
    }
  });
  return ids;
}

function indexIds(
  items: readonly { id: string }[],
  base: PathSegment[],
  kind: string,
  report: Report,
) {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    const first = index.get(item.id);
    if (first === undefined) index.set(item.id, i);
    else {
      report(
        'E_DUPLICATE_ID',
        [...base, i, 'id'],
        `Another ${kind} (${formatPath([...base, first])}) already has the id "${item.id}". Give each ${kind} its own id.`,
      );
    }
  });
  return index;
}

/**
 * Player-facing texts are keyed by id for translation, so ids must be unique across the file;
 * and the sources a text cites must exist.
 */
export function checkTexts(s: Scenario, ids: Ids, report: Report): void {
  interface Node {
    value: unknown;
    parent: Node | undefined;
    segment: PathSegment;
  }
  const pathOf = (node: Node): PathSegment[] => {
    const path: PathSegment[] = [];
    for (let n: Node | undefined = node; n?.parent; n = n.parent) path.push(n.segment);
    return path.reverse();
  };
  const seen = new Map<string, Node>();
  const stack: Node[] = [{ value: s, parent: undefined, segment: '' }];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const { value } = node;
    if (value === null || typeof value !== 'object') continue;
    if (isText(value)) {
      value.sources?.forEach((id, j) => {
        if (!ids.sources.has(id)) {
          report(
            'E_UNKNOWN_SOURCE',
            [...pathOf(node), 'sources', j],
            `"${id}" is not in the top-level "sources" list.${didYouMean(id, ids.sources.keys())} Add the source there, or fix the id.`,
          );
        }
      });
      const first = seen.get(value.id);
      if (first === undefined) seen.set(value.id, node);
      else {
        report(
          'E_DUPLICATE_TEXT_ID',
          [...pathOf(node), 'id'],
          `The text at ${formatPath(pathOf(first))} already has the id "${value.id}". Every player-facing text needs its own id, because translations are keyed by it.`,
        );
      }
      continue;
    }
    // Pushed in reverse so texts are met in file order and the later copy is the one reported.
    const entries = Array.isArray(value)
      ? value.map((v, i) => [i, v] as const)
      : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [segment, child] = entries[i] as readonly [PathSegment, unknown];
      stack.push({ value: child, parent: node, segment });
    }
  }
}

const TEXT_KEYS = new Set(['id', 'text', 'sources']);

/** After stage 1, an object with a string id and text and no other keys than Text's is a Text. */
function isText(value: object): value is { id: string; text: string; sources?: string[] } {
  const record = value as Record<string, unknown>;
  return (
    typeof record.id === 'string' &&
    typeof record.text === 'string' &&
    Object.keys(value).every((k) => TEXT_KEYS.has(k))
  );
}
