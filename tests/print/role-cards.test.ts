/**
 * The printable role cards' model (src/print/role-cards.ts): pure data, so it is checked here
 * without a browser, for every shipped scenario and for the test fixtures. The page itself
 * (DOM, print CSS, axe) is covered by tests/e2e/role-cards.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  agreementText,
  effectsText,
  roleCardsModel,
  signedNumber,
  weightText,
} from '../../src/print/role-cards.ts';
import { scoreNumber } from '../../src/print/rule-words.ts';
import { MAX_PACKAGE_SIZE } from '../../src/rules/packages.ts';
import { BALANCE_RULE_TEXT } from '../../src/rules/scoring.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { loadShipped } from '../../src/store/catalogue-load.ts';
import { SHIPPED_SCENARIOS } from '../../src/store/shipped.ts';
import { duo, table, variant } from '../support/scenarios.ts';

const shipped = loadShipped(SHIPPED_SCENARIOS);
const scenarios: [string, Scenario][] = [
  ...shipped.entries.map((e): [string, Scenario] => [e.scenario.id, e.scenario]),
  ['fixture table', table()],
  ['fixture duo', duo()],
];

describe('roleCardsModel', () => {
  it('loads every shipped scenario', () => {
    expect(shipped.failures).toEqual([]);
    expect(shipped.entries.map((e) => e.scenario.id)).toContain('met-palantir-2026');
  });

  describe.each(scenarios)('%s', (_name, scenario) => {
    const model = roleCardsModel(scenario);

    it('has one card per role, in the scenario order, with both briefs word for word', () => {
      expect(model.cards.map((c) => c.roleId)).toEqual(scenario.roles.map((r) => r.id));
      for (const [i, role] of scenario.roles.entries()) {
        const card = model.cards[i];
        expect(card?.name).toBe(role.name.text);
        expect(card?.shortName).toBe(role.shortName.text);
        expect(card?.portrait).toBe(role.portrait);
        expect(card?.publicBrief).toBe(role.publicBrief.text);
        expect(card?.privateBrief).toBe(role.privateBrief.text);
        expect(card?.reservation).toBe(role.reservation);
      }
    });

    it('marks exactly the decision-maker, and says so on the card', () => {
      const deciders = model.cards.filter((c) => c.isDecider);
      expect(deciders.map((c) => c.roleId)).toEqual([scenario.decider]);
      expect(deciders[0]?.seat).toContain('You make the final decision.');
    });

    it('lists as offers exactly the assurances each role delivers', () => {
      for (const card of model.cards) {
        const mine = scenario.assurances.filter((a) => a.deliverer === card.roleId);
        expect(card.offers.map((o) => o.id)).toEqual(mine.map((a) => a.id));
        for (const offer of card.offers) {
          const a = mine.find((x) => x.id === offer.id);
          expect(offer.title).toBe(a?.title.text);
          expect(offer.summary).toBe(a?.summary.text);
          expect(offer.effects).toBe(effectsText(scenario, a?.effects));
          if (a && a.delay > 0) expect(offer.notes.join(' ')).toMatch(/after it is agreed/);
          if (a?.verification) expect(offer.notes.join(' ')).toMatch(/Audited/);
          if (a && !a.available) expect(offer.notes.join(' ')).toMatch(/an event can make it/);
        }
      }
    });

    it('gives every assurance and decision its private worth, best first, red lines marked', () => {
      for (const card of model.cards) {
        const role = scenario.roles.find((r) => r.id === card.roleId);
        if (!role) throw new Error('no role');
        expect(card.assuranceWorth.map((w) => w.id).sort()).toEqual(
          scenario.assurances.map((a) => a.id).sort(),
        );
        expect(card.decisionWorth.map((w) => w.id).sort()).toEqual(
          scenario.decisions.map((d) => d.id).sort(),
        );
        for (const list of [card.assuranceWorth, card.decisionWorth]) {
          const worths = list.map((w) => w.worth);
          expect(worths).toEqual([...worths].sort((a, b) => b - a));
        }
        for (const w of card.assuranceWorth) {
          const a = scenario.assurances.find((x) => x.id === w.id);
          expect(w.worth).toBe(a?.valuations[role.id] ?? 0);
          expect(w.redLine).toBe(role.redLines.assurances.includes(w.id));
        }
        for (const w of card.decisionWorth) {
          const d = scenario.decisions.find((x) => x.id === w.id);
          expect(w.worth).toBe(d?.valuations[role.id] ?? 0);
          expect(w.redLine).toBe(role.redLines.decisions.includes(w.id));
        }
        expect(card.redLines).toHaveLength(
          role.redLines.assurances.length + role.redLines.decisions.length,
        );
      }
    });

    it('describes every meter weight, most important first', () => {
      for (const card of model.cards) {
        const role = scenario.roles.find((r) => r.id === card.roleId);
        if (!role) throw new Error('no role');
        expect(card.meters).toHaveLength(3);
        const top = (['trust', 'security', 'privacy'] as const)
          .map((m) => ({ m, w: Math.abs(role.meterWeights[m]) }))
          .sort((a, b) => b.w - a.w)[0];
        if (top) expect(card.meters[0]).toContain(scenario.meters[top.m].name.text);
      }
    });

    it('resolves cited sources to their addresses', () => {
      for (const card of model.cards) {
        const role = scenario.roles.find((r) => r.id === card.roleId);
        const cited = new Set(role?.publicBrief.sources ?? []);
        expect(card.publicSources.map((s) => s.id).every((id) => cited.has(id))).toBe(true);
        expect(card.publicSources).toHaveLength(
          [...cited].filter((id) => scenario.sources.some((s) => s.id === id)).length,
        );
        for (const s of [...card.publicSources, ...card.privateSources]) {
          expect(s.url).toBe(scenario.sources.find((x) => x.id === s.id)?.url);
        }
      }
    });

    it('explains the table with the real rules', () => {
      expect(model.title).toBe(scenario.title.text);
      expect(model.summary).toBe(scenario.summary.text);
      expect(model.balanceRule).toBe(BALANCE_RULE_TEXT);
      expect(model.howItWorks.join(' ')).toContain(`1 to ${MAX_PACKAGE_SIZE} promises`);
      expect(model.howItWorks).toContain(agreementText(scenario));
      expect(model.decisions.map((d) => d.id)).toEqual(scenario.decisions.map((d) => d.id));
      expect(model.meters.map((m) => m.numbers)).toEqual(
        (['trust', 'security', 'privacy'] as const).map(
          (m) =>
            `Starts at ${scenario.meters[m].start}; healthy between ${scenario.meters[m].band.low} and ${scenario.meters[m].band.high}.`,
        ),
      );
    });

    it('says beside a decision that binds the promises that the promises count with it', () => {
      for (const card of model.cards) {
        for (const line of card.decisionWorth) {
          const binds = scenario.decisions.find((d) => d.id === line.id)?.enforcesConditions;
          expect(line.note !== undefined, `${card.roleId} ${line.id}`).toBe(Boolean(binds));
          if (binds) expect(line.note).toMatch(/agreed promises/);
        }
      }
    });

    it("gives the teacher the scenario's learning objectives and lesson plans, shortest first", () => {
      expect(model.objectives).toEqual(scenario.debrief.objectives.map((o) => o.text));
      const minutes = model.lessonPlans.map((p) => p.minutes);
      expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
      expect(model.lessonPlans).toHaveLength(scenario.debrief.timings.length);
      for (const t of scenario.debrief.timings) {
        expect(model.lessonPlans).toContainEqual({ minutes: t.minutes, plan: t.plan.text });
      }
    });

    it('survives the hand-over from the title screen (a parsed scenario loads again)', () => {
      const again = loadScenario(JSON.stringify(scenario), 'handed-over.json');
      expect(again.ok).toBe(true);
      if (again.ok) expect(roleCardsModel(again.scenario)).toEqual(model);
    });
  });
});

describe('plain words', () => {
  it('writes signed numbers with a real minus sign', () => {
    expect(signedNumber(4)).toBe('+4');
    expect(signedNumber(-3)).toBe('−3');
    expect(signedNumber(0)).toBe('0');
    expect(signedNumber(0.25)).toBe('+0.3');
  });

  it('writes scores without a plus, and a negative one with a real minus sign', () => {
    // Screen readers read "-13.4" as "dash 13.4" or skip the sign; "−" is read as "minus".
    expect(scoreNumber(-13.44)).toBe('−13.4');
    expect(scoreNumber(29)).toBe('29');
    expect(scoreNumber(0)).toBe('0');
  });

  it('turns a meter weight into a sentence', () => {
    expect(weightText('Trust', 1)).toBe(
      'Trust: each point it rises adds 1 point to your score; each point it falls takes 1 point away.',
    );
    expect(weightText('Security', -0.4)).toMatch(/^Security: each point it rises takes 0.4 points/);
    expect(weightText('Privacy', 0)).toBe('Privacy: does not change your score.');
  });

  it('states each agreement rule as the rules apply it', () => {
    const base = table();
    const n = base.roles.length;
    const majority = variant(base, (s) => {
      s.agreement = { kind: 'majority', mustInclude: [s.decider] };
    });
    const decider = majority.roles.find((r) => r.id === majority.decider)?.shortName.text;
    expect(agreementText(majority)).toContain(
      `more than half of the ${n} roles (${Math.floor(n / 2) + 1} or more) support it, including ${decider}`,
    );
    const all = variant(base, (s) => {
      s.agreement = { kind: 'unanimous', mustInclude: [] };
    });
    expect(agreementText(all)).toContain(`all ${n} roles support it —`);
    const two = variant(base, (s) => {
      s.agreement = { kind: 'atLeast', count: 2, mustInclude: [] };
    });
    expect(agreementText(two)).toContain(`at least 2 of the ${n} roles support it`);
    expect(agreementText(two)).toContain('every role that must deliver one of its promises');
  });

  it('writes meter effects in the scenario’s own meter names', () => {
    const s = table();
    expect(effectsText(s, { trust: 4, security: -3 })).toBe(
      `${s.meters.trust.name.text} +4, ${s.meters.security.name.text} −3`,
    );
    expect(effectsText(s, {})).toBe('No meter change');
  });
});
