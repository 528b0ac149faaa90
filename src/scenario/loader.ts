/**
 * Loads a scenario file in two stages and reports every problem with a stable code, the JSON path
 * and the line:column in the source.
 *
 *   stage 1 — structure: strict JSON (json-parse.ts), then the Zod schema (schema.ts). Zod's
 *             issues are rewritten here into plain English that says what to do.
 *   stage 2 — meaning (semantics.ts), only when stage 1 passed, because meaning checks assume the
 *             shapes are right.
 *
 * The same loader runs in the browser (a dropped file) and in the CLI, so it is pure TypeScript
 * and never throws: an internal failure becomes an E_INTERNAL problem.
 */
import { z } from 'zod';
import {
  didYouMean,
  formatPath,
  type PathSegment,
  type Problem,
  type ProblemCode,
  severityOf,
} from './codes.ts';
import { decodeUtf8, type JsonProblem, parseJson, type SourcePositions } from './json-parse.ts';
import { FORMAT_VERSION, Scenario } from './schema.ts';
import { checkSemantics, type Finding } from './semantics.ts';

export type LoadResult =
  | { ok: true; scenario: Scenario; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

/** Beyond this many, a list of problems stops helping an author; the rest are counted instead. */
export const MAX_PROBLEMS = 500;

const DEFAULT_FILE = 'scenario.json';

/** Loads a scenario from file bytes (checks they are UTF-8 first). */
export function loadScenarioBytes(bytes: Uint8Array, fileName = DEFAULT_FILE): LoadResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { ok: false, problems: [fromJsonProblem(decoded.problem, fileName)] };
  return loadScenario(decoded.text, fileName);
}

/** Loads a scenario from its text. Never throws. */
export function loadScenario(text: string, fileName = DEFAULT_FILE): LoadResult {
  try {
    return load(text, fileName);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `The scenario loader failed (${reason}). This is a bug in the game, not in your file: please report it with the file attached.`;
    return {
      ok: false,
      problems: [problem('E_INTERNAL', message, [], { line: 1, column: 1 }, fileName)],
    };
  }
}

function load(text: string, file: string): LoadResult {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    return { ok: false, problems: finish(parsed.problems.map((p) => fromJsonProblem(p, file))) };
  }

  const { value, pointerPositions } = parsed;
  const reserved = protoKeyPaths(value).map((path) =>
    problem(
      'E_UNKNOWN_KEY',
      '"__proto__" cannot be a key in a scenario (JavaScript reserves it). Remove it.',
      path,
      pointerPositions.locateKey(path),
      file,
    ),
  );
  const stranger = notAScenario(value, pointerPositions, file);
  if (stranger) return { ok: false, problems: finish([stranger]) };
  const result = Scenario.safeParse(value);
  if (!result.success || reserved.length > 0) {
    const issues = result.success ? [] : result.error.issues;
    const problems = issues.flatMap((issue) =>
      problemsFromZodIssue(issue, value, pointerPositions, file),
    );
    return { ok: false, problems: finish([...reserved, ...problems]) };
  }

  const found = checkSemantics(result.data).map((finding) =>
    fromFinding(finding, pointerPositions, file),
  );
  const problems = finish(found);
  if (found.some((p) => p.severity === 'error')) return { ok: false, problems };
  return { ok: true, scenario: result.data, warnings: problems };
}

/**
 * One problem for an object that is not a scenario at all (another program's JSON, a save, a
 * replay): no "formatVersion" and at most one other field of a scenario. Listing each missing
 * field would bury the one thing to say under a score of "missing" lines.
 */
function notAScenario(value: unknown, positions: SourcePositions, file: string): Problem | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  if (Object.hasOwn(value, 'formatVersion')) return null;
  // "$schema" (the editor's hint) says nothing about being a scenario.
  const fields = objectKeys(Scenario).filter((key) => !key.startsWith('$'));
  const shared = Object.keys(value).filter((key) => fields.includes(key));
  if (shared.length > 1) return null;
  return problem(
    'E_NOT_A_SCENARIO',
    `This is not an Oversight scenario: ${otherOversightFile(value) ?? `a scenario is one object with "formatVersion": ${FORMAT_VERSION} and the fields ${fields.slice(0, 6).join(', ')}…, and this file has ${shared.length === 0 ? 'none of them' : `only "${shared[0]}"`}`}. Open a scenario file (the game's scenarios/ folder has examples).`,
    [],
    positions.locate([]),
    file,
  );
}

/**
 * What another file of the game's own is, in words (a replay or a save opened by mistake: they
 * share a field or two with a scenario, and "only "summary"" would not tell the author why).
 */
function otherOversightFile(value: object): string | null {
  const { format, scenarioId, seed } = value as Record<string, unknown>;
  if (format === 'oversight-replay') {
    const game = typeof scenarioId === 'string' ? ` on the scenario "${scenarioId}"` : '';
    const drawn = typeof seed === 'number' ? `, seed ${seed}` : '';
    return `it is a replay, the record of a game${game}${drawn} ("format": "oversight-replay"), which the game keeps as a record and cannot open`;
  }
  if (format === 'oversight-browser-save') {
    return 'it is a saved game ("format": "oversight-browser-save"): Continue on the title screen picks up the game saved in this browser';
  }
  return null;
}

/**
 * Paths of every "__proto__" key. The parser keeps such keys as plain own properties, but Zod
 * silently drops them inside records, so the loader reports them all itself.
 */
function protoKeyPaths(root: unknown): PathSegment[][] {
  const found: PathSegment[][] = [];
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: root, path: [] }];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const { value, path } = node;
    if (Array.isArray(value)) {
      // Paths are built for objects and lists only: a list of millions of numbers costs nothing.
      for (let i = 0; i < value.length; i++) {
        if (isContainer(value[i])) stack.push({ value: value[i], path: [...path, i] });
      }
    } else if (isContainer(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (key === '__proto__') found.push([...path, key]);
        if (isContainer(child)) stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return found;
}

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

/** Sorts by position (stable, so ties keep discovery order) and caps the list. */
function finish(problems: Problem[]): Problem[] {
  const sorted = problems.slice().sort((a, b) => a.line - b.line || a.column - b.column);
  const first = sorted[MAX_PROBLEMS];
  if (!first) return sorted;
  const more = sorted.length - MAX_PROBLEMS;
  const hidden = sorted.slice(MAX_PROBLEMS);
  return [
    ...sorted.slice(0, MAX_PROBLEMS),
    {
      ...first,
      code: 'E_TOO_MANY_PROBLEMS',
      // Only warnings unlisted: the summary must not turn a valid file into an invalid one.
      severity: hidden.some((p) => p.severity === 'error') ? 'error' : 'warning',
      message: `${more} more problem${more === 1 ? '' : 's'} from here on are not listed. Fix the ones above and validate again.`,
    },
  ];
}

function problem(
  code: ProblemCode,
  message: string,
  path: PathSegment[],
  where: { line: number; column: number },
  file: string,
): Problem {
  return {
    code,
    severity: severityOf(code),
    message,
    file,
    path,
    pathText: formatPath(path),
    line: where.line,
    column: where.column,
  };
}

function fromJsonProblem(p: JsonProblem, file: string): Problem {
  return problem(p.code, p.message, p.path, p, file);
}

function fromFinding(finding: Finding, positions: SourcePositions, file: string): Problem {
  const where =
    finding.at === 'key' ? positions.locateKey(finding.path) : positions.locate(finding.path);
  return problem(finding.code, finding.message, finding.path, where, file);
}

// ---------------------------------------------------------------------------------------------
// Stage 1: Zod issues in plain English.

type Issue = z.core.$ZodIssue;

/** One Zod issue as problems (an unknown-keys issue lists several keys: one problem each). */
export function problemsFromZodIssue(
  issue: Issue,
  root: unknown,
  positions: SourcePositions,
  file: string,
): Problem[] {
  const path = issue.path.map((segment) =>
    typeof segment === 'number' ? segment : String(segment),
  );
  const at = (code: ProblemCode, message: string, where = positions.locate(path), p = path) =>
    problem(code, message, p, where, file);
  const target = valueAt(root, path);
  const schema = schemaAt(path);
  const key = path.at(-1);

  switch (issue.code) {
    case 'invalid_type': {
      if (!target.found && typeof key === 'string') {
        if (path.length === 1 && key === 'formatVersion') {
          return [
            at(
              'E_FORMAT_VERSION',
              `Add "formatVersion": ${FORMAT_VERSION} at the top of the file.`,
            ),
          ];
        }
        const about = schema ? describeField(schema) : '';
        return [
          at(
            'E_REQUIRED',
            `The required field "${key}" is missing. Add it${about ? `: ${about}` : '.'}`,
          ),
        ];
      }
      if (path.length === 1 && key === 'formatVersion') {
        return [formatVersionProblem(target.value, at)];
      }
      return [at('E_TYPE', wrongType(issue.expected, target.value, schema, path))];
    }
    case 'invalid_value':
      if (path.length === 1 && key === 'formatVersion') {
        return [formatVersionProblem(target.value, at)];
      }
      return [
        at(
          'E_ENUM',
          `${describeValue(target.value)} is not allowed here. Use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.${typeof target.value === 'string' ? didYouMean(target.value, issue.values.map(String)) : ''}`,
        ),
      ];
    case 'too_small':
    case 'too_big':
      return [outOfRange(issue, target.value, schema, at)];
    case 'invalid_format':
      return [at('E_FORMAT', badFormat(issue, target.value))];
    case 'unrecognized_keys': {
      const allowed = schema ? objectKeys(schema) : [];
      // "__proto__" keys are reported by load() wherever they are (Zod skips them in records).
      return issue.keys
        .filter((name) => name !== '__proto__')
        .map((name) => {
          const keyPath = [...path, name];
          const list = allowed.length > 0 ? ` Fields allowed here: ${allowed.join(', ')}.` : '';
          return at(
            'E_UNKNOWN_KEY',
            `"${name}" is not a field here.${didYouMean(name, allowed)}${list}`,
            positions.locateKey(keyPath),
            keyPath,
          );
        });
    }
    case 'invalid_key': {
      const reason = issue.issues[0]?.message ?? 'it is not a valid key';
      return [
        at(
          'E_FORMAT',
          `The key "${String(key)}" is not a valid id: ${reason}.`,
          positions.locateKey(path),
        ),
      ];
    }
    default:
      return [at('E_INVALID', `${issue.message}.`)];
  }
}

type At = (code: ProblemCode, message: string) => Problem;

function formatVersionProblem(value: unknown, at: At): Problem {
  if (typeof value === 'number') {
    return at(
      'E_FORMAT_VERSION',
      `This file is written for scenario format ${value}, but this version of Oversight reads format ${FORMAT_VERSION}. Use a scenario made for format ${FORMAT_VERSION}, or a version of the game that reads format ${value}.`,
    );
  }
  return at(
    'E_FORMAT_VERSION',
    `"formatVersion" must be the number ${FORMAT_VERSION} (without quotes).`,
  );
}

function wrongType(
  expected: string,
  value: unknown,
  schema: z.ZodType | undefined,
  path: PathSegment[],
): string {
  const found = describeValue(value);
  if (path.length === 0) {
    return `The file must hold one JSON object { … } with the scenario's fields, but it holds ${found}.`;
  }
  const wanted = typeNames[expected] ?? expected;
  const about = schema ? describeField(schema) : '';
  const hint = typeHint(expected, value, schema);
  return `Expected ${wanted} but found ${found}.${hint}${about ? ` This field is: ${about}` : ''}`;
}

/** What to do about the commonest type slips, or '' when there is nothing better to say. */
function typeHint(expected: string, value: unknown, schema: z.ZodType | undefined): string {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    const range = schema ? numberRange(schema) : undefined;
    return range ? ` Use a number ${range}.` : ' Use a number of ordinary size.';
  }
  if (expected === 'int' && typeof value === 'number') return ' Remove the decimal part.';
  const numeric =
    typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
  if ((expected === 'number' || expected === 'int') && numeric) {
    return ' Remove the quotes around the number.';
  }
  if (expected === 'boolean' && (value === 'true' || value === 'false'))
    return ' Remove the quotes.';
  if (expected === 'object' && schema && isTextSchema(schema) && typeof value === 'string') {
    return ' Player-facing text needs an id so it can be translated: write {"id": "some-id", "text": "…"}.';
  }
  if (expected === 'array' && value !== null && typeof value !== 'object') {
    return ' Put it in a list: [ … ].';
  }
  return '';
}

const typeNames: Record<string, string> = {
  string: 'text in double quotes',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object { … }',
  array: 'a list [ … ]',
};

function outOfRange(
  issue: Extract<Issue, { code: 'too_small' | 'too_big' }>,
  value: unknown,
  schema: z.ZodType | undefined,
  at: At,
): Problem {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  switch (issue.origin) {
    case 'number':
    case 'int': {
      // The schema gives both ends ("between 0 and 5"); an exclusive end (> 0) only the issue knows.
      const range = schema && issue.inclusive !== false ? numberRange(schema) : undefined;
      const rule =
        range ??
        (small
          ? `${issue.inclusive ? 'at least' : 'more than'} ${limit}`
          : `${issue.inclusive ? 'at most' : 'less than'} ${limit}`);
      return at(
        'E_VALUE_RANGE',
        `${describeValue(value)} is too ${small ? 'small' : 'large'}: it must be ${rule}.`,
      );
    }
    case 'array': {
      const count = Array.isArray(value) ? value.length : 0;
      const about = schema ? describeField(schema) : '';
      return at(
        'E_COUNT',
        `This list has ${count} ${count === 1 ? 'entry' : 'entries'} but needs ${small ? 'at least' : 'at most'} ${limit}.${about ? ` ${about}` : ''}`,
      );
    }
    case 'string':
      if (small && typeof value === 'string' && value.length === 0) {
        return at('E_LENGTH', 'This text is empty. Write something here.');
      }
      return at(
        'E_LENGTH',
        small
          ? `This text is too short: it needs at least ${limit} characters.`
          : `This text is ${typeof value === 'string' ? value.length : 'too many'} characters long; the limit is ${limit}. Shorten it.`,
      );
    default:
      return at('E_INVALID', `${issue.message}.`);
  }
}

function badFormat(issue: Extract<Issue, { code: 'invalid_format' }>, value: unknown): string {
  const shown = describeValue(value);
  if (issue.format === 'url') {
    return `${shown} is not a web address. Write the full address, starting with https://`;
  }
  // Our regexes carry their own author-facing advice (see schema.ts); Zod's defaults do not.
  const advice =
    issue.format === 'regex' && !issue.message.startsWith('Invalid')
      ? issue.message
      : `use the ${issue.format} form`;
  return `${shown} is not in the right form: ${advice}.`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object { … }';
  if (typeof value === 'string') {
    return value.length > 40 ? `"${value.slice(0, 37)}…"` : JSON.stringify(value);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a number too large to store';
  return String(value);
}

/** The value at `path` in the parsed JSON, reading own properties only. */
function valueAt(root: unknown, path: readonly PathSegment[]): { found: boolean; value: unknown } {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) {
      return { found: false, value: undefined };
    }
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return { found: true, value };
}

// ---------------------------------------------------------------------------------------------
// Walking the Zod schema, to quote field descriptions and list allowed keys in messages.

/** The schema for the value at `path`, wrappers included (so their descriptions are kept). */
function schemaAt(path: readonly PathSegment[]): z.ZodType | undefined {
  let schema: z.ZodType | undefined = Scenario;
  for (const segment of path) {
    const inner: z.ZodType | undefined = schema ? unwrap(schema) : undefined;
    if (inner instanceof z.ZodObject && typeof segment === 'string') {
      schema = Object.hasOwn(inner.shape, segment)
        ? (inner.shape[segment] as z.ZodType)
        : undefined;
    } else if (inner instanceof z.ZodArray) schema = inner.element as z.ZodType;
    else if (inner instanceof z.ZodRecord) schema = inner.valueType as z.ZodType;
    else return undefined;
  }
  return schema;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) {
    inner = inner.unwrap() as z.ZodType;
  }
  return inner;
}

/** The description authors see as a tooltip; it may sit on an optional/default wrapper. */
function describeField(schema: z.ZodType): string {
  let s = schema;
  while (!s.description && (s instanceof z.ZodOptional || s instanceof z.ZodDefault)) {
    s = s.unwrap() as z.ZodType;
  }
  return s.description ?? '';
}

function objectKeys(schema: z.ZodType): string[] {
  const inner = unwrap(schema);
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}

function isTextSchema(schema: z.ZodType): boolean {
  const keys = objectKeys(schema);
  const textKeys = ['id', 'text', 'sources'];
  return keys.includes('id') && keys.includes('text') && keys.every((k) => textKeys.includes(k));
}

/** "between 0 and 5" from the schema's own bounds (ignoring z.int()'s safe-integer limits). */
function numberRange(schema: z.ZodType): string | undefined {
  const inner = unwrap(schema);
  if (!(inner instanceof z.ZodNumber)) return undefined;
  const { minValue, maxValue } = inner;
  const sane = (n: number | null) => n !== null && Math.abs(n) < 1e15;
  if (sane(minValue) && sane(maxValue)) return `between ${minValue} and ${maxValue}`;
  if (sane(minValue)) return `at least ${minValue}`;
  if (sane(maxValue)) return `at most ${maxValue}`;
  return undefined;
}
