import { describe, expect, it } from 'vitest';
import { indexScenario } from '../../src/rules/scenario-index.ts';
import { assuranceOf, table, variant } from '../support/scenarios.ts';

describe('indexScenario', () => {
  it('finds roles, assurances, decisions and events by id', () => {
    const index = indexScenario(table());
    expect(index.roles.get('vendor')?.shortName.text).toBe('Vendor');
    expect(index.assurances.get('escrow')?.requires).toEqual(['dpia']);
    expect(index.decisions.get('defer')?.kind).toBe('defer');
    expect(index.events.get('court')?.weight).toBe(2);
    expect(index.turnOrder).toEqual(['police', 'vendor', 'rights', 'mayor']);
  });

  it('records exclusions in both directions', () => {
    const index = indexScenario(table());
    expect(index.excludes.get('break-clause')?.has('long-term')).toBe(true);
    expect(index.excludes.get('long-term')?.has('break-clause')).toBe(true);
    expect(index.excludes.get('dpia')).toBeUndefined();
  });

  it('is cached per scenario object, so a changed copy gets its own index', () => {
    const base = table();
    expect(indexScenario(base)).toBe(indexScenario(base));
    const copy = variant(base, (s) => {
      assuranceOf(s, 'dpia').excludes = ['audit'];
    });
    expect(indexScenario(copy)).not.toBe(indexScenario(base));
    expect(indexScenario(copy).excludes.get('audit')?.has('dpia')).toBe(true);
    expect(indexScenario(base).excludes.get('audit')).toBeUndefined();
  });
});
