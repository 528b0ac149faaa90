import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, type Problem } from '../../src/scenario/codes.ts';
import { type LoadResult, loadScenario, loadScenarioBytes } from '../../src/scenario/loader.ts';
import { minimal, minimalText, mutated, positionOf } from './fixture.ts';

function problemsOf(result: LoadResult): Problem[] {
  return result.ok ? result.warnings : result.problems;
}

/** What every result must look like, whatever the input. */
function expectWellFormed(result: LoadResult): void {
  const problems = problemsOf(result);
  if (!result.ok) expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(Object.hasOwn(PROBLEM_CODES, p.code)).toBe(true);
    expect(p.code).not.toBe('E_INTERNAL');
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.column).toBeGreaterThanOrEqual(1);
    expect(p.message.length).toBeGreaterThan(0);
  }
  const order = problems.map((p) => p.line * 1e6 + p.column);
  expect(order).toEqual([...order].sort((a, b) => a - b));
}

describe('loadScenario', () => {
  it('loads the minimal fixture with no problems and fills in defaults', () => {
    const result = loadScenario(minimalText, 'minimal.json');
    expect(problemsOf(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.scenario.events[1]?.valuationChanges).toEqual([]);
    expect(result.scenario.roles[0]?.redLines).toEqual({ assurances: [], decisions: [] });
  });

  it('reports every problem, in file order', () => {
    const text = mutated((s) => {
      s.debrief.timings[0].minutes = 1;
      s.roles[0].colour = 'blue';
      s.place = 7;
    });
    const problems = problemsOf(loadScenario(text));
    expect(problems.map((p) => p.pathText)).toEqual([
      '$.place',
      '$.roles[0].colour',
      '$.debrief.timings[0].minutes',
    ]);
  });

  it('reports meaning problems only once the structure is right', () => {
    const text = mutated((s) => {
      s.assurances[0].deliverer = 'nobody';
      s.roles[0].colour = 'blue';
    });
    expect(problemsOf(loadScenario(text)).map((p) => p.code)).toEqual(['E_FORMAT']);
  });

  it('treats a byte-order mark as invisible', () => {
    const text = mutated((s) => (s.roles[0].colour = 'blue'));
    expect(loadScenario(`\ufeff${text}`)).toEqual(loadScenario(text));
    const bytes = new TextEncoder().encode(`\ufeff${text}`);
    expect(loadScenarioBytes(bytes)).toEqual(loadScenario(text));
  });

  it('rejects "__proto__" keys without touching any prototype', () => {
    const text = minimalText
      .replace('{', '{"__proto__": {"polluted": true},')
      .replace('"council": 5,', '"__proto__": 5, "council": 5,');
    const problems = problemsOf(loadScenario(text));
    expect(problems.map((p) => [p.code, p.pathText])).toEqual([
      ['E_UNKNOWN_KEY', '$.__proto__'],
      ['E_UNKNOWN_KEY', '$.assurances[0].valuations.__proto__'],
    ]);
    expect(problems[0]).toMatchObject({ line: 1, column: 2 });
    expect(problems[1]).toMatchObject(positionOf(text, '"__proto__": 5'));
    expect(problems[1]?.message).toMatch(/reserves it/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('handles ids that are names of Object.prototype members as plain ids', () => {
    const renamed = minimalText.replaceAll('"residents"', '"constructor"');
    expect(problemsOf(loadScenario(renamed))).toEqual([]);
    const text = mutated((s) => {
      s.assurances[0].valuations = { constructor: 8 };
      s.decisions[0].valuations.tostring = 1;
    });
    expect(problemsOf(loadScenario(text)).map((p) => [p.code, p.pathText])).toEqual([
      ['E_UNKNOWN_ROLE', '$.assurances[0].valuations.constructor'],
      ['E_UNKNOWN_ROLE', '$.decisions[0].valuations.tostring'],
    ]);
  });

  it('finds the largest set of assurances that can stand together', () => {
    // Six cards in three pairs that exclude each other: at most three stand together.
    const text = (minAgreed: number) =>
      mutated((s) => {
        const template = s.assurances[0];
        s.assurances = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => ({
          ...template,
          id,
          title: { id: `${id}.title`, text: 'T' },
          summary: { id: `${id}.summary`, text: 'S' },
          text: { id: `${id}.text`, text: 'X' },
          excludes: [['b', 'a', 'd', 'c', 'f', 'e'][i]],
          requires: id === 'e' ? ['a'] : [],
        }));
        s.decisions[1].requires = { minAgreed, allAgreed: ['b'] };
        s.events[0].unlocks = [];
        s.events[0].valuationChanges = [];
        s.roles[2].redLines = {};
        s.epilogues = [];
      });
    expect(problemsOf(loadScenario(text(3)))).toEqual([]);
    // With "b" agreed, "a" and therefore "e" (which requires "a") are out: b, c|d, f.
    const [problem] = problemsOf(loadScenario(text(4)));
    expect(problem).toMatchObject({
      code: 'E_DECISION_UNREACHABLE',
      pathText: '$.decisions[1].requires.minAgreed',
    });
    expect(problem?.message).toMatch(/at most 3 can stand together with the ones it requires/);
  });
});

describe('loadScenario on hostile input', () => {
  it('an empty file, a bare value, binary bytes', () => {
    expect(problemsOf(loadScenario('')).map((p) => p.code)).toEqual(['E_JSON_EMPTY']);
    expect(problemsOf(loadScenario('[]'))[0]).toMatchObject({ code: 'E_TYPE', pathText: '$' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(problemsOf(loadScenarioBytes(png)).map((p) => p.code)).toEqual(['E_JSON_ENCODING']);
    const nul = new TextEncoder().encode('{"a": "\u0000"}');
    expect(problemsOf(loadScenarioBytes(nul)).map((p) => p.code)).toEqual(['E_JSON_BINARY']);
  });

  it('100,000-deep nesting', () => {
    for (const text of ['['.repeat(100_000), `{"roles": ${'{"a":'.repeat(100_000)}`]) {
      const problems = problemsOf(loadScenario(text));
      expect(problems.map((p) => p.code)).toEqual(['E_JSON_TOO_DEEP']);
    }
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => expectWellFormed(loadScenario(text))),
      { numRuns: 1000 },
    );
  });

  it('never throws on the fixture with a character changed', () => {
    fc.assert(
      fc.property(fc.nat(), fc.string({ maxLength: 3 }), fc.nat({ max: 3 }), (at, insert, cut) => {
        const i = at % minimalText.length;
        expectWellFormed(
          loadScenario(minimalText.slice(0, i) + insert + minimalText.slice(i + cut)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on the fixture with any part replaced by any JSON value', () => {
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          walk(child, [...path, Array.isArray(value) ? Number(key) : key]);
        }
      }
    };
    walk(minimal(), []);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths.slice(1)),
        fc.jsonValue({ maxDepth: 3 }),
        (path, value) => {
          const draft = minimal();
          let parent = draft;
          for (const segment of path.slice(0, -1)) parent = parent[segment];
          parent[path.at(-1) as string | number] = value;
          expectWellFormed(loadScenario(JSON.stringify(draft, null, 2)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a 50 MB scenario, in linear time', () => {
    const draft = minimal();
    const template = draft.assurances[0];
    const padding = 'p'.repeat(400);
    for (let i = 0; draft.assurances.length < 60_000; i++) {
      draft.assurances.push({
        ...template,
        id: `pad${i}`,
        title: { id: `pad${i}.title`, text: 'Padding' },
        summary: { id: `pad${i}.summary`, text: 'Padding' },
        text: { id: `pad${i}.text`, text: padding },
      });
    }
    const text = JSON.stringify(draft, null, 2);
    expect(text.length).toBeGreaterThan(50 * 1024 * 1024);
    const start = performance.now();
    const result = loadScenario(text);
    const seconds = (performance.now() - start) / 1000;
    console.info(
      `50 MB scenario: ${(text.length / 1024 / 1024).toFixed(1)} MB loaded in ${seconds.toFixed(1)} s`,
    );
    expect(problemsOf(result)).toEqual([]);
    expect(seconds).toBeLessThan(60);
  }, 120_000);

  it('a 50 MB file of the wrong shape', () => {
    const text = `{"formatVersion": 1, "roles": [${'1,'.repeat(25_000_000)}1]}`;
    const start = performance.now();
    const result = loadScenario(text);
    console.info(`50 MB wrong shape: ${((performance.now() - start) / 1000).toFixed(1)} s`);
    expect(problemsOf(result).find((p) => p.pathText === '$.roles')).toMatchObject({
      code: 'E_COUNT',
      ...positionOf(text.slice(0, 40), '['),
    });
  }, 120_000);
});
