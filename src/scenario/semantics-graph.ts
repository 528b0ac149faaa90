/**
 * The requires/excludes graph between assurances: requires cycles, and assurances that can never
 * be agreed because what they require clashes through excludes or never becomes available.
 * Closures draw on the work budget; past it the graph has no closure, and the checks that need one
 * are skipped rather than guessed.
 */
import type { Scenario } from './schema.ts';
import type { Budget } from './semantics-budget.ts';
import { checkCards } from './semantics-cards.ts';
import type { Ids } from './semantics-ids.ts';
import type { Report } from './semantics-report.ts';

export interface Graph {
  /** requires[i]: indexes of the assurances that assurance i requires directly. */
  requires: number[][];
  /** excludes[i]: indexes it cannot stand with, made symmetric. */
  excludes: Set<number>[];
  /** closure[i]: i and everything it requires, directly or not; undefined when too large to compute. */
  closure: Set<number>[] | undefined;
  /** viable[i]: the assurance can ever be agreed (available some time, no knot in what it needs). */
  viable: boolean[];
}

export function checkAssuranceGraph(s: Scenario, ids: Ids, budget: Budget, report: Report): Graph {
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
export function conflictIn(
  set: Iterable<number>,
  excludes: Set<number>[],
): [number, number] | undefined {
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
