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
 *
 * Callers import only this module, so the reader's split across json-*.ts stays an internal detail.
 */
import { type JsonParseResult, Parser } from './json-parser.ts';

export { decodeUtf8 } from './json-encoding.ts';
export type { JsonParseResult } from './json-parser.ts';
export type { SourceLocation, SourcePositions } from './json-positions.ts';
export type { JsonProblem, JsonProblemCode } from './json-problem.ts';

/** Scenario files nest about eight levels deep; 64 leaves room and stops hostile input early. */
export const DEFAULT_MAX_DEPTH = 64;

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
