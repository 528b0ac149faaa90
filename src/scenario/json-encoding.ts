/** Turning file bytes into text: UTF-8 only, with a precise position when the bytes are not. */

import { LineIndex } from './json-offsets.ts';
import type { JsonProblem } from './json-problem.ts';

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
