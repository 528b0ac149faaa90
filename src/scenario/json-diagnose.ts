/**
 * What to tell the author when the parser meets something it cannot use. Scenario files are
 * edited by hand, so each message names the likely slip (single quotes, a comment, a missing
 * comma, an unclosed bracket) and how to fix it, rather than just "unexpected token".
 */

import type { LineIndex } from './json-offsets.ts';
import { type ARRAY, OBJECT } from './json-positions.ts';
import { binary, type Failure, isControl, syntax } from './json-problem.ts';

/** The innermost open bracket, as the messages need it. */
export interface OpenBracket {
  kind: typeof ARRAY | typeof OBJECT;
  /** Offset of the opening bracket. */
  start: number;
}

export function describeAt(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  const c = text.charCodeAt(offset);
  if (c === 0x0a || c === 0x0d) return 'a line break';
  if (c < 0x20) return `control character U+${c.toString(16).padStart(4, '0').toUpperCase()}`;
  const char = String.fromCodePoint(text.codePointAt(offset) ?? c);
  return `'${char}'`;
}

/** “ ” ‘ ’: what a word processor makes of typed quotes, in text pasted from it. */
const CURLY_QUOTES = new Set([0x201c, 0x201d, 0x2018, 0x2019]);

function curlyQuote(pos: number): Failure {
  return syntax(
    pos,
    'JSON needs straight double quotes ("), not curly ones (“ ” ‘ ’): a word processor changed them. Type them again in a plain-text editor.',
  );
}

/** Where a value should start. */
export function badValue(
  text: string,
  pos: number,
  open: OpenBracket | undefined,
  lines: LineIndex,
): Failure {
  if (pos >= text.length) return endTooEarly(text, pos, open, lines);
  const c = text.charCodeAt(pos);
  if (isControl(c)) return binary(pos);
  if (c === 0x27)
    return syntax(pos, 'JSON text uses double quotes: write "like this", not \'like this\'.');
  if (CURLY_QUOTES.has(c)) return curlyQuote(pos);
  if (c === 0x2f) return comment(pos);
  if (c === 0x2b) return syntax(pos, "Remove the '+': JSON numbers have no plus sign.");
  if (c === 0x2e) return syntax(pos, 'Write a digit before the decimal point (0.5, not .5).');
  const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(pos, pos + 40))?.[0];
  if (word !== undefined) {
    const hint =
      word === 'NaN' || word === 'Infinity' || word === 'undefined'
        ? `JSON has no ${word}: use a number (or leave the field out, where it is optional).`
        : `Text must be in double quotes: "${word}". (JSON only knows true, false and null without quotes.)`;
    return syntax(pos, `Unexpected word ${word}. ${hint}`);
  }
  if (open && (c === 0x5d || c === 0x7d || c === 0x2c)) {
    return syntax(pos, `A value is missing before ${describeAt(text, pos)}.`);
  }
  return syntax(pos, `Expected a value but found ${describeAt(text, pos)}.`);
}

/** Where an object key should start. */
export function badKey(
  text: string,
  pos: number,
  open: OpenBracket | undefined,
  lines: LineIndex,
): Failure {
  if (pos >= text.length) return endTooEarly(text, pos, open, lines);
  const c = text.charCodeAt(pos);
  if (isControl(c)) return binary(pos);
  if (c === 0x2f) return comment(pos);
  if (c === 0x27) return syntax(pos, 'Keys need double quotes: write "key", not \'key\'.');
  if (CURLY_QUOTES.has(c)) return curlyQuote(pos);
  const word = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(pos, pos + 40))?.[0];
  if (word !== undefined) {
    return syntax(pos, `Put the key in double quotes: "${word}".`);
  }
  return syntax(pos, `Expected a key in double quotes but found ${describeAt(text, pos)}.`);
}

/** Where a comma or the closing bracket of `open` should be. */
export function unexpected(
  text: string,
  pos: number,
  open: OpenBracket,
  lines: LineIndex,
): Failure {
  if (pos >= text.length) return endTooEarly(text, pos, open, lines);
  const c = text.charCodeAt(pos);
  if (isControl(c)) return binary(pos);
  if (c === 0x2f) return comment(pos);
  const close = open.kind === OBJECT ? '}' : ']';
  const opened = lines.at(open.start);
  const mismatch =
    c === 0x7d || c === 0x5d
      ? ` The '${text[open.start]}' at line ${opened.line}, column ${opened.column} must be closed with '${close}' first.`
      : ' Is a comma missing before it?';
  return syntax(pos, `Expected ',' or '${close}' but found ${describeAt(text, pos)}.${mismatch}`);
}

/** After the one top-level value, where only whitespace may follow. */
export function unexpectedAfterEnd(text: string, pos: number): Failure {
  if (isControl(text.charCodeAt(pos))) return binary(pos);
  if (text.charCodeAt(pos) === 0x2f) return comment(pos);
  return syntax(
    pos,
    `Unexpected ${describeAt(text, pos)} after the end of the data. A scenario file holds exactly one { … } object: remove the extra text.`,
  );
}

function comment(pos: number): Failure {
  return syntax(
    pos,
    'JSON files cannot contain comments (// or /* */). Remove it; notes for teachers belong in the "debrief" texts.',
  );
}

function endTooEarly(
  text: string,
  pos: number,
  open: OpenBracket | undefined,
  lines: LineIndex,
): Failure {
  if (!open) return syntax(pos, 'The file ends where a value was expected.');
  const opened = lines.at(open.start);
  return syntax(
    pos,
    `The file ends too early: the '${text[open.start]}' at line ${opened.line}, column ${opened.column} is never closed. Is a closing bracket missing, or was the file cut short?`,
  );
}
