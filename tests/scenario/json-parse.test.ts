import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_DEPTH, decodeUtf8, parseJson } from '../../src/scenario/json-parse.ts';

function parsed(text: string) {
  const result = parseJson(text);
  if (!result.ok) throw new Error(`expected valid JSON: ${JSON.stringify(result.problems)}`);
  return result;
}

function problemsOf(text: string) {
  const result = parseJson(text);
  if (result.ok) throw new Error('expected a problem');
  return result.problems;
}

describe('parseJson: values', () => {
  it('agrees with JSON.parse on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.boolean(), (value, indent) => {
        const text = JSON.stringify(value, null, indent ? 2 : undefined);
        expect(parsed(text).value).toEqual(JSON.parse(text));
      }),
    );
  });

  it('decodes escapes, including surrogate pairs', () => {
    expect(parsed('"a\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00"').value).toBe(
      'a"\\/\b\f\n\r\té😀',
    );
  });

  it('keeps a "__proto__" key as plain data and changes no prototype', () => {
    const { value } = parsed('{"__proto__": {"polluted": true}, "constructor": 1}');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(['__proto__', 'constructor']);
    expect(Object.hasOwn(value as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((value as Record<string, unknown>).constructor).toBe(1);
  });

  it('ignores a byte-order mark and counts columns as an editor shows them', () => {
    const plain = problemsOf('{\n  "a": 1,\n}');
    const withBom = problemsOf('\ufeff{\n  "a": 1,\n}');
    expect(withBom).toEqual(plain);
    expect(plain[0]).toMatchObject({ line: 2, column: 9 });
    expect(problemsOf('\ufeff[x]')[0]).toMatchObject({ line: 1, column: 2 });
    expect(parsed('\ufeff{"a": 1}').value).toEqual({ a: 1 });
  });
});

describe('parseJson: positions', () => {
  const text =
    '{\n  "roles": [\n    {"id": "a", "colour": "#fff"},\n\t{"id": "b"}\n  ],\r\n  "n": -1.5e3\n}';
  const { pointerPositions: at } = parsed(text);

  it('locates values by path', () => {
    expect(at.locate([])).toEqual({ line: 1, column: 1, exact: true });
    expect(at.locate(['roles'])).toEqual({ line: 2, column: 12, exact: true });
    expect(at.locate(['roles', 0, 'colour'])).toEqual({ line: 3, column: 27, exact: true });
    expect(at.locate(['roles', 1])).toEqual({ line: 4, column: 2, exact: true });
    expect(at.locate(['n'])).toEqual({ line: 6, column: 8, exact: true });
  });

  it('locates keys', () => {
    expect(at.locateKey(['roles', 0, 'colour'])).toEqual({ line: 3, column: 17, exact: true });
  });

  it('falls back to the nearest existing ancestor for a missing path', () => {
    expect(at.locate(['roles', 1, 'colour'])).toEqual({ line: 4, column: 2, exact: false });
    expect(at.locate(['roles', 7])).toEqual({ line: 2, column: 12, exact: false });
    expect(at.locate(['roles', 'x'])).toEqual({ line: 2, column: 12, exact: false });
    expect(at.locate(['n', 'deeper'])).toEqual({ line: 6, column: 8, exact: false });
  });

  it('finds keys in large objects and keys written with escapes', () => {
    const members = Array.from({ length: 50 }, (_, i) => `"k${i}": ${i}`).join(',\n');
    const big = parsed(`{\n${members},\n"\\u0041b": true}`).pointerPositions;
    expect(big.locate(['k42'])).toEqual({ line: 44, column: 8, exact: true });
    expect(big.locateKey(['Ab'])).toEqual({ line: 52, column: 1, exact: true });
  });
});

describe('parseJson: problems', () => {
  const cases: [string, string, string, number, number, RegExp][] = [
    ['empty', '', 'E_JSON_EMPTY', 1, 1, /empty/],
    ['only spaces', ' \n ', 'E_JSON_EMPTY', 1, 1, /empty/],
    ['missing comma', '{"a": 1\n "b": 2}', 'E_JSON_SYNTAX', 2, 2, /comma missing/],
    ['trailing comma', '[1, 2, ]', 'E_JSON_SYNTAX', 1, 6, /comma/],
    ['unquoted key', '{a: 1}', 'E_JSON_SYNTAX', 1, 2, /double quotes: "a"/],
    ['single quotes', "{'a': 1}", 'E_JSON_SYNTAX', 1, 2, /double quotes/],
    ['curly quotes round a key', '{“a”: 1}', 'E_JSON_SYNTAX', 1, 2, /straight double quotes/],
    ['curly quotes round a value', '{"a": “b”}', 'E_JSON_SYNTAX', 1, 7, /not curly ones/],
    ['comment', '{"a": 1 // no\n}', 'E_JSON_SYNTAX', 1, 9, /comments/],
    ['unquoted text', '{"a": Mayor}', 'E_JSON_SYNTAX', 1, 7, /"Mayor"/],
    ['NaN', '[NaN]', 'E_JSON_SYNTAX', 1, 2, /no NaN/],
    ['leading zero', '[01]', 'E_JSON_SYNTAX', 1, 2, /start with 0/],
    ['plus sign', '[+1]', 'E_JSON_SYNTAX', 1, 2, /plus/],
    ['bare decimal point', '[.5]', 'E_JSON_SYNTAX', 1, 2, /0\.5/],
    ['line break in text', '["a\nb"]', 'E_JSON_SYNTAX', 1, 4, /end of the line/],
    ['tab in text', '["a\tb"]', 'E_JSON_SYNTAX', 1, 4, /\\t/],
    ['bad escape', '["\\x"]', 'E_JSON_SYNTAX', 1, 3, /not a JSON escape/],
    ['short unicode escape', '["\\u12"]', 'E_JSON_SYNTAX', 1, 3, /four hex digits/],
    ['unclosed text', '["abc', 'E_JSON_SYNTAX', 1, 2, /never ends/],
    ['cut short', '{\n  "a": [1,', 'E_JSON_SYNTAX', 2, 11, /line 2, column 8 is never closed/],
    ['wrong bracket', '{"a": [1}', 'E_JSON_SYNTAX', 1, 9, /must be closed with '\]'/],
    ['missing colon', '{"a" 1}', 'E_JSON_SYNTAX', 1, 6, /Expected ':'/],
    ['extra text', '{} {}', 'E_JSON_SYNTAX', 1, 4, /after the end/],
    ['NUL byte', '{"a": \u0000}', 'E_JSON_BINARY', 1, 7, /control byte/],
    ['control byte in text', '["a\u0007"]', 'E_JSON_BINARY', 1, 4, /control byte/],
    ['duplicate key', '{"a": 1,\n "a": 2}', 'E_JSON_DUPLICATE_KEY', 2, 2, /"a" appears twice/],
  ];

  it.each(cases)('%s', (_, text, code, line, column, message) => {
    const [first] = problemsOf(text);
    expect(first).toMatchObject({ code, line, column });
    expect(first?.message).toMatch(message);
  });

  it('reports every duplicate key, not just the first', () => {
    const problems = problemsOf('{"a": 1, "a": 2, "b": {"c": 1, "c": 2}}');
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['E_JSON_DUPLICATE_KEY', ['a']],
      ['E_JSON_DUPLICATE_KEY', ['b', 'c']],
    ]);
  });

  it(`stops at ${DEFAULT_MAX_DEPTH} levels of nesting, even for 100,000`, () => {
    const ok = `${'['.repeat(DEFAULT_MAX_DEPTH)}${']'.repeat(DEFAULT_MAX_DEPTH)}`;
    expect(parseJson(ok).ok).toBe(true);
    for (const text of [
      '['.repeat(100_000),
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      '{"a":'.repeat(100_000),
    ]) {
      const [problem] = problemsOf(text);
      expect(problem?.code).toBe('E_JSON_TOO_DEEP');
      expect(problem?.column).toBe(text.startsWith('{') ? DEFAULT_MAX_DEPTH * 5 + 1 : 65);
    }
  });
});

describe('parseJson never throws', () => {
  const check = (text: string) => {
    const result = parseJson(text);
    if (result.ok) {
      expect(result.value).toEqual(JSON.parse(text));
    } else {
      expect(result.problems.length).toBeGreaterThan(0);
      // JSON.parse accepts duplicate keys; everything else we reject, it rejects too.
      if (result.problems.every((p) => p.code !== 'E_JSON_DUPLICATE_KEY')) {
        expect(() => JSON.parse(text)).toThrow();
      }
    }
  };

  it('on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), check), { numRuns: 2000 });
  });

  it('on JSON text with one character changed, removed or added', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 5 }),
        fc.nat(),
        fc.constantFrom('', '{', '}', '[', ']', ',', ':', '"', '\\', '\u0000', 'x', '1', ' '),
        fc.boolean(),
        (value, at, char, replace) => {
          const text = JSON.stringify(value);
          const i = at % (text.length + 1);
          check(text.slice(0, i) + char + text.slice(i + (replace ? 1 : 0)));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('decodeUtf8', () => {
  it('decodes UTF-8 and keeps a BOM for the parser to skip', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]);
    expect(decodeUtf8(bytes)).toEqual({ ok: true, text: '\ufeff{}' });
  });

  it.each([
    ['a stray continuation byte', [0x7b, 0x0a, 0x20, 0x80], 2, 2],
    ['an overlong form', [0x22, 0xc0, 0xaf], 1, 2],
    ['a surrogate after é', [0x22, 0xc3, 0xa9, 0xed, 0xa0, 0x80], 1, 3],
    ['a truncated sequence', [0x22, 0xe2, 0x82], 1, 2],
    ['a byte never used in UTF-8', [0xff], 1, 1],
  ])('reports %s with its position', (_, bytes, line, column) => {
    const result = decodeUtf8(new Uint8Array(bytes));
    expect(result).toMatchObject({ ok: false, problem: { code: 'E_JSON_ENCODING', line, column } });
  });

  it('recognises UTF-16', () => {
    const result = decodeUtf8(new Uint8Array([0xff, 0xfe, 0x7b, 0x00]));
    expect(result.ok ? '' : result.problem.message).toMatch(/UTF-16/);
  });
});
