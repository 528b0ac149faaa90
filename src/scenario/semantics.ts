/**
 * Stage 2 of loading: what the file means, once its shape is right. Finds ids that point nowhere,
 * duplicate ids, requires/excludes knots, rules no coalition can meet and decisions no game can
 * reach. Each finding carries a JSON path; the loader turns paths into line:column.
 *
 * Most checks are linear in the file size. The graph checks (requires chains against excludes,
 * how many assurances can stand together) can cost more, so they draw on one work budget: far
 * beyond any real scenario, small enough that a hostile file cannot hang the browser. Past it they
 * stop with W_CHECK_LIMIT; they never guess, so a large file gets no false error.
 */
import { didYouMean, formatPath, type PathSegment, type ProblemCode } from './codes.ts';
import { type Condition, METER_IDS, type Scenario } from './schema.ts';

export interface Finding {
  code: ProblemCode;
  path: PathSegment[];
  message: string;
  /** 'key': point at the key (e.g. a valuations entry), not its value. */
  at?: 'key';
}

type Report = (code: ProblemCode, path: PathSegment[], message: string, at?: 'key') => void;

/** Steps of graph work allowed per file (a real scenario needs a few thousand). */
const WORK_BUDGET = 5_000_000;
/** Exact search for the largest set of assurances that can stand together: up to this many cards. */
const EXACT_SEARCH_LIMIT = 30;

/** Work left for the checks that can cost more than linear time. */
class Budget {
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

export function checkSemantics(scenario: Scenario): Finding[] {
  const findings: Finding[] = [];
  const report: Report = (code, path, message, at) => {
    findings.push(at ? { code, path, message, at } : { code, path, message });
  };
  const ids = indexAll(scenario, report);
  checkTexts(scenario, ids, report);
  checkReferences(scenario, ids, report);
  checkMeters(scenario, report);
  checkConditions(scenario, report);
  checkAgreement(scenario, report);
  checkTurnOrder(scenario, ids, report);
  const budget = new Budget();
  const graph = checkAssuranceGraph(scenario, ids, budget, report);
  checkDecisions(scenario, ids, graph, budget, report);
  if (budget.exhausted) {
    report(
      'W_CHECK_LIMIT',
      ['assurances'],
      'This file has too many assurances, requires and excludes to check every chain of requires and every decision requirement. Those checks stopped part-way; the other checks ran in full.',
    );
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Ids

interface Ids {
  roles: Map<string, number>;
  assurances: Map<string, number>;
  decisions: Map<string, number>;
  sources: Map<string, number>;
}

function indexAll(s: Scenario, report: Report): Ids {
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
function checkTexts(s: Scenario, ids: Ids, report: Report): void {
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

// ---------------------------------------------------------------------------------------------
// References

function checkReferences(s: Scenario, ids: Ids, report: Report): void {
  const list = (map: Map<string, number>) => [...map.keys()].map((id) => `"${id}"`).join(', ');
  const role = (id: string, path: PathSegment[], at?: 'key') => {
    if (!ids.roles.has(id)) {
      report(
        'E_UNKNOWN_ROLE',
        path,
        `"${id}" is not a role in this scenario.${didYouMean(id, ids.roles.keys())} Roles: ${list(ids.roles)}.`,
        at,
      );
    }
  };
  const assurance = (id: string, path: PathSegment[]) => {
    if (!ids.assurances.has(id)) {
      report(
        'E_UNKNOWN_ASSURANCE',
        path,
        `"${id}" is not an assurance in this scenario.${didYouMean(id, ids.assurances.keys())} Check the spelling against the "id" of each entry in "assurances".`,
      );
    }
  };
  const decision = (id: string, path: PathSegment[]) => {
    if (!ids.decisions.has(id)) {
      report(
        'E_UNKNOWN_DECISION',
        path,
        `"${id}" is not a decision in this scenario.${didYouMean(id, ids.decisions.keys())} Decisions: ${list(ids.decisions)}.`,
      );
    }
  };
  const source = (id: string, path: PathSegment[]) => {
    if (!ids.sources.has(id)) {
      report(
        'E_UNKNOWN_SOURCE',
        path,
        `"${id}" is not in the top-level "sources" list.${didYouMean(id, ids.sources.keys())} Add the source there, or fix the id.`,
      );
    }
  };
  const valuations = (values: Record<string, number>, base: PathSegment[]) => {
    for (const id of Object.keys(values)) role(id, [...base, id], 'key');
  };
  /** Runs `check` on every id of a list, with the entry's own path. */
  const each = (
    refs: readonly string[] | undefined,
    base: PathSegment[],
    check: (id: string, path: PathSegment[]) => void,
  ) => {
    for (const [j, id] of (refs ?? []).entries()) check(id, [...base, j]);
  };
  const condition = (when: Condition, base: PathSegment[]) => {
    each(when.agreed, [...base, 'agreed'], assurance);
    each(when.notAgreed, [...base, 'notAgreed'], assurance);
    each(when.decisions, [...base, 'decisions'], decision);
  };

  role(s.decider, ['decider']);
  each(s.rounds.turnOrder, ['rounds', 'turnOrder'], role);
  each(s.agreement.mustInclude, ['agreement', 'mustInclude'], role);
  for (const [i, r] of s.roles.entries()) {
    each(r.redLines.assurances, ['roles', i, 'redLines', 'assurances'], assurance);
    each(r.redLines.decisions, ['roles', i, 'redLines', 'decisions'], decision);
  }
  for (const [i, a] of s.assurances.entries()) {
    role(a.deliverer, ['assurances', i, 'deliverer']);
    valuations(a.valuations, ['assurances', i, 'valuations']);
    each(a.requires, ['assurances', i, 'requires'], assurance);
    each(a.excludes, ['assurances', i, 'excludes'], assurance);
    each(a.sources, ['assurances', i, 'sources'], source);
  }
  for (const [i, e] of s.events.entries()) {
    condition(e.when, ['events', i, 'when']);
    each(e.unlocks, ['events', i, 'unlocks'], assurance);
    for (const [j, change] of e.valuationChanges.entries()) {
      role(change.role, ['events', i, 'valuationChanges', j, 'role']);
      if (!ids.assurances.has(change.target) && !ids.decisions.has(change.target)) {
        report(
          'E_UNKNOWN_TARGET',
          ['events', i, 'valuationChanges', j, 'target'],
          `"${change.target}" is neither an assurance nor a decision.${didYouMean(change.target, [...ids.assurances.keys(), ...ids.decisions.keys()])} Use the id of one of them.`,
        );
      }
    }
    each(e.sources, ['events', i, 'sources'], source);
  }
  for (const [i, d] of s.decisions.entries()) {
    valuations(d.valuations, ['decisions', i, 'valuations']);
    each(d.requires.allAgreed, ['decisions', i, 'requires', 'allAgreed'], assurance);
  }
  for (const [i, e] of s.epilogues.entries()) condition(e.when, ['epilogues', i, 'when']);
  for (const [i, h] of s.debrief.history.entries())
    each(h.sources, ['debrief', 'history', i, 'sources'], source);
  for (const [i, k] of s.debrief.keyTerms.entries())
    each(k.sources, ['debrief', 'keyTerms', i, 'sources'], source);
}

// ---------------------------------------------------------------------------------------------
// Meters, conditions, agreement, turn order

function checkMeters(s: Scenario, report: Report): void {
  for (const id of METER_IDS) {
    const { low, high } = s.meters[id].band;
    if (low > high) {
      report(
        'E_BAND',
        ['meters', id, 'band'],
        `The healthy band runs from ${low} down to ${high}: "low" must not be above "high". Swap the two numbers.`,
      );
    }
  }
}

function checkConditions(s: Scenario, report: Report): void {
  const never = (path: PathSegment[], why: string) =>
    report('E_CONDITION_NEVER', path, `This condition can never hold: ${why}`);
  const deferIds = new Set(s.decisions.filter((d) => d.kind === 'defer').map((d) => d.id));
  const check = (when: Condition, base: PathSegment[], isEvent: boolean) => {
    const { rounds, meters, agreed, notAgreed, decisions } = when;
    if (decisions && decisions.length > 0) {
      if (isEvent) {
        never(
          [...base, 'decisions'],
          'events are drawn before the decision is taken. Remove "decisions" (use "deferred" to test for a defer).',
        );
      } else if (decisions.every((id) => deferIds.has(id))) {
        never(
          [...base, 'decisions'],
          'a defer is never the final decision. Use "deferred": true to test whether the game was deferred.',
        );
      }
    }
    if (rounds) {
      if (rounds.min !== undefined && rounds.max !== undefined && rounds.min > rounds.max) {
        never(
          [...base, 'rounds'],
          `"min" (${rounds.min}) is above "max" (${rounds.max}). Swap them.`,
        );
      } else if (rounds.max !== undefined && rounds.max < 1) {
        never([...base, 'rounds', 'max'], 'rounds are numbered from 1. Use a "max" of 1 or more.');
      }
    }
    for (const id of METER_IDS) {
      const range = meters?.[id];
      if (!range) continue;
      const path = [...base, 'meters', id];
      if (range.min !== undefined && range.max !== undefined && range.min > range.max) {
        never(path, `"min" (${range.min}) is above "max" (${range.max}). Swap them.`);
      } else if ((range.min ?? 0) > 100 || (range.max ?? 100) < 0) {
        never(path, 'meters always stay between 0 and 100. Use bounds inside that range.');
      }
    }
    const wanted = new Set(agreed ?? []);
    notAgreed?.forEach((id, j) => {
      if (wanted.has(id)) {
        never(
          [...base, 'notAgreed', j],
          `"${id}" is listed under both "agreed" and "notAgreed". Keep one.`,
        );
      }
    });
  };
  for (const [i, e] of s.events.entries()) check(e.when, ['events', i, 'when'], true);
  for (const [i, e] of s.epilogues.entries()) check(e.when, ['epilogues', i, 'when'], false);
}

function checkAgreement(s: Scenario, report: Report): void {
  const { kind, count } = s.agreement;
  const roles = s.roles.length;
  if (kind === 'atLeast' && count === undefined) {
    report(
      'E_AGREEMENT_UNREACHABLE',
      ['agreement', 'count'],
      `The "atLeast" rule needs "count": how many roles must support a package. Add e.g. "count": ${Math.min(2, roles)}.`,
    );
  } else if (kind === 'atLeast' && count !== undefined && count > roles) {
    report(
      'E_AGREEMENT_UNREACHABLE',
      ['agreement', 'count'],
      `The rule needs ${count} supporters but there are only ${roles} roles, so no package could ever be agreed. Lower "count" to ${roles} or less.`,
    );
  } else if (kind !== 'atLeast' && count !== undefined) {
    report(
      'W_AGREEMENT_COUNT_IGNORED',
      ['agreement', 'count'],
      `"count" only matters for the "atLeast" rule; with "${kind}" it is ignored. Remove it, or use "kind": "atLeast".`,
    );
  }
}

function checkTurnOrder(s: Scenario, ids: Ids, report: Report): void {
  const order = s.rounds.turnOrder;
  const firstAt = new Map<string, number>();
  order.forEach((id, j) => {
    const first = firstAt.get(id);
    if (first === undefined) firstAt.set(id, j);
    else if (ids.roles.has(id)) {
      report(
        'E_TURN_ORDER',
        ['rounds', 'turnOrder', j],
        `"${id}" already has a turn at position ${first + 1}. Each role takes one turn per round: remove the repeat.`,
      );
    }
  });
  const missing = [...ids.roles.keys()].filter((id) => !firstAt.has(id));
  if (missing.length > 0) {
    report(
      'E_TURN_ORDER',
      ['rounds', 'turnOrder'],
      `${missing.map((id) => `"${id}"`).join(', ')} never ${missing.length === 1 ? 'gets a turn' : 'get a turn'}. Add every role to "turnOrder".`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// The requires/excludes graph

interface Graph {
  /** requires[i]: indexes of the assurances that assurance i requires directly. */
  requires: number[][];
  /** excludes[i]: indexes it cannot stand with, made symmetric. */
  excludes: Set<number>[];
  /** closure[i]: i and everything it requires, directly or not; undefined when too large to compute. */
  closure: Set<number>[] | undefined;
  /** viable[i]: the assurance can ever be agreed (available some time, no knot in what it needs). */
  viable: boolean[];
}

function checkAssuranceGraph(s: Scenario, ids: Ids, budget: Budget, report: Report): Graph {
  const list = s.assurances;
  const known = (refs: readonly string[]) =>
    refs.flatMap((id) => {
      const index = ids.assurances.get(id);
      return index === undefined ? [] : [index];
    });
  const requires = list.map((a) => known(a.requires));
  const excludes = list.map(() => new Set<number>());
  list.forEach((a, i) => {
    for (const j of known(a.excludes)) {
      excludes[i]?.add(j);
      excludes[j]?.add(i);
    }
  });
  const unlocked = new Set(s.events.flatMap((e) => e.unlocks));
  const everAvailable = list.map((a) => a.available || unlocked.has(a.id));

  reportCycles(s, requires, report);
  checkCards(s, ids, unlocked, report);
  const closure = closures(requires, excludes, budget);
  if (!closure) return { requires, excludes, closure, viable: list.map(() => true) };
  const viable = list.map((a, i) => {
    const needs = closure[i] ?? new Set<number>();
    const path = (target: number) => chain(i, target, requires);
    const conflict = conflictIn(needs, excludes);
    if (conflict) {
      const [x, y] = conflict;
      // Excluding itself is reported once, as E_EXCLUDES_SELF, on the card that does it.
      if (x === i && y === i) return false;
      const far = x === i ? y : x;
      const step = ['assurances', i, 'requires', requiresStep(i, far, requires, a.requires, list)];
      const why =
        x === y
          ? `it needs "${list[x]?.id}" (${names(path(x), list)}), which excludes itself`
          : x === i || y === i
            ? `it needs "${list[far]?.id}" (${names(path(far), list)}) but also excludes it`
            : `it needs both "${list[x]?.id}" and "${list[y]?.id}" (${[path(x), path(y)]
                .filter((p) => p.length > 1)
                .map((p) => names(p, list))
                .join('; ')}), but they exclude each other`;
      report(
        'E_REQUIRES_EXCLUDED',
        step,
        `"${a.id}" can never be agreed: ${why}. Remove one of these requires or excludes.`,
      );
      return false;
    }
    const hidden = [...needs].find((j) => !everAvailable[j]);
    if (hidden !== undefined && hidden !== i) {
      report(
        'W_NEVER_AVAILABLE',
        ['assurances', i, 'requires', requiresStep(i, hidden, requires, a.requires, list)],
        `"${a.id}" needs "${list[hidden]?.id}" (${names(path(hidden), list)}), which can never become available, so "${a.id}" can never be agreed either.`,
      );
    }
    return hidden === undefined;
  });
  return { requires, excludes, closure, viable };
}

/** Checks on single cards: excluding itself, never available, red lines, pointless unlocks. */
function checkCards(s: Scenario, ids: Ids, unlocked: Set<string>, report: Report): void {
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

/** Reports each requires cycle once, at the requires entry that closes it. Iterative DFS. */
function reportCycles(s: Scenario, requires: number[][], report: Report): void {
  const NEW = 0;
  const OPEN = 1;
  const DONE = 2;
  const state = requires.map(() => NEW);
  /** Where each open assurance sits on the stack, so a cycle is found without a search. */
  const depth = requires.map(() => -1);
  for (let start = 0; start < requires.length; start++) {
    if (state[start] !== NEW) continue;
    const stack: { node: number; next: number }[] = [{ node: start, next: 0 }];
    state[start] = OPEN;
    depth[start] = 0;
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: number; next: number };
      const edges = requires[top.node] ?? [];
      if (top.next >= edges.length) {
        state[top.node] = DONE;
        stack.pop();
        continue;
      }
      const edge = top.next++;
      const target = edges[edge] ?? -1;
      if (state[target] === NEW) {
        state[target] = OPEN;
        depth[target] = stack.length;
        stack.push({ node: target, next: 0 });
      } else if (state[target] === OPEN) {
        const circle = [...stack.slice(depth[target]).map((frame) => frame.node), target];
        const assurance = s.assurances[top.node];
        const ref = assurance ? assurance.requires.indexOf(s.assurances[target]?.id ?? '') : edge;
        report(
          'E_REQUIRES_CYCLE',
          ['assurances', top.node, 'requires', ref],
          `These assurances require each other in a circle: ${names(circle, s.assurances)}. None of them could be agreed first: remove one of these requires.`,
        );
      }
    }
  }
}

/**
 * Breadth-first requires closures, or undefined when they (or checking them against excludes)
 * would cost more than the budget.
 */
function closures(requires: number[][], excludes: Set<number>[], budget: Budget) {
  const result: Set<number>[] = [];
  for (let i = 0; i < requires.length; i++) {
    const seen = new Set([i]);
    const queue = [i];
    let steps = 0;
    for (let k = 0; k < queue.length; k++) {
      for (const j of requires[queue[k] ?? 0] ?? []) {
        steps += 1 + (excludes[j]?.size ?? 0);
        if (!seen.has(j)) {
          seen.add(j);
          queue.push(j);
        }
      }
    }
    if (!budget.spend(steps + (excludes[i]?.size ?? 0))) return undefined;
    result.push(seen);
  }
  return result;
}

/** A pair in `set` that exclude each other, if any. */
function conflictIn(set: Iterable<number>, excludes: Set<number>[]): [number, number] | undefined {
  const members = set instanceof Set ? set : new Set(set);
  for (const x of members) {
    for (const y of excludes[x] ?? []) if (members.has(y)) return [x, y];
  }
  return undefined;
}

/** The shortest requires chain from `from` to `to`, as assurance indexes. */
function chain(from: number, to: number, requires: number[][]): number[] {
  const previous = new Map<number, number>([[from, from]]);
  const queue = [from];
  for (let k = 0; k < queue.length && !previous.has(to); k++) {
    const node = queue[k] ?? 0;
    for (const next of requires[node] ?? []) {
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  const path = [to];
  for (let node = to; node !== from; ) {
    node = previous.get(node) ?? from;
    path.push(node);
  }
  return path.reverse();
}

/** Index in assurance i's own "requires" of the first step towards `target` (0 if i is the target). */
function requiresStep(
  i: number,
  target: number,
  requires: number[][],
  own: readonly string[],
  list: Scenario['assurances'],
): number {
  const step = chain(i, target, requires)[1];
  return step === undefined ? 0 : Math.max(0, own.indexOf(list[step]?.id ?? ''));
}

/** `"a" → "b" → "c"`; a long chain keeps its ends, so messages stay one readable line. */
function names(indexes: readonly number[], list: Scenario['assurances']): string {
  const shown = indexes.length > 9 ? [...indexes.slice(0, 5), -1, ...indexes.slice(-3)] : indexes;
  return shown.map((i) => (i < 0 ? '…' : `"${list[i]?.id}"`)).join(' → ');
}

// ---------------------------------------------------------------------------------------------
// Decisions

function checkDecisions(s: Scenario, ids: Ids, graph: Graph, budget: Budget, report: Report) {
  let defers = 0;
  s.decisions.forEach((d, i) => {
    if (d.kind === 'defer' && ++defers > 1) {
      report(
        'E_MULTIPLE_DEFER',
        ['decisions', i, 'kind'],
        'There is already a "defer" decision, and a game can be deferred only once. Make this one "final", or remove it.',
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

/** Warns when some number of agreed assurances leaves the decider no final decision to take. */
function checkDecisionGaps(s: Scenario, graph: Graph, budget: Budget, report: Report): void {
  const most = largestStanding(graph, new Set(), budget);
  if (!most.exact) return;
  const open = (k: number) =>
    s.decisions.some(
      (d) =>
        d.kind === 'final' &&
        d.requires.allAgreed.length === 0 &&
        d.requires.minAgreed <= k &&
        (d.requires.maxAgreed === undefined || k <= d.requires.maxAgreed),
    );
  const gaps: number[] = [];
  for (let k = 0; k <= most.size; k++) if (!open(k)) gaps.push(k);
  if (gaps.length === 0 || !s.decisions.some((d) => d.kind === 'final')) return;
  report(
    'W_NO_DECISION_OPEN',
    ['decisions'],
    `With ${gaps.join(' or ')} assurances agreed, no final decision is sure to be open (each one that allows that many also needs particular assurances), so the decider may have nothing to choose. Add a final decision with no requirements, such as "block", or widen the ranges.`,
  );
}

/**
 * The most assurances that can be agreed together, including `needed`: a set closed under
 * requires, free of excludes, made of viable cards. This is a maximum independent set problem, so
 * it is searched exactly (branch and bound over bitmasks) only for small card sets; otherwise, or
 * when the budget runs out, the answer is an upper bound, so it can never cause a false error.
 */
function largestStanding(
  graph: Graph,
  needed: Set<number>,
  budget: Budget,
): { size: number; exact: boolean } {
  const { closure, excludes, viable } = graph;
  const bound = { size: needed.size + viable.filter(Boolean).length, exact: false };
  if (!closure || !budget.spend(viable.length)) return bound;
  const banned = new Set<number>();
  for (const x of needed) for (const y of excludes[x] ?? []) banned.add(y);
  const free: number[] = [];
  for (const [i, ok] of viable.entries()) {
    const needs = closure[i] ?? new Set<number>();
    if (!budget.spend(needs.size)) return bound;
    if (ok && !needed.has(i) && [...needs].every((j) => !banned.has(j))) free.push(i);
  }
  if (free.length > EXACT_SEARCH_LIMIT) return { size: needed.size + free.length, exact: false };

  const bit = new Map(free.map((card, b) => [card, 1 << b]));
  const maskOf = (cards: Iterable<number>) => {
    let mask = 0;
    for (const card of cards) mask |= bit.get(card) ?? 0;
    return mask;
  };
  // Cards already in `needed` are dropped from closures: they are agreed anyway.
  const need = free.map((card) => maskOf(closure[card] ?? []));
  const clash = free.map((card) =>
    maskOf([...(closure[card] ?? [])].flatMap((j) => [...(excludes[j] ?? [])])),
  );
  const neededBy = free.map((_, b) =>
    need.reduce((mask, n, other) => (n & (1 << b) ? mask | (1 << other) : mask), 0),
  );

  let best = 0;
  const stack = [{ b: 0, chosen: 0, banned: 0 }];
  while (stack.length > 0) {
    const { b, chosen, banned: out } = stack.pop() as { b: number; chosen: number; banned: number };
    if (!budget.spend(1)) return { size: needed.size + free.length, exact: false };
    const count = popcount(chosen);
    const open = ~(chosen | out) & ((1 << free.length) - 1);
    if (count + popcount(open) <= best) continue;
    if (b === free.length) {
      best = count;
      continue;
    }
    const self = 1 << b;
    if ((chosen | out) & self) {
      stack.push({ b: b + 1, chosen, banned: out });
      continue;
    }
    stack.push({ b: b + 1, chosen, banned: out | self | (neededBy[b] ?? 0) });
    const take = need[b] ?? 0;
    if ((take & out) === 0 && ((clash[b] ?? 0) & (chosen | take)) === 0) {
      stack.push({ b: b + 1, chosen: chosen | take, banned: out | (clash[b] ?? 0) });
    }
  }
  return { size: needed.size + best, exact: true };
}

function popcount(mask: number): number {
  let m = mask - ((mask >>> 1) & 0x55555555);
  m = (m & 0x33333333) + ((m >>> 2) & 0x33333333);
  return (((m + (m >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
