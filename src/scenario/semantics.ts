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

import type { Scenario } from './schema.ts';
import { Budget } from './semantics-budget.ts';
import { checkDecisions } from './semantics-decisions.ts';
import { checkAssuranceGraph } from './semantics-graph.ts';
import { checkTexts, indexAll } from './semantics-ids.ts';
import { checkAgreement, checkConditions, checkMeters, checkTurnOrder } from './semantics-play.ts';
import { checkReferences } from './semantics-references.ts';
import type { Finding, Report } from './semantics-report.ts';
import { checkRoles } from './semantics-roles.ts';
import { checkSources } from './semantics-sources.ts';

export type { Finding } from './semantics-report.ts';

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
  checkRoles(scenario, report);
  checkSources(scenario, report);
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
