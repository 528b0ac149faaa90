/** References: every id a scenario uses to point at a role, assurance, decision or source exists. */
import { didYouMean, type PathSegment } from './codes.ts';
import type { Condition, Scenario } from './schema.ts';
import type { Ids } from './semantics-ids.ts';
import type { Report } from './semantics-report.ts';

export function checkReferences(s: Scenario, ids: Ids, report: Report): void {
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
