import { describe, expect, it } from 'vitest';
import { legalPackages } from '../../src/rules/legal.ts';
import {
  agreementRuleHolds,
  deliverersOf,
  isProposable,
  MAX_PACKAGE_SIZE,
  packageAgreed,
  packageProblem,
  proposableAssurances,
  rotationAfter,
} from '../../src/rules/packages.ts';
import { createGame } from '../../src/rules/setup.ts';
import type { GameState } from '../../src/rules/types.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { table, variant } from '../support/scenarios.ts';

const scenario = table();

function at(fields: Partial<GameState>): GameState {
  return { ...createGame(scenario, 1), phase: 'negotiation', round: 1, ...fields };
}
const agreedState = (...ids: string[]) =>
  at({ agreed: ids.map((id) => ({ id, round: 1, package: 1 })) });
const problem = (ids: string[], state = at({})) => packageProblem(scenario, state, ids);

describe('packageProblem', () => {
  it('a package holds 1 to 3 assurances', () => {
    expect(MAX_PACKAGE_SIZE).toBe(3);
    expect(problem([])).toMatch(/1 to 3/);
    expect(problem(['dpia'])).toBeNull();
    expect(problem(['dpia', 'audit', 'uk-data'])).toBeNull();
    expect(problem(['dpia', 'audit', 'uk-data', 'reprocure'])).toMatch(/1 to 3/);
  });

  it('refuses duplicates and unknown assurances', () => {
    expect(problem(['dpia', 'dpia'])).toMatch(/twice/);
    expect(problem(['dpia', 'nope'])).toMatch(/no assurance "nope"/);
  });

  it('excludes work in both directions, in one package and against agreed ones', () => {
    // Only break-clause declares the exclusion.
    expect(problem(['break-clause', 'long-term'])).toMatch(/cannot stand together/);
    expect(problem(['long-term', 'break-clause'])).toMatch(/cannot stand together/);
    expect(problem(['long-term'], agreedState('break-clause'))).toMatch(/cannot be proposed now/);
    expect(problem(['break-clause'], agreedState('long-term'))).toMatch(/cannot be proposed now/);
    expect(isProposable(scenario, agreedState('long-term'), 'break-clause')).toBe(false);
    expect(isProposable(scenario, agreedState('break-clause'), 'long-term')).toBe(false);
  });

  it('requires: met by an agreed assurance or by one in the same package', () => {
    expect(problem(['escrow'])).toMatch(/needs "Dpia"/);
    expect(problem(['escrow', 'dpia'])).toBeNull();
    expect(problem(['dpia', 'escrow'])).toBeNull();
    expect(problem(['escrow'], agreedState('dpia'))).toBeNull();
  });

  it('an agreed assurance cannot be proposed again', () => {
    expect(problem(['dpia'], agreedState('dpia'))).toMatch(/cannot be proposed now/);
    expect(proposableAssurances(scenario, agreedState('dpia'))).not.toContain('dpia');
  });

  it('a hidden assurance is unavailable until an event unlocks it', () => {
    expect(problem(['bias-test'])).toMatch(/cannot be proposed now/);
    expect(proposableAssurances(scenario, at({}))).not.toContain('bias-test');
    const unlocked = at({ unlocked: ['bias-test'] });
    expect(problem(['bias-test'], unlocked)).toBeNull();
    expect(proposableAssurances(scenario, unlocked)).toContain('bias-test');
  });
});

describe('legalPackages', () => {
  /** Every subset of 1–3 of all assurances (known or not yet legal). */
  function allSubsets(ids: string[]): string[][] {
    const out: string[][] = [];
    const visit = (start: number, chosen: string[]) => {
      if (chosen.length > 0) out.push(chosen);
      if (chosen.length === 3) return;
      for (let i = start; i < ids.length; i++) visit(i + 1, [...chosen, ids[i] as string]);
    };
    visit(0, []);
    return out;
  }

  const states = {
    fresh: at({}),
    unlocked: at({ unlocked: ['bias-test'] }),
    dpiaAgreed: agreedState('dpia'),
    longTermAgreed: agreedState('long-term', 'audit'),
  };

  for (const [name, state] of Object.entries(states)) {
    it(`lists exactly the legal packages, smallest first (${name})`, () => {
      const listed = legalPackages(scenario, state);
      const key = (p: string[]) => [...p].sort().join('+');
      const listedKeys = new Set(listed.map(key));
      expect(listedKeys.size).toBe(listed.length);
      const expected = allSubsets(scenario.assurances.map((a) => a.id)).filter(
        (p) => packageProblem(scenario, state, p) === null,
      );
      expect([...listedKeys].sort()).toEqual(expected.map(key).sort());
      for (let i = 1; i < listed.length; i++) {
        expect(listed[i]?.length).toBeGreaterThanOrEqual(listed[i - 1]?.length ?? 0);
      }
    });
  }
});

describe('the agreement rule', () => {
  const withRule = (agreement: Scenario['agreement']) =>
    variant(scenario, (s) => {
      s.agreement = agreement;
    });

  it('majority: more than half of all roles, plus everyone in mustInclude', () => {
    // The table: 4 roles, majority including the mayor.
    expect(agreementRuleHolds(scenario, ['mayor', 'police'])).toBe(false);
    expect(agreementRuleHolds(scenario, ['mayor', 'police', 'vendor'])).toBe(true);
    expect(agreementRuleHolds(scenario, ['police', 'vendor', 'rights'])).toBe(false);
    expect(agreementRuleHolds(scenario, ['police', 'vendor', 'rights', 'mayor'])).toBe(true);
    const plain = withRule({ kind: 'majority', mustInclude: [] });
    expect(agreementRuleHolds(plain, ['police', 'vendor', 'rights'])).toBe(true);
    expect(agreementRuleHolds(plain, ['police', 'vendor'])).toBe(false);
  });

  it('unanimous: every role', () => {
    const rule = withRule({ kind: 'unanimous', mustInclude: [] });
    expect(agreementRuleHolds(rule, ['mayor', 'police', 'vendor'])).toBe(false);
    expect(agreementRuleHolds(rule, ['mayor', 'police', 'vendor', 'rights'])).toBe(true);
  });

  it('atLeast: "count" supporters, plus mustInclude', () => {
    const two = withRule({ kind: 'atLeast', count: 2, mustInclude: [] });
    expect(agreementRuleHolds(two, ['rights'])).toBe(false);
    expect(agreementRuleHolds(two, ['rights', 'vendor'])).toBe(true);
    const twoWithRights = withRule({ kind: 'atLeast', count: 2, mustInclude: ['rights'] });
    expect(agreementRuleHolds(twoWithRights, ['police', 'vendor'])).toBe(false);
    expect(agreementRuleHolds(twoWithRights, ['police', 'rights'])).toBe(true);
  });

  it('every deliverer must support, even when the rule holds', () => {
    // dpia is delivered by police, uk-data by vendor.
    expect(deliverersOf(scenario, ['dpia', 'uk-data', 'reprocure'])).toEqual(['police', 'vendor']);
    expect(packageAgreed(scenario, ['dpia', 'uk-data'], ['mayor', 'rights', 'police'])).toBe(false);
    expect(packageAgreed(scenario, ['dpia', 'uk-data'], ['mayor', 'police', 'vendor'])).toBe(true);
    const anyone = withRule({ kind: 'atLeast', count: 1, mustInclude: [] });
    expect(packageAgreed(anyone, ['audit'], ['rights'])).toBe(false);
    expect(packageAgreed(anyone, ['audit'], ['mayor'])).toBe(true);
  });
});

describe('rotationAfter', () => {
  it('lists the others in turn order, starting after the given role', () => {
    const order = ['police', 'vendor', 'rights', 'mayor'];
    expect(rotationAfter(order, 'police')).toEqual(['vendor', 'rights', 'mayor']);
    expect(rotationAfter(order, 'rights')).toEqual(['mayor', 'police', 'vendor']);
    expect(rotationAfter(order, 'mayor')).toEqual(['police', 'vendor', 'rights']);
  });
});
