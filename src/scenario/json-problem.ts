/** What a JSON reading problem looks like, and the two kinds every stage of reading can hit. */
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

/** A problem found at a text offset, before the parser adds its path and line:column. */
export type Failure = { ok: false; code: JsonProblemCode; offset: number; message: string };

export function syntax(offset: number, message: string): Failure {
  return { ok: false, code: 'E_JSON_SYNTAX', offset, message };
}

export function binary(offset: number): Failure {
  return {
    ok: false,
    code: 'E_JSON_BINARY',
    offset,
    message:
      'The file contains a control byte that cannot appear in JSON; it may be binary or damaged. Open it in a text editor, or export the scenario again as plain JSON.',
  };
}

export function isControl(c: number): boolean {
  return c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d;
}
