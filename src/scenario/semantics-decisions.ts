/**
 * Decisions: at most one defer, at least one final decision, each decision's requirements
 * reachable by some game, and no count of agreed assurances that leaves the decider nothing final.
 */
import type { PathSegment } from './codes.ts';
import type { Scenario } from './schema.ts';
import type { Budget } from './semantics-budget.ts';
import { conflictIn, type Graph } from './semantics-graph.ts';
import type { Ids } from './semantics-ids.ts';
import type { Report } from './semantics-report.ts';
import { largestStanding } from './semantics-standing.ts';

export function checkDecisions(
  s: Scenario,
  ids: Ids,
  graph: Graph,
  budget: Budget,
  report: Report,
) {
  const first = s.decisions.find((d) => d.kind === 'defer');
  s.decisions.forEach((d, i) => {
    if (d.kind === 'defer' && d !== first) {
      report(
        'E_MULTIPLE_DEFER',
        ['decisions', i, 'kind'],
        `There is already a "defer" decision ("${first?.id}"), and a game can be deferred only once. Make this one "final", or remove it.`,
      );
    }
  });
  if (!s.decisions.some((d) => d.kind === 'final')) {
    report(
      'E_NO_FINAL_DECISION',
      ['decisions'],
      'Every decision is "defer", so the game could never end. Add at least one decision with "kind": "final".',
    );
  }
  for (const [i, d] of s.decisions.entries()) checkDecision(s, d, i, ids, graph, budget, report);
  if (graph.closure) checkDecisionGaps(s, graph, budget, report);
  checkAgreedTogether(s, ids, graph, report);
}

/**
 * An event's or an epilogue's "agreed" list naming assurances that can never stand together
 * (they exclude each other, counting what they require): its condition can never hold. The same
 * test as a decision's "allAgreed", on the requires/excludes graph.
 */
function checkAgreedTogether(s: Scenario, ids: Ids, graph: Graph, report: Report): void {
  const { closure } = graph;
  if (!closure) return;
  const conditions: { when: { agreed?: string[] }; path: PathSegment[] }[] = [
    ...s.events.map((e, i) => ({ when: e.when, path: ['events', i, 'when', 'agreed'] })),
    ...s.epilogues.map((e, i) => ({ when: e.when, path: ['epilogues', i, 'when', 'agreed'] })),
  ];
  for (const { when, path } of conditions) {
    const needed = new Set<number>();
    for (const id of when.agreed ?? []) {
      for (const k of closure[ids.assurances.get(id) ?? -1] ?? []) needed.add(k);
    }
    const conflict = conflictIn(needed, graph.excludes);
    if (!conflict) continue;
    const [x, y] = conflict.sort((a, b) => a - b);
    report(
      'E_CONDITION_NEVER',
      path,
      `This condition can never hold: "${s.assurances[x]?.id}" and "${s.assurances[y]?.id}" exclude each other (counting what the listed assurances require), so they are never agreed together. Keep one.`,
    );
  }
}

function checkDecision(
  s: Scenario,
  d: Scenario['decisions'][number],
  i: number,
  ids: Ids,
  graph: Graph,
  budget: Budget,
  report: Report,
): void {
  const base: PathSegment[] = ['decisions', i, 'requires'];
  const { minAgreed, maxAgreed, allAgreed } = d.requires;
  const unreachable = (path: PathSegment[], why: string) =>
    report('E_DECISION_UNREACHABLE', path, `No game can open "${d.id}": ${why}`);
  if (maxAgreed !== undefined && maxAgreed < minAgreed) {
    unreachable(
      [...base, 'maxAgreed'],
      `it needs at least ${minAgreed} agreed assurances but at most ${maxAgreed}. Raise "maxAgreed" or lower "minAgreed".`,
    );
    return;
  }
  const { closure } = graph;
  const work = allAgreed.reduce(
    (sum, id) => sum + (closure?.[ids.assurances.get(id) ?? -1]?.size ?? 0),
    1,
  );
  if (!closure || !budget.spend(work)) return;
  const needed = new Set<number>();
  let blocked = false;
  allAgreed.forEach((id, j) => {
    const index = ids.assurances.get(id);
    if (index === undefined) return;
    if (!graph.viable[index]) {
      unreachable(
        [...base, 'allAgreed', j],
        `it needs "${id}", which can never be agreed (see the problem reported on that assurance).`,
      );
      blocked = true;
    }
    for (const k of closure[index] ?? []) needed.add(k);
  });
  if (blocked) return;
  const conflict = conflictIn(needed, graph.excludes);
  if (conflict) {
    const [x, y] = conflict;
    unreachable(
      [...base, 'allAgreed'],
      `it needs both "${s.assurances[x]?.id}" and "${s.assurances[y]?.id}" agreed (counting what its assurances require), but they exclude each other. Remove one from "allAgreed".`,
    );
    return;
  }
  if (maxAgreed !== undefined && needed.size > maxAgreed) {
    unreachable(
      [...base, 'maxAgreed'],
      `"allAgreed" (with what those assurances require) already makes ${needed.size} agreed, but "maxAgreed" is ${maxAgreed}. Raise "maxAgreed".`,
    );
    return;
  }
  if (minAgreed > needed.size) {
    const most = largestStanding(graph, needed, budget);
    if (minAgreed > most.size) {
      unreachable(
        [...base, 'minAgreed'],
        `it needs at least ${minAgreed} agreed assurances, but at most ${most.size} can stand together${needed.size > 0 ? ' with the ones it requires' : ''} (the rest exclude them or never become available). Lower "minAgreed".`,
      );
    }
  }
}

/**
 * Some number of agreed assurances must not leave the decider with no final decision open: the
 * game would stop there for good (the one defer only puts it off). A count that no final
 * decision allows at all is an error. A count that only decisions needing particular
 * assurances allow is a warning: they may not be open (the game then stops and says why).
 */
function checkDecisionGaps(s: Scenario, graph: Graph, budget: Budget, report: Report): void {
  const most = largestStanding(graph, new Set(), budget);
  if (!most.exact || !s.decisions.some((d) => d.kind === 'final')) return;
  const allows = (k: number, countOnly: boolean) =>
    s.decisions.some(
      (d) =>
        d.kind === 'final' &&
        (!countOnly || d.requires.allAgreed.length === 0) &&
        d.requires.minAgreed <= k &&
        (d.requires.maxAgreed === undefined || k <= d.requires.maxAgreed),
    );
  const never: number[] = [];
  const unsure: number[] = [];
  for (let k = 0; k <= most.size; k++) {
    if (!allows(k, false)) never.push(k);
    else if (!allows(k, true)) unsure.push(k);
  }
  const agreedCount = (ks: number[]) =>
    `${countRanges(ks)} ${ks.length === 1 && ks[0] === 1 ? 'assurance' : 'assurances'} agreed`;
  if (never.length > 0) {
    report(
      'E_NO_DECISION_OPEN',
      ['decisions'],
      `With ${agreedCount(never)}, no final decision allows that many, so the game would stop with the decider unable to choose. Add a final decision with no requirements, such as "block", or widen the ranges.`,
    );
  }
  if (unsure.length > 0) {
    report(
      'W_NO_DECISION_OPEN',
      ['decisions'],
      `With ${agreedCount(unsure)}, only final decisions that also need particular assurances allow that many, so the decider may have nothing to choose (the game would stop there). Add a final decision with no requirements, such as "block", or widen the ranges.`,
    );
  }
}

/** [0, 1, 2, 5] → "0 to 2 or 5". */
export function countRanges(counts: readonly number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < counts.length; ) {
    const from = counts[i] as number;
    let to = from;
    while (counts[i + 1] === to + 1) to = counts[++i] as number;
    ranges.push(
      to === from ? `${from}` : to === from + 1 ? `${from} or ${to}` : `${from} to ${to}`,
    );
    i++;
  }
  return ranges.join(' or ');
}
