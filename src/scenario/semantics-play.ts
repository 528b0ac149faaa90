/** The rules of play can hold: meter bands, event and epilogue conditions, agreement, turn order. */
import type { PathSegment } from './codes.ts';
import { type Condition, METER_IDS, type Scenario } from './schema.ts';
import type { Ids } from './semantics-ids.ts';
import type { Report } from './semantics-report.ts';

export function checkMeters(s: Scenario, report: Report): void {
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

export function checkConditions(s: Scenario, report: Report): void {
  const never = (path: PathSegment[], why: string) =>
    report('E_CONDITION_NEVER', path, `This condition can never hold: ${why}`);
  const deferIds = new Set(s.decisions.filter((d) => d.kind === 'defer').map((d) => d.id));
  // The last round a game can reach: the scenario's rounds, and one more after a defer.
  const lastRound = s.rounds.count + (deferIds.size > 0 ? 1 : 0);
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
      } else if (rounds.min !== undefined && rounds.min > lastRound) {
        never(
          [...base, 'rounds', 'min'],
          `a game has at most ${lastRound} round${lastRound === 1 ? '' : 's'} (${s.rounds.count}${deferIds.size > 0 ? ', and one more after a defer' : ''}), so round ${rounds.min} never comes. Lower "min" to ${lastRound} or less.`,
        );
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

export function checkAgreement(s: Scenario, report: Report): void {
  const { kind, count } = s.agreement;
  const roles = s.roles.length;
  if (kind === 'atLeast' && count === undefined) {
    report(
      'E_REQUIRED',
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

export function checkTurnOrder(s: Scenario, ids: Ids, report: Report): void {
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
