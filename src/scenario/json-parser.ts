/** The parser itself; json-parse.ts explains why it is iterative and how it keeps positions. */
import type { PathSegment } from './codes.ts';
import { badKey, badValue, describeAt, unexpected, unexpectedAfterEnd } from './json-diagnose.ts';
import { BOM, Growable, LineIndex } from './json-offsets.ts';
import { ARRAY, JsonPositions, OBJECT, type SourcePositions } from './json-positions.ts';
import type { Failure, JsonProblem, JsonProblemCode } from './json-problem.ts';
import { scanNumber, scanString } from './json-scan.ts';

export type JsonParseResult =
  | { ok: true; value: unknown; pointerPositions: SourcePositions }
  | { ok: false; problems: JsonProblem[] };

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

export class Parser {
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
    if (!frame) {
      return this.pos < text.length
        ? this.failAt(unexpectedAfterEnd(text, this.pos))
        : this.succeed();
    }
    const c = text.charCodeAt(this.pos);
    const close = frame.kind === OBJECT ? 0x7d : 0x5d;
    if (c === close) {
      this.pos++;
      this.close();
      return AFTER_VALUE;
    }
    if (c !== 0x2c) return this.failAt(unexpected(text, this.pos, frame, this.lines));
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
    if (!frame || c !== 0x22) return this.failAt(badKey(text, this.pos, frame, this.lines));
    const scanned = scanString(text, this.pos);
    if (!scanned.ok) return this.failAt(scanned);
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
    if (c === 0x22 || c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const scanned = c === 0x22 ? scanString(text, start) : scanNumber(text, start);
      if (!scanned.ok) return this.failAt(scanned);
      this.pos = scanned.end;
      this.attach(scanned.value, start, -1);
      return undefined;
    }
    for (const [word, value] of literals) {
      if (text.startsWith(word, start)) {
        this.pos += word.length;
        this.attach(value, start, -1);
        return undefined;
      }
    }
    return this.failAt(badValue(text, this.pos, this.top(), this.lines));
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

  private failAt(failure: Failure): JsonParseResult {
    return this.fail(failure.code, failure.offset, failure.message);
  }
}

const literals: ReadonlyArray<readonly [string, unknown]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];
