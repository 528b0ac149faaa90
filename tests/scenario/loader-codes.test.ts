/**
 * One case per problem code: mutate the minimal fixture, load it, and check the code, the JSON
 * path and the line:column (found independently, from a snippet of the mutated text).
 */
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, type Problem, type ProblemCode } from '../../src/scenario/codes.ts';
import { parseJson } from '../../src/scenario/json-parse.ts';
import {
  loadScenario,
  loadScenarioBytes,
  MAX_PROBLEMS,
  problemsFromZodIssue,
} from '../../src/scenario/loader.ts';
import {
  containerOf,
  minimalText,
  mutated,
  nthPositionOf,
  positionOf,
  type Where,
} from './fixture.ts';

interface Case {
  code: ProblemCode;
  /** What the case does, when one code has several cases. */
  name?: string;
  input: () => string;
  path: string;
  where: (text: string) => Where;
  message?: RegExp;
}

/** The value after `"key": ` in 2-space JSON.stringify output. */
const valueAfter = (key: string, value: string) => (text: string) =>
  positionOf(text, `"${key}": ${value}`, `"${key}": `.length);
const keyAt = (key: string, value: string) => (text: string) =>
  positionOf(text, `"${key}": ${value}`);

const chainOfRequires = (count: number) =>
  mutated((s) => {
    const template = s.assurances[0];
    s.assurances = Array.from({ length: count }, (_, i) => ({
      ...template,
      id: `c${i}`,
      title: { id: `c${i}.title`, text: 'T' },
      summary: { id: `c${i}.summary`, text: 'S' },
      text: { id: `c${i}.text`, text: 'X' },
      requires: i === 0 ? [] : [`c${i - 1}`],
    }));
    s.decisions = s.decisions.filter((d: { id: string }) => d.id !== 'approve-with-conditions');
    s.events[0].unlocks = [];
    s.events[0].valuationChanges = [];
    s.roles[2].redLines = {};
    s.epilogues = [];
  });

const cases: Case[] = [
  {
    code: 'E_JSON_EMPTY',
    input: () => '',
    path: '$',
    where: () => ({ line: 1, column: 1 }),
  },
  {
    code: 'E_JSON_BINARY',
    input: () =>
      mutated(() => {}).replace('"text": "A market town"', '"text": \u0001"A market town"'),
    path: '$.place.text',
    where: (text) => positionOf(text, '\u0001'),
  },
  {
    code: 'E_JSON_SYNTAX',
    name: 'missing comma',
    input: () => mutated(() => {}).replace('"formatVersion": 1,', '"formatVersion": 1'),
    path: '$.formatVersion',
    where: (text) => positionOf(text, '"id": "high-street-anpr"'),
    message: /comma missing/,
  },
  {
    code: 'E_JSON_SYNTAX',
    name: 'trailing comma',
    input: () => mutated(() => {}).replace('"A school term"', '"A school term",}'),
    path: '$.period.text',
    where: (text) => positionOf(text, ',}'),
    message: /comma/,
  },
  {
    code: 'E_JSON_DUPLICATE_KEY',
    input: () =>
      mutated(() => {}).replace('"text": "A market town"', '"text": "A market town", "text": "B"'),
    path: '$.place.text',
    where: (text) => positionOf(text, '"text": "B"'),
  },
  {
    code: 'E_JSON_TOO_DEEP',
    input: () =>
      mutated(() => {}).replace(
        '"text": "A school term"',
        `"text": ${'['.repeat(100)}${']'.repeat(100)}`,
      ),
    path: `$.period.text${'[0]'.repeat(62)}`,
    // The root object is level 1 and "period" level 2, so the 63rd '[' is the 65th level.
    where: (text) => positionOf(text, `"text": ${'['.repeat(100)}`, '"text": '.length + 62),
  },
  {
    code: 'E_NOT_A_SCENARIO',
    input: () => '{\n  "format": "another-program",\n  "title": "Tuesday"\n}\n',
    path: '$',
    where: () => ({ line: 1, column: 1 }),
    message: /not an Oversight scenario.*only "title"/,
  },
  {
    code: 'E_NOT_A_SCENARIO',
    input: () =>
      '{\n  "format": "oversight-replay",\n  "scenarioId": "met-palantir-2026",\n  "seed": 7,\n  "summary": {}\n}\n',
    path: '$',
    where: () => ({ line: 1, column: 1 }),
    message: /not an Oversight scenario: it is a replay.*"met-palantir-2026", seed 7.*cannot open/,
  },
  {
    code: 'E_FORMAT_VERSION',
    input: () => mutated((s) => (s.formatVersion = 2)),
    path: '$.formatVersion',
    where: valueAfter('formatVersion', '2'),
    message: /format 2/,
  },
  {
    code: 'E_REQUIRED',
    input: () => mutated((s) => delete s.roles[2].colour),
    path: '$.roles[2].colour',
    where: (text) => containerOf(text, '"id": "residents"'),
    message: /"colour" is missing.*#rrggbb/,
  },
  {
    code: 'E_UNKNOWN_KEY',
    input: () => mutated((s) => (s.roles[1].color = '#000000')),
    path: '$.roles[1].color',
    where: keyAt('color', '"#000000"'),
    message: /Did you mean "colour"\?/,
  },
  {
    code: 'E_TYPE',
    input: () => mutated((s) => (s.roles[0].reservation = '10')),
    path: '$.roles[0].reservation',
    where: valueAfter('reservation', '"10"'),
    message: /Remove the quotes/,
  },
  {
    code: 'E_TYPE',
    name: 'a number too large to store',
    input: () =>
      mutated((s) => (s.roles[0].reservation = 7)).replace(
        '"reservation": 7',
        '"reservation": 1e400',
      ),
    path: '$.roles[0].reservation',
    where: valueAfter('reservation', '1e400'),
    message: /found a number too large to store\. Use a number between -1000 and 1000\./,
  },
  {
    code: 'E_TYPE',
    name: 'text without an id',
    input: () => mutated((s) => (s.title = 'Cameras')),
    path: '$.title',
    where: valueAfter('title', '"Cameras"'),
    message: /needs an id/,
  },
  {
    code: 'E_VALUE_RANGE',
    input: () => mutated((s) => (s.assurances[2].delay = 9)),
    path: '$.assurances[2].delay',
    where: valueAfter('delay', '9'),
    message: /between 0 and 5/,
  },
  {
    code: 'E_COUNT',
    input: () => mutated((s) => (s.roles = s.roles.slice(0, 1))),
    path: '$.roles',
    where: valueAfter('roles', '['),
    message: /at least 2/,
  },
  {
    code: 'E_LENGTH',
    input: () => mutated((s) => (s.place.text = '')),
    path: '$.place.text',
    where: valueAfter('text', '""'),
  },
  {
    code: 'E_FORMAT',
    input: () => mutated((s) => (s.roles[0].colour = 'blue')),
    path: '$.roles[0].colour',
    where: valueAfter('colour', '"blue"'),
    message: /#rrggbb/,
  },
  {
    code: 'E_FORMAT',
    name: 'a text of only spaces',
    input: () => mutated((s) => (s.roles[0].shortName.text = '   ')),
    path: '$.roles[0].shortName.text',
    where: valueAfter('text', '"   "'),
    message: /not only spaces/,
  },

  {
    code: 'E_FORMAT',
    name: 'record key that is not an id',
    input: () => mutated((s) => (s.assurances[1].valuations.Police = 1)),
    path: '$.assurances[1].valuations.Police',
    where: keyAt('Police', '1'),
  },
  {
    code: 'E_ENUM',
    input: () => mutated((s) => (s.agreement.kind = 'majorty')),
    path: '$.agreement.kind',
    where: valueAfter('kind', '"majorty"'),
    message: /Did you mean "majority"\?/,
  },
  {
    code: 'E_DUPLICATE_ID',
    input: () => mutated((s) => (s.events[1].id = 'data-leak')),
    path: '$.events[1].id',
    where: (text) => nthPositionOf(text, '"id": "data-leak"', 1, 6),
  },
  {
    code: 'E_DUPLICATE_ID',
    name: 'decision sharing an assurance id',
    input: () => mutated((s) => (s.decisions[0].id = 'dpia')),
    path: '$.decisions[0].id',
    where: (text) => nthPositionOf(text, '"id": "dpia"', 1, '"id": '.length),
  },
  {
    code: 'E_DUPLICATE_TEXT_ID',
    input: () => mutated((s) => (s.roles[1].shortName.id = 'role.council.short')),
    path: '$.roles[1].shortName.id',
    where: (text) => positionOf(text, '"role.council.short",\n        "text": "Police"'),
  },
  {
    code: 'E_UNKNOWN_ROLE',
    input: () => mutated((s) => (s.assurances[0].deliverer = 'polic')),
    path: '$.assurances[0].deliverer',
    where: valueAfter('deliverer', '"polic"'),
    message: /Did you mean "police"\?/,
  },
  {
    code: 'E_UNKNOWN_ROLE',
    name: 'valuations key',
    input: () => mutated((s) => (s.decisions[2].valuations.mayor = 3)),
    path: '$.decisions[2].valuations.mayor',
    where: keyAt('mayor', '3'),
  },
  {
    code: 'E_UNKNOWN_ASSURANCE',
    input: () => mutated((s) => (s.assurances[2].requires = ['dpai'])),
    path: '$.assurances[2].requires[0]',
    where: (text) => positionOf(text, '"dpai"'),
    message: /Did you mean "dpia"\?/,
  },
  {
    code: 'E_UNKNOWN_DECISION',
    input: () => mutated((s) => (s.epilogues[1].when.decisions = ['blok'])),
    path: '$.epilogues[1].when.decisions[0]',
    where: (text) => positionOf(text, '"blok"'),
  },
  {
    code: 'E_UNKNOWN_TARGET',
    input: () => mutated((s) => (s.events[0].valuationChanges[0].target = 'audit')),
    path: '$.events[0].valuationChanges[0].target',
    where: valueAfter('target', '"audit"'),
  },
  {
    code: 'E_UNKNOWN_SOURCE',
    input: () => mutated((s) => (s.assurances[1].sources = ['ico-anrp'])),
    path: '$.assurances[1].sources[0]',
    where: (text) => positionOf(text, '"ico-anrp"'),
    message: /Did you mean "ico-anpr"\?/,
  },
  {
    code: 'E_UNKNOWN_SOURCE',
    name: 'a citation on a player-facing text',
    input: () => mutated((s) => (s.summary.sources = ['no-such-source'])),
    path: '$.summary.sources[0]',
    where: (text) => positionOf(text, '"no-such-source"'),
  },
  {
    code: 'E_REQUIRES_CYCLE',
    input: () => mutated((s) => (s.assurances[0].requires = ['annual-audit'])),
    path: '$.assurances[2].requires[0]',
    where: (text) =>
      positionOf(text, '"requires": [\n        "dpia"', '"requires": [\n        '.length),
    message: /"dpia" → "annual-audit" → "dpia"/,
  },
  {
    code: 'E_REQUIRES_EXCLUDED',
    input: () =>
      mutated((s) => {
        s.assurances[2].requires = ['dpia', 'retention-30'];
        s.assurances[0].excludes = ['retention-30'];
      }),
    path: '$.assurances[2].requires[0]',
    where: (text) =>
      positionOf(text, '"requires": [\n        "dpia"', '"requires": [\n        '.length),
    message: /"annual-audit" can never be agreed/,
  },
  {
    code: 'E_EXCLUDES_SELF',
    input: () => mutated((s) => (s.assurances[1].excludes = ['national-sharing', 'retention-30'])),
    path: '$.assurances[1].excludes[1]',
    // national-sharing also excludes retention-30; the first occurrence is assurance 1's own.
    where: (text) => nthPositionOf(text, '"retention-30"\n      ]', 0),
  },
  {
    code: 'E_BAND',
    input: () => mutated((s) => (s.meters.trust.band = { low: 90, high: 30 })),
    path: '$.meters.trust.band',
    where: (text) => positionOf(text, '{\n        "low": 90', 0),
  },
  {
    code: 'E_CONDITION_NEVER',
    input: () => mutated((s) => (s.events[0].when.rounds = { min: 3, max: 2 })),
    path: '$.events[0].when.rounds',
    where: (text) => positionOf(text, '{\n          "min": 3'),
  },
  {
    code: 'E_CONDITION_NEVER',
    name: 'an event after the last round a game can have',
    input: () => mutated((s) => (s.events[0].when.rounds = { min: 6 })),
    path: '$.events[0].when.rounds.min',
    where: valueAfter('min', '6'),
    message: /at most 4 rounds \(3, and one more after a defer\), so round 6 never comes/,
  },
  {
    code: 'E_CONDITION_NEVER',
    name: 'an epilogue needing two assurances that exclude each other',
    input: () =>
      mutated((s) => (s.epilogues[0].when.agreed = ['retention-30', 'national-sharing'])),
    path: '$.epilogues[0].when.agreed',
    where: (text) => positionOf(text, '"agreed": [\n          "retention-30"', '"agreed": '.length),
    message: /"retention-30" and "national-sharing" exclude each other/,
  },
  {
    code: 'E_CONDITION_NEVER',
    name: 'an epilogue waiting for a defer as the final decision',
    input: () => mutated((s) => (s.epilogues[1].when = { decisions: ['defer'] })),
    path: '$.epilogues[1].when.decisions',
    where: (text) => positionOf(text, '"decisions": [\n          "defer"', '"decisions": '.length),
    message: /"deferred": true/,
  },
  {
    code: 'E_CONDITION_NEVER',
    name: 'an event waiting for the decision',
    input: () => mutated((s) => (s.events[1].when = { decisions: ['block', 'approve'] })),
    path: '$.events[1].when.decisions',
    where: (text) =>
      positionOf(
        text,
        '"decisions": [\n          "block",\n          "approve"',
        '"decisions": '.length,
      ),
    message: /before the decision/,
  },
  {
    code: 'E_AGREEMENT_UNREACHABLE',
    input: () => mutated((s) => (s.agreement = { kind: 'atLeast', count: 4 })),
    path: '$.agreement.count',
    where: valueAfter('count', '4'),
    message: /only 3 roles/,
  },
  {
    code: 'E_REQUIRED',
    name: 'atLeast without count',
    input: () => mutated((s) => (s.agreement = { kind: 'atLeast' })),
    path: '$.agreement.count',
    where: valueAfter('agreement', '{'),
  },
  {
    code: 'E_TURN_ORDER',
    input: () => mutated((s) => (s.rounds.turnOrder = ['police', 'residents', 'police'])),
    path: '$.rounds.turnOrder',
    where: valueAfter('turnOrder', '['),
    message: /"council" never gets a turn/,
  },
  {
    code: 'E_DECISION_UNREACHABLE',
    input: () => mutated((s) => (s.decisions[1].requires.minAgreed = 5)),
    path: '$.decisions[1].requires.minAgreed',
    where: valueAfter('minAgreed', '5'),
    message: /at most 4 can stand together/,
  },
  {
    code: 'E_DECISION_UNREACHABLE',
    name: 'allAgreed that exclude each other',
    input: () =>
      mutated((s) => (s.decisions[1].requires.allAgreed = ['retention-30', 'national-sharing'])),
    path: '$.decisions[1].requires.allAgreed',
    where: valueAfter('allAgreed', '['),
  },
  {
    code: 'E_DECISION_UNREACHABLE',
    name: 'allAgreed naming a card that is never available',
    input: () =>
      mutated((s) => {
        s.events[0].unlocks = [];
        s.decisions[1].requires.allAgreed = ['public-register'];
      }),
    path: '$.decisions[1].requires.allAgreed[0]',
    where: (text) =>
      positionOf(
        text,
        '"allAgreed": [\n          "public-register"',
        '"allAgreed": [\n          '.length,
      ),
  },
  {
    code: 'E_NO_FINAL_DECISION',
    input: () =>
      mutated((s) => {
        s.decisions = [s.decisions[2]];
        s.epilogues = [];
      }),
    path: '$.decisions',
    where: valueAfter('decisions', '['),
  },
  {
    code: 'E_MULTIPLE_DEFER',
    input: () => mutated((s) => (s.decisions[3].kind = 'defer')),
    path: '$.decisions[3].kind',
    where: (text) => nthPositionOf(text, '"kind": "defer"', 1, '"kind": '.length),
    message: /already a "defer" decision \("defer"\)/,
  },
  {
    code: 'W_DELIVERER_RED_LINE',
    input: () => mutated((s) => (s.roles[1].redLines = { assurances: ['dpia'] })),
    path: '$.assurances[0].deliverer',
    where: (text) => positionOf(text, '"police",\n      "effects": {\n        "trust": 6'),
  },
  {
    code: 'W_NEVER_AVAILABLE',
    input: () => mutated((s) => (s.events[0].unlocks = [])),
    path: '$.assurances[4].available',
    where: valueAfter('available', 'false'),
  },
  {
    code: 'W_UNLOCK_AVAILABLE',
    input: () => mutated((s) => (s.events[1].unlocks = ['dpia'])),
    path: '$.events[1].unlocks[0]',
    where: (text) =>
      positionOf(text, '"unlocks": [\n        "dpia"', '"unlocks": [\n        '.length),
  },
  {
    code: 'W_UNKNOWN_PORTRAIT',
    input: () => mutated((s) => (s.roles[1].portrait = 'school')),
    path: '$.roles[1].portrait',
    where: valueAfter('portrait', '"school"'),
    message: /no portrait "school".*Use one of: mayor, met/,
  },
  {
    code: 'W_PLACEHOLDER_SOURCE',
    input: () => mutated((s) => (s.sources[1].url = 'https://www.example.org/report')),
    path: '$.sources[1]',
    where: (text) => positionOf(text, '{\n      "id": "camera-code"'),
    message: /"camera-code" looks like a placeholder \(its address is on "www\.example\.org"/,
  },
  {
    code: 'W_PLACEHOLDER_SOURCE',
    name: 'a word left to fill in',
    // In capitals: "todo" is a word in Spanish and Portuguese ("Todo sobre…" is no placeholder).
    input: () =>
      mutated((s) => {
        s.sources[0].title = 'TODO: find the report';
        s.sources[1].title = 'Todo sobre la vigilancia';
      }),
    path: '$.sources[0]',
    where: (text) => positionOf(text, '{\n      "id": "ico-anpr"'),
    message: /it says "TODO"/,
  },
  {
    code: 'W_LONG_SHORT_NAME',
    input: () => mutated((s) => (s.roles[0].shortName.text = 'The Borough Council Cabinet')),
    path: '$.roles[0].shortName.text',
    where: valueAfter('text', '"The Borough Council Cabinet"'),
    message: /27 characters; a seat's label has room for about 24/,
  },
  {
    code: 'W_SAME_COLOUR',
    input: () => mutated((s) => (s.roles[2].colour = s.roles[0].colour.toUpperCase())),
    path: '$.roles[2].colour',
    where: valueAfter('colour', '"#0072B2"'),
    message: /same colour as "council"/,
  },
  {
    code: 'W_AGREEMENT_COUNT_IGNORED',
    input: () => mutated((s) => (s.agreement.count = 2)),
    path: '$.agreement.count',
    where: valueAfter('count', '2'),
  },
  {
    code: 'E_NO_DECISION_OPEN',
    input: () =>
      mutated((s) => {
        s.decisions[0].requires = { minAgreed: 2 };
        s.decisions[3].requires = { maxAgreed: 0 };
      }),
    path: '$.decisions',
    where: (text) => positionOf(text, '\n  "decisions": [', '\n  "decisions": '.length),
    message: /With 1 assurance agreed, .*the game would stop/,
  },
  {
    code: 'E_NO_DECISION_OPEN',
    name: 'a run of counts, said as a range',
    input: () =>
      mutated((s) => {
        s.decisions[0].requires = { minAgreed: 4 };
        s.decisions[1].requires = { minAgreed: 4, allAgreed: ['dpia'] };
        s.decisions[3].requires = { maxAgreed: 0 };
      }),
    path: '$.decisions',
    where: (text) => positionOf(text, '\n  "decisions": [', '\n  "decisions": '.length),
    message: /With 1 to 3 assurances agreed, no final decision allows that many/,
  },
  {
    code: 'W_NO_DECISION_OPEN',
    // At 2 or 3 only "approve with conditions" is open, and only if "dpia" is among them.
    input: () =>
      mutated((s) => {
        s.decisions[0].requires = { minAgreed: 4 };
        s.decisions[3].requires = { maxAgreed: 0 };
      }),
    path: '$.decisions',
    where: (text) => positionOf(text, '\n  "decisions": [', '\n  "decisions": '.length),
    message:
      /With 2 or 3 assurances agreed, only final decisions that also need particular assurances/,
  },
  {
    code: 'W_CHECK_LIMIT',
    // 3,300 cards that each require the one before: 5.4 million closure steps.
    input: () => chainOfRequires(3300),
    path: '$.assurances',
    where: valueAfter('assurances', '['),
  },
  {
    code: 'E_TOO_MANY_PROBLEMS',
    input: () =>
      mutated((s) => {
        const source = s.sources[0];
        s.sources = Array.from({ length: MAX_PROBLEMS + 100 }, (_, i) => ({
          ...source,
          id: `s${i}`,
          url: 'not a url',
        }));
      }),
    path: `$.sources[${MAX_PROBLEMS}].url`,
    // The first problem not listed is the 501st bad url.
    where: (text) => nthPositionOf(text, '"not a url"', MAX_PROBLEMS),
    message: /100 more problems/,
  },
  {
    code: 'E_INTERNAL',
    input: () => null as unknown as string,
    path: '$',
    where: () => ({ line: 1, column: 1 }),
  },
];

function load(input: string): Problem[] {
  const result = loadScenario(input, 'x.json');
  return result.ok ? result.warnings : result.problems;
}

describe('loader: one case per problem code', () => {
  it.each(cases.map((c) => [c.name ? `${c.code} (${c.name})` : c.code, c] as const))(
    '%s',
    (_, c) => {
      const input = c.input();
      const problems = load(input);
      const found = problems.find((p) => p.code === c.code);
      expect(found, JSON.stringify(problems.slice(0, 5), null, 1)).toBeDefined();
      if (!found) return;
      expect(found.pathText).toBe(c.path);
      expect({ line: found.line, column: found.column }).toEqual(c.where(input ?? ''));
      expect(found.severity).toBe(PROBLEM_CODES[c.code].severity);
      expect(found.file).toBe('x.json');
      if (c.message) expect(found.message).toMatch(c.message);
    },
    20_000,
  );

  it('E_JSON_ENCODING: reports the first byte that is not UTF-8', () => {
    const text = minimalText.replace('A market town', 'A market \u0000town');
    const bytes = new TextEncoder().encode(text);
    bytes[bytes.indexOf(0)] = 0xff;
    const result = loadScenarioBytes(bytes, 'x.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      code: 'E_JSON_ENCODING',
      pathText: '$',
      ...positionOf(text, '\u0000'),
    });
  });

  it('E_INVALID: a schema rule the messages do not know yet still gets a problem', () => {
    const parsed = parseJson('{"title": 1}');
    if (!parsed.ok) throw new Error('fixture JSON');
    const issue = { code: 'custom' as const, path: ['title'], message: 'Must be odd' };
    const [found] = problemsFromZodIssue(issue, parsed.value, parsed.pointerPositions, 'x.json');
    expect(found).toMatchObject({ code: 'E_INVALID', pathText: '$.title', line: 1, column: 11 });
    expect(found?.message).toBe('Must be odd.');
  });

  it('W_PLACEHOLDER_SOURCE: not for a real word that happens to be one in capitals elsewhere', () => {
    const problems = load(mutated((s) => (s.sources[1].title = 'Todo sobre la vigilancia')));
    expect(problems.filter((p) => p.code === 'W_PLACEHOLDER_SOURCE')).toEqual([]);
  });

  it('covers every code', () => {
    // The size is checked before the loader reads a file: tests/store/app-store.test.ts.
    const tested = new Set<string>([
      ...cases.map((c) => c.code),
      'E_JSON_ENCODING',
      'E_INVALID',
      'E_FILE_TOO_LARGE',
    ]);
    expect(Object.keys(PROBLEM_CODES).filter((code) => !tested.has(code))).toEqual([]);
  });
});
