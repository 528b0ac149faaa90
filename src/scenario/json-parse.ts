/**
 * A strict JSON parser that remembers where every value came from, so later stages can report a
 * problem at `$.roles[2].colour` as "line 40, column 17".
 *
 * Why not JSON.parse: it gives no positions and silently keeps the last of two duplicate keys.
 * This one is iterative (an explicit stack, so hostile nesting cannot overflow the call stack),
 * caps the depth, runs in linear time, and never throws: every failure is a problem with a stable
 * code. Objects are ordinary objects; a `"__proto__"` key becomes an own data property, never an
 * assignment (which would replace the object's prototype).
 *
 * Positions are kept compactly (a few integers per value, not an object per value) so a 50 MB file
 * stays cheap; line and column are computed only when a problem is reported.
 */
import type { PathSegment, ProblemCode } from './codes.ts';

export type JsonProblemCode = Extract<
  ProblemCode,
  | 'E_JSON_ENCODING'
  | 'E_JSON_EMPTY'
  | 'E_JSON_BINARY'
  | 'E_JSON_SYNTAX'
  | 'E_JSON_DUPLICATE_KEY'
  | 'E_JSON_TOO_DEEP'
  | 'E_INTERNAL'
>;

export interface JsonProblem {
  code: JsonProblemCode;
  message: string;
  path: PathSegment[];
  line: number;
  column: number;
}

export interface SourceLocation {
  line: number;
  column: number;
  /** false when the path does not exist in the source and this is its nearest existing ancestor. */
  exact: boolean;
}

/** Maps JSON paths (as Zod reports them) back to the source text. */
export interface SourcePositions {
  /** Where the value at `path` starts, or its nearest existing ancestor (e.g. for a missing key). */
  locate(path: readonly PathSegment[]): SourceLocation;
  /** Where the key of the last segment starts, for problems about the key itself. */
  locateKey(path: readonly PathSegment[]): SourceLocation;
}

export type JsonParseResult =
  | { ok: true; value: unknown; pointerPositions: SourcePositions }
  | { ok: false; problems: JsonProblem[] };

/** Scenario files nest about eight levels deep; 64 leaves room and stops hostile input early. */
export const DEFAULT_MAX_DEPTH = 64;

const BOM = 0xfeff;

/** 1-based line and column for offsets into one text. A leading BOM takes no column. */
class LineIndex {
  private starts: Int32Array | undefined;

  constructor(private readonly text: string) {}

  at(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    // max(1, …): offset 0 of a file that starts with a BOM sits before the first column.
    return { line: low + 1, column: Math.max(1, offset - (starts[low] ?? 0) + 1) };
  }

  private lineStarts(): Int32Array {
    if (this.starts) return this.starts;
    const { text } = this;
    const starts = new Growable();
    starts.push(text.charCodeAt(0) === BOM ? 1 : 0);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // \r\n, \n and a lone \r each end a line, as editors count them.
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
    }
    this.starts = starts.done();
    return this.starts;
  }
}

/** A growable Int32Array: positions for millions of values without millions of objects. */
class Growable {
  private data = new Int32Array(64);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = value;
  }

  /** Moves entries [from, length) to the end of `target` and drops them here. */
  moveTail(from: number, target: Growable): void {
    const count = this.length - from;
    target.reserve(count);
    target.data.set(this.data.subarray(from, this.length), target.length);
    target.length += count;
    this.length = from;
  }

  done(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    const bigger = new Int32Array(Math.max(this.data.length * 2, this.length + extra));
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }
}

/*
 * Position blocks. When a container closes, its direct children's entries (contiguous on the
 * pending stack, because each child's own children were flushed when it closed) move into `blocks`
 * as: header = count * 2 + kind, then per child [valueOffset, childBlock] for arrays or
 * [keyOffset, valueOffset, childBlock] for objects. childBlock is -1 for primitives.
 */
const ARRAY = 0;
const OBJECT = 1;

class JsonPositions implements SourcePositions {
  private readonly keyMaps = new Map<number, Map<string, number>>();

  constructor(
    private readonly text: string,
    private readonly blocks: Int32Array,
    private readonly rootOffset: number,
    private readonly rootBlock: number,
    private readonly lines: LineIndex,
  ) {}

  locate(path: readonly PathSegment[]): SourceLocation {
    const hit = this.find(path);
    return { ...this.lines.at(hit.valueOffset), exact: hit.depth === path.length };
  }

  locateKey(path: readonly PathSegment[]): SourceLocation {
    const hit = this.find(path);
    const exact = hit.depth === path.length;
    const offset = exact && hit.keyOffset >= 0 ? hit.keyOffset : hit.valueOffset;
    return { ...this.lines.at(offset), exact };
  }

  private find(path: readonly PathSegment[]) {
    let block = this.rootBlock;
    let valueOffset = this.rootOffset;
    let keyOffset = -1;
    let depth = 0;
    for (; depth < path.length && block >= 0; depth++) {
      const header = this.blocks[block] ?? 0;
      const count = header >> 1;
      const segment = path[depth];
      let entry: number;
      if ((header & 1) === ARRAY) {
        if (!isIndexBelow(segment, count)) break;
        entry = block + 1 + segment * 2;
        keyOffset = -1;
      } else {
        const index = typeof segment === 'string' ? this.memberIndex(block, count, segment) : -1;
        if (index < 0) break;
        entry = block + 1 + index * 3;
        keyOffset = this.blocks[entry] ?? 0;
        entry++;
      }
      valueOffset = this.blocks[entry] ?? 0;
      block = this.blocks[entry + 1] ?? -1;
    }
    return { valueOffset, keyOffset, depth };
  }

  /** Keys are read back from the text; large objects get a map built once, on first lookup. */
  private memberIndex(block: number, count: number, key: string): number {
    const keyAt = (i: number) => readKey(this.text, this.blocks[block + 1 + i * 3] ?? 0);
    if (count <= 8) {
      for (let i = 0; i < count; i++) if (keyAt(i) === key) return i;
      return -1;
    }
    let map = this.keyMaps.get(block);
    if (!map) {
      map = new Map();
      for (let i = 0; i < count; i++) map.set(keyAt(i), i);
      this.keyMaps.set(block, map);
    }
    return map.get(key) ?? -1;
  }
}

function isIndexBelow(segment: PathSegment | undefined, count: number): segment is number {
  return (
    typeof segment === 'number' && Number.isInteger(segment) && segment >= 0 && segment < count
  );
}

function readKey(text: string, offset: number): string {
  const scanned = scanString(text, offset);
  return scanned.ok ? scanned.value : '';
}

type Scan =
  | { ok: true; value: string; end: number }
  | { ok: false; code: JsonProblemCode; offset: number; message: string };

/** Reads the JSON string whose opening quote is at `start`. */
function scanString(text: string, start: number): Scan {
  let parts = '';
  let chunkStart = start + 1;
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return { ok: true, value: parts + text.slice(chunkStart, i), end: i + 1 };
    if (c === 0x5c) {
      parts += text.slice(chunkStart, i);
      const escaped = readEscape(text, i);
      if (!escaped.ok) return escaped;
      parts += escaped.value;
      chunkStart = escaped.end;
      i = escaped.end - 1;
    } else if (c < 0x20) {
      if (c === 0x0a || c === 0x0d) {
        return syntax(
          i,
          'This text is not closed before the end of the line. Add the closing " (write \\n for a line break inside text).',
        );
      }
      if (c === 0x09)
        return syntax(i, 'A tab character cannot appear inside JSON text. Write \\t instead.');
      return binary(i);
    }
  }
  return syntax(start, 'This text never ends: add the closing " .');
}

const simpleEscapes: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** Reads the escape whose backslash is at `backslash`; `end` is just past it. */
function readEscape(text: string, backslash: number): Scan {
  const letter = text[backslash + 1] ?? '';
  const simple = Object.hasOwn(simpleEscapes, letter) ? simpleEscapes[letter] : undefined;
  if (simple !== undefined) return { ok: true, value: simple, end: backslash + 2 };
  if (letter === 'u') {
    const hex = text.slice(backslash + 2, backslash + 6);
    if (/^[0-9a-fA-F]{4}$/.test(hex)) {
      return { ok: true, value: String.fromCharCode(Number.parseInt(hex, 16)), end: backslash + 6 };
    }
    return syntax(backslash, '\\u must be followed by four hex digits, e.g. \\u00e9.');
  }
  return syntax(
    backslash,
    `"\\${letter}" is not a JSON escape. To write a backslash itself, write \\\\.`,
  );
}

function syntax(offset: number, message: string): Extract<Scan, { ok: false }> {
  return { ok: false, code: 'E_JSON_SYNTAX', offset, message };
}

function binary(offset: number): Extract<Scan, { ok: false }> {
  return {
    ok: false,
    code: 'E_JSON_BINARY',
    offset,
    message:
      'The file contains a control byte that cannot appear in JSON; it may be binary or damaged. Open it in a text editor, or export the scenario again as plain JSON.',
  };
}

function isControl(c: number): boolean {
  return c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d;
}

function describeAt(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  const c = text.charCodeAt(offset);
  if (c === 0x0a || c === 0x0d) return 'a line break';
  if (c < 0x20) return `control character U+${c.toString(16).padStart(4, '0').toUpperCase()}`;
  const char = String.fromCodePoint(text.codePointAt(offset) ?? c);
  return `'${char}'`;
}

interface Frame {
  kind: typeof ARRAY | typeof OBJECT;
  container: unknown[] | Record<string, unknown>;
  /** Offset of the opening bracket. */
  start: number;
  /** Where this frame's children begin on the pending stack. */
  pendingStart: number;
  key: string;
  keyOffset: number;
}

const enumerableValue = (value: unknown) => ({
  value,
  writable: true,
  enumerable: true,
  configurable: true,
});

const EXPECT_VALUE = 0;
const AFTER_VALUE = 1;
const EXPECT_KEY = 2;
type Step = typeof EXPECT_VALUE | typeof AFTER_VALUE | typeof EXPECT_KEY | JsonParseResult;

class Parser {
  private pos = 0;
  private readonly stack: Frame[] = [];
  private readonly pending = new Growable();
  private readonly blocks = new Growable();
  private readonly problems: JsonProblem[] = [];
  private readonly lines: LineIndex;
  private root: { value: unknown; offset: number; block: number } | undefined;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {
    this.lines = new LineIndex(text);
  }

  private top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  run(): JsonParseResult {
    const { text } = this;
    if (text.charCodeAt(0) === BOM) this.pos = 1;
    this.skipSpace();
    if (this.pos >= text.length) {
      return this.fail(
        'E_JSON_EMPTY',
        0,
        'The file is empty. A scenario file holds one JSON object: start from a copy of an existing scenario.',
      );
    }
    // A small state machine: each step returns the next state, or the finished result.
    let state: Step = EXPECT_VALUE;
    for (;;) {
      if (state === EXPECT_VALUE) state = this.value();
      else if (state === EXPECT_KEY) state = this.key();
      else state = this.afterValue();
      if (typeof state !== 'number') return state;
    }
  }

  private value(): Step {
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x7b || c === 0x5b) return this.open(c === 0x7b ? OBJECT : ARRAY) ?? this.afterOpen();
    return this.primitive() ?? AFTER_VALUE;
  }

  /** After a value: a comma, the closing bracket, or (at the top) the end of the text. */
  private afterValue(): Step {
    const { text } = this;
    this.skipSpace();
    const frame = this.top();
    if (!frame) return this.pos < text.length ? this.unexpectedAfterEnd() : this.succeed();
    const c = text.charCodeAt(this.pos);
    const close = frame.kind === OBJECT ? 0x7d : 0x5d;
    if (c === close) {
      this.pos++;
      this.close();
      return AFTER_VALUE;
    }
    if (c !== 0x2c) return this.unexpected(frame);
    const comma = this.pos++;
    this.skipSpace();
    if (text.charCodeAt(this.pos) === close) {
      return this.fail(
        'E_JSON_SYNTAX',
        comma,
        `Remove this comma: JSON does not allow a comma before '${String.fromCharCode(close)}'.`,
      );
    }
    return frame.kind === OBJECT ? EXPECT_KEY : EXPECT_VALUE;
  }

  private succeed(): JsonParseResult {
    if (this.problems.length > 0 || !this.root) return { ok: false, problems: this.problems };
    const { value, offset, block } = this.root;
    const positions = new JsonPositions(this.text, this.blocks.done(), offset, block, this.lines);
    return { ok: true, value, pointerPositions: positions };
  }

  private afterOpen(): Step {
    this.skipSpace();
    const frame = this.top();
    const c = this.text.charCodeAt(this.pos);
    if (frame && c === (frame.kind === OBJECT ? 0x7d : 0x5d)) {
      this.pos++;
      this.close();
      return AFTER_VALUE;
    }
    return frame?.kind === OBJECT ? EXPECT_KEY : EXPECT_VALUE;
  }

  private open(kind: Frame['kind']): JsonParseResult | undefined {
    if (this.stack.length >= this.maxDepth) {
      return this.fail(
        'E_JSON_TOO_DEEP',
        this.pos,
        `Brackets are nested more than ${this.maxDepth} levels deep here; no scenario needs that. Check for brackets that open but never close.`,
      );
    }
    this.stack.push({
      kind,
      container: kind === OBJECT ? {} : [],
      start: this.pos,
      pendingStart: this.pending.length,
      key: '',
      keyOffset: -1,
    });
    this.pos++;
    return undefined;
  }

  private close(): void {
    const frame = this.stack.pop();
    if (!frame) return;
    const stride = frame.kind === OBJECT ? 3 : 2;
    const block = this.blocks.length;
    this.blocks.push(((this.pending.length - frame.pendingStart) / stride) * 2 + frame.kind);
    this.pending.moveTail(frame.pendingStart, this.blocks);
    this.attach(frame.container, frame.start, block);
  }

  /** Hands a finished value to the innermost open container (or makes it the root). */
  private attach(value: unknown, offset: number, block: number): void {
    const frame = this.top();
    if (!frame) {
      this.root = { value, offset, block };
      return;
    }
    if (Array.isArray(frame.container)) {
      frame.container.push(value);
    } else if (frame.key === '__proto__') {
      // Plain assignment would replace the object's prototype; define an ordinary own property.
      Object.defineProperty(frame.container, frame.key, enumerableValue(value));
    } else {
      frame.container[frame.key] = value;
    }
    if (frame.kind === OBJECT) this.pending.push(frame.keyOffset);
    this.pending.push(offset);
    this.pending.push(block);
  }

  private key(): Step {
    const { text } = this;
    const frame = this.top();
    const c = text.charCodeAt(this.pos);
    if (!frame || c !== 0x22) return this.badKey();
    const scanned = scanString(text, this.pos);
    if (!scanned.ok) return this.fail(scanned.code, scanned.offset, scanned.message);
    const keyOffset = this.pos;
    this.pos = scanned.end;
    this.skipSpace();
    if (text.charCodeAt(this.pos) !== 0x3a) {
      return this.fail(
        'E_JSON_SYNTAX',
        this.pos,
        `Expected ':' after the key "${scanned.value}" but found ${describeAt(text, this.pos)}.`,
      );
    }
    this.pos++;
    this.skipSpace();
    if (Object.hasOwn(frame.container, scanned.value)) {
      this.problems.push(
        this.problem(
          'E_JSON_DUPLICATE_KEY',
          keyOffset,
          `The key "${scanned.value}" appears twice in this object. Keep one and delete the other (JSON readers silently disagree about which one wins).`,
          [...this.path(true), scanned.value],
        ),
      );
    }
    frame.key = scanned.value;
    frame.keyOffset = keyOffset;
    return EXPECT_VALUE;
  }

  private primitive(): JsonParseResult | undefined {
    const { text } = this;
    const start = this.pos;
    const c = text.charCodeAt(start);
    if (c === 0x22) {
      const scanned = scanString(text, start);
      if (!scanned.ok) return this.fail(scanned.code, scanned.offset, scanned.message);
      this.pos = scanned.end;
      this.attach(scanned.value, start, -1);
      return undefined;
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
    for (const [word, value] of literals) {
      if (text.startsWith(word, start)) {
        this.pos += word.length;
        this.attach(value, start, -1);
        return undefined;
      }
    }
    return this.badValue();
  }

  private number(): JsonParseResult | undefined {
    const { text } = this;
    const start = this.pos;
    let i = start;
    if (text.charCodeAt(i) === 0x2d) i++;
    const first = text.charCodeAt(i);
    if (first === 0x30) {
      i++;
      if (isDigit(text.charCodeAt(i))) {
        return this.fail('E_JSON_SYNTAX', start, 'Numbers cannot start with 0 (write 7, not 07).');
      }
    } else if (isDigit(first)) {
      let c = text.charCodeAt(++i);
      while (isDigit(c)) c = text.charCodeAt(++i);
    } else {
      return this.fail('E_JSON_SYNTAX', start, "A '-' must be followed by digits, e.g. -5.");
    }
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      if (!isDigit(text.charCodeAt(i))) {
        return this.fail(
          'E_JSON_SYNTAX',
          i,
          'A decimal point must be followed by digits (write 1.0 or 1, not 1.).',
        );
      }
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 0x2b || sign === 0x2d) i++;
      if (!isDigit(text.charCodeAt(i))) {
        return this.fail('E_JSON_SYNTAX', i, 'An exponent must be followed by digits, e.g. 1e3.');
      }
      while (isDigit(text.charCodeAt(i))) i++;
    }
    this.pos = i;
    this.attach(numberValue(text, start, i), start, -1);
    return undefined;
  }

  private skipSpace(): void {
    const { text } = this;
    let c = text.charCodeAt(this.pos);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++this.pos);
  }

  /** The path of the value being read, for problems found inside it (or of its container). */
  private path(ofContainer = false): PathSegment[] {
    const path: PathSegment[] = [];
    const frames = ofContainer ? this.stack.slice(0, -1) : this.stack;
    for (const frame of frames) {
      if (Array.isArray(frame.container)) path.push(frame.container.length);
      else if (frame.keyOffset >= 0) path.push(frame.key);
    }
    return path;
  }

  private badValue(): JsonParseResult {
    const { text, pos } = this;
    if (pos >= text.length) return this.endTooEarly();
    const c = text.charCodeAt(pos);
    if (isControl(c)) {
      const { offset, message } = binary(pos);
      return this.fail('E_JSON_BINARY', offset, message);
    }
    if (c === 0x27)
      return this.fail(
        'E_JSON_SYNTAX',
        pos,
        'JSON text uses double quotes: write "like this", not \'like this\'.',
      );
    if (c === 0x2f) return this.comment();
    if (c === 0x2b)
      return this.fail('E_JSON_SYNTAX', pos, "Remove the '+': JSON numbers have no plus sign.");
    if (c === 0x2e)
      return this.fail(
        'E_JSON_SYNTAX',
        pos,
        'Write a digit before the decimal point (0.5, not .5).',
      );
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(pos, pos + 40))?.[0];
    if (word !== undefined) {
      const hint =
        word === 'NaN' || word === 'Infinity' || word === 'undefined'
          ? `JSON has no ${word}: use a number or leave the field out.`
          : `Text must be in double quotes: "${word}". (JSON only knows true, false and null without quotes.)`;
      return this.fail('E_JSON_SYNTAX', pos, `Unexpected word ${word}. ${hint}`);
    }
    const frame = this.top();
    if (frame && (c === 0x5d || c === 0x7d || c === 0x2c)) {
      return this.fail('E_JSON_SYNTAX', pos, `A value is missing before ${describeAt(text, pos)}.`);
    }
    return this.fail('E_JSON_SYNTAX', pos, `Expected a value but found ${describeAt(text, pos)}.`);
  }

  private badKey(): JsonParseResult {
    const { text, pos } = this;
    if (pos >= text.length) return this.endTooEarly();
    const c = text.charCodeAt(pos);
    if (isControl(c)) {
      const { offset, message } = binary(pos);
      return this.fail('E_JSON_BINARY', offset, message);
    }
    if (c === 0x2f) return this.comment();
    if (c === 0x27)
      return this.fail('E_JSON_SYNTAX', pos, 'Keys need double quotes: write "key", not \'key\'.');
    const word = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(pos, pos + 40))?.[0];
    if (word !== undefined) {
      return this.fail('E_JSON_SYNTAX', pos, `Put the key in double quotes: "${word}".`);
    }
    return this.fail(
      'E_JSON_SYNTAX',
      pos,
      `Expected a key in double quotes but found ${describeAt(text, pos)}.`,
    );
  }

  private unexpected(frame: Frame): JsonParseResult {
    const { text, pos } = this;
    if (pos >= text.length) return this.endTooEarly();
    const c = text.charCodeAt(pos);
    if (isControl(c)) {
      const { offset, message } = binary(pos);
      return this.fail('E_JSON_BINARY', offset, message);
    }
    if (c === 0x2f) return this.comment();
    const close = frame.kind === OBJECT ? '}' : ']';
    const opened = this.lines.at(frame.start);
    const mismatch =
      c === 0x7d || c === 0x5d
        ? ` The '${text[frame.start]}' at line ${opened.line}, column ${opened.column} must be closed with '${close}' first.`
        : ' Is a comma missing before it?';
    return this.fail(
      'E_JSON_SYNTAX',
      pos,
      `Expected ',' or '${close}' but found ${describeAt(text, pos)}.${mismatch}`,
    );
  }

  private unexpectedAfterEnd(): JsonParseResult {
    const { text, pos } = this;
    if (isControl(text.charCodeAt(pos))) {
      const { offset, message } = binary(pos);
      return this.fail('E_JSON_BINARY', offset, message);
    }
    if (text.charCodeAt(pos) === 0x2f) return this.comment();
    return this.fail(
      'E_JSON_SYNTAX',
      pos,
      `Unexpected ${describeAt(text, pos)} after the end of the data. A scenario file holds exactly one { … } object: remove the extra text.`,
    );
  }

  private comment(): JsonParseResult {
    return this.fail(
      'E_JSON_SYNTAX',
      this.pos,
      'JSON files cannot contain comments (// or /* */). Remove it; notes for teachers belong in the "debrief" texts.',
    );
  }

  private endTooEarly(): JsonParseResult {
    const frame = this.top();
    if (!frame)
      return this.fail('E_JSON_SYNTAX', this.pos, 'The file ends where a value was expected.');
    const opened = this.lines.at(frame.start);
    return this.fail(
      'E_JSON_SYNTAX',
      this.pos,
      `The file ends too early: the '${this.text[frame.start]}' at line ${opened.line}, column ${opened.column} is never closed. Is a closing bracket missing, or was the file cut short?`,
    );
  }

  private problem(
    code: JsonProblemCode,
    offset: number,
    message: string,
    path: PathSegment[],
  ): JsonProblem {
    return { code, message, path, ...this.lines.at(offset) };
  }

  private fail(code: JsonProblemCode, offset: number, message: string): JsonParseResult {
    this.problems.push(this.problem(code, offset, message, this.path()));
    return { ok: false, problems: this.problems };
  }
}

const literals: ReadonlyArray<readonly [string, unknown]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];

/** The value of a well-formed JSON number; short integers skip the slow string conversion. */
function numberValue(text: string, start: number, end: number): number {
  const negative = text.charCodeAt(start) === 0x2d;
  const from = negative ? start + 1 : start;
  if (end - from > 15) return Number(text.slice(start, end));
  let value = 0;
  for (let i = from; i < end; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return Number(text.slice(start, end));
    value = value * 10 + digit;
  }
  return negative ? -value : value;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Parses strict JSON (RFC 8259) with positions. Never throws. */
export function parseJson(text: string, options: { maxDepth?: number } = {}): JsonParseResult {
  try {
    return new Parser(text, options.maxDepth ?? DEFAULT_MAX_DEPTH).run();
  } catch (error) {
    // Only exhaustion (e.g. out of memory) can get here; report it rather than crash the caller.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [
        {
          code: 'E_INTERNAL',
          message: `The JSON reader failed: ${reason}.`,
          path: [],
          line: 1,
          column: 1,
        },
      ],
    };
  }
}

/** Decodes file bytes as UTF-8, or says where and why they are not UTF-8. Never throws. */
export function decodeUtf8(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; problem: JsonProblem } {
  try {
    // ignoreBOM keeps a BOM in the text, so the parser treats it the same whichever way text arrives.
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
    };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const prefix = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, bad));
    const utf16 =
      (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    const message = utf16
      ? 'The file is saved as UTF-16. Save it as UTF-8 (in most editors: "Save with encoding" → UTF-8).'
      : 'The file is not UTF-8 text from here on: it may be binary, damaged, or saved in another encoding. Save it as UTF-8.';
    return {
      ok: false,
      problem: {
        code: 'E_JSON_ENCODING',
        message,
        path: [],
        ...new LineIndex(prefix).at(prefix.length),
      },
    };
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const rule = sequenceRule(bytes[i] ?? 0);
    if (!rule || i + rule.length > bytes.length) return i;
    const second = bytes[i + 1] ?? 0;
    if (rule.length > 1 && (second < rule.low || second > rule.high)) return i;
    for (let k = 2; k < rule.length; k++) {
      const next = bytes[i + k] ?? 0;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += rule.length;
  }
  return i;
}

/** Sequence length and allowed range of the second byte, for a lead byte (undefined: invalid). */
function sequenceRule(lead: number): { length: number; low: number; high: number } | undefined {
  if (lead < 0x80) return { length: 1, low: 0, high: 0 };
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 2, low: 0x80, high: 0xbf };
  if (lead === 0xe0) return { length: 3, low: 0xa0, high: 0xbf }; // no overlong forms
  if (lead === 0xed) return { length: 3, low: 0x80, high: 0x9f }; // no surrogates
  if (lead >= 0xe1 && lead <= 0xef) return { length: 3, low: 0x80, high: 0xbf };
  if (lead === 0xf0) return { length: 4, low: 0x90, high: 0xbf };
  if (lead >= 0xf1 && lead <= 0xf3) return { length: 4, low: 0x80, high: 0xbf };
  if (lead === 0xf4) return { length: 4, low: 0x80, high: 0x8f }; // nothing above U+10FFFF
  return undefined;
}
