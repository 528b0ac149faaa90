/** The tokens that carry a value: JSON strings (with escapes) and numbers, read from an offset. */
import { binary, type Failure, syntax } from './json-problem.ts';

/** A token read from `start`: its value and the offset just past it, or why it is malformed. */
export type Scan<T = string> = { ok: true; value: T; end: number } | Failure;

/** Reads the JSON string whose opening quote is at `start`. */
export function scanString(text: string, start: number): Scan {
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

/** Reads the JSON number that starts at `start` (a '-' or a digit). */
export function scanNumber(text: string, start: number): Scan<number> {
  let i = start;
  if (text.charCodeAt(i) === 0x2d) i++;
  const first = text.charCodeAt(i);
  if (first === 0x30) {
    i++;
    if (isDigit(text.charCodeAt(i))) {
      return syntax(start, 'Numbers cannot start with 0 (write 7, not 07).');
    }
  } else if (isDigit(first)) {
    let c = text.charCodeAt(++i);
    while (isDigit(c)) c = text.charCodeAt(++i);
  } else {
    return syntax(start, "A '-' must be followed by digits, e.g. -5.");
  }
  if (text.charCodeAt(i) === 0x2e) {
    i++;
    if (!isDigit(text.charCodeAt(i))) {
      return syntax(i, 'A decimal point must be followed by digits (write 1.0 or 1, not 1.).');
    }
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d) i++;
    if (!isDigit(text.charCodeAt(i))) {
      return syntax(i, 'An exponent must be followed by digits, e.g. 1e3.');
    }
    while (isDigit(text.charCodeAt(i))) i++;
  }
  return { ok: true, value: numberValue(text, start, i), end: i };
}

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
