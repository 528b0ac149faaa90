import { describe, expect, it } from 'vitest';
import { crossesAssuranceRedLine, crossesDecisionRedLine } from '../../src/rules/red-lines.ts';
import { Script } from '../support/games.ts';
import { roleOf, table, variant } from '../support/scenarios.ts';

// The vendor's red line is the escrow assurance; rights' is the approve decision.
const scenario = variant(table(), (s) => {
  roleOf(s, 'mayor').redLines = {
    assurances: ['long-term'],
    decisions: ['block'],
  };
});

describe('red lines', () => {
  it('knows who has which red line', () => {
    expect(crossesAssuranceRedLine(scenario, 'vendor', 'escrow')).toBe(true);
    expect(crossesAssuranceRedLine(scenario, 'police', 'escrow')).toBe(false);
    expect(crossesDecisionRedLine(scenario, 'rights', 'approve')).toBe(true);
    expect(crossesDecisionRedLine(scenario, 'rights', 'block')).toBe(false);
    expect(crossesDecisionRedLine(scenario, 'ghost', 'approve')).toBe(false);
  });

  it('flags proposing and supporting a package across one’s red line, with the round', () => {
    const g = new Script(scenario, 1).toNegotiation().passUntil('vendor');
    g.act({ type: 'PROPOSE', role: 'vendor', assurances: ['dpia', 'escrow'] });
    expect(g.state.redLineFlags).toEqual([
      { role: 'vendor', kind: 'assurance', id: 'escrow', how: 'proposed', round: 1 },
    ]);
    g.act(
      { type: 'RESPOND', role: 'rights', response: 'support' },
      { type: 'RESPOND', role: 'mayor', response: 'support' },
      { type: 'RESPOND', role: 'police', response: 'support' },
    );
    expect(g.state.redLineFlags).toHaveLength(1);

    const h = new Script(scenario, 1).toNegotiation();
    h.proposeAndAnswer(['dpia', 'escrow'], { vendor: 'support' });
    expect(h.state.redLineFlags).toEqual([
      { role: 'vendor', kind: 'assurance', id: 'escrow', how: 'supported', round: 1 },
    ]);
  });

  it('does not flag opposing it, or a timer running out', () => {
    const g = new Script(scenario, 1).toNegotiation();
    g.proposeAndAnswer(['dpia', 'escrow'], { vendor: 'oppose' });
    const h = new Script(scenario, 1).toNegotiation();
    h.act(
      { type: 'PROPOSE', role: 'police', assurances: ['dpia', 'escrow'] },
      { type: 'TIMEOUT', scope: 'turn' },
    );
    expect(g.state.redLineFlags).toEqual([]);
    expect(h.state.redLineFlags).toEqual([]);
  });

  it('flags amending an assurance in across one’s red line', () => {
    const g = new Script(scenario, 1).toNegotiation().passUntil('rights');
    g.act(
      { type: 'PROPOSE', role: 'rights', assurances: ['audit'] },
      { type: 'AMEND', role: 'mayor', remove: 'audit', add: 'long-term' },
    );
    expect(g.state.redLineFlags).toEqual([
      { role: 'mayor', kind: 'assurance', id: 'long-term', how: 'amended', round: 1 },
    ]);
  });

  it('flags a stance and a decision across one’s red line', () => {
    const g = new Script(scenario, 1).toNegotiation().toStances();
    g.act(
      { type: 'STANCE', role: 'rights', decision: 'approve' },
      { type: 'STANCE', role: 'vendor', decision: 'approve' },
      { type: 'STANCE', role: 'police', decision: 'block' },
      { type: 'STANCE', role: 'mayor', decision: 'block' },
      { type: 'DECIDE', role: 'mayor', decision: 'block' },
    );
    expect(g.state.redLineFlags).toEqual([
      { role: 'rights', kind: 'decision', id: 'approve', how: 'stance', round: 3 },
      { role: 'mayor', kind: 'decision', id: 'block', how: 'stance', round: 3 },
      { role: 'mayor', kind: 'decision', id: 'block', how: 'decided', round: 3 },
    ]);
  });
});
