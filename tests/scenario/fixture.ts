/**
 * Test helpers for the loader: the minimal fixture as text and as a mutable object, and an
 * independent way to find where a snippet sits in a text (so position assertions do not trust the
 * code under test).
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

export const minimalPath = 'tests/fixtures/scenarios/minimal.json';
export const minimalText = readFileSync(minimalPath, 'utf8');

/** A fresh, mutable copy of the minimal fixture (as JSON data, before Zod defaults). */
// biome-ignore lint/suspicious/noExplicitAny: tests poke at arbitrary fields, valid or not.
export function minimal(): any {
  return JSON.parse(minimalText);
}

/** The minimal fixture changed by `change`, as 2-space indented JSON text. */
// biome-ignore lint/suspicious/noExplicitAny: as above.
export function mutated(change: (draft: any) => void): string {
  const draft = minimal();
  change(draft);
  return JSON.stringify(draft, null, 2);
}

export interface Where {
  line: number;
  column: number;
}

/** 1-based line and column of `offset`, counted the plain way. */
export function lineColumn(text: string, offset: number): Where {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** Where `snippet` (which must occur exactly once) starts, plus `skip` characters. */
export function positionOf(text: string, snippet: string, skip = 0): Where {
  const index = text.indexOf(snippet);
  expect(index, `snippet ${snippet} not found`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(snippet, index + 1), `snippet ${snippet} is not unique`).toBe(-1);
  return lineColumn(text, index + skip);
}

/** Where the `n`th (0-based) occurrence of `snippet` starts, plus `skip` characters. */
export function nthPositionOf(text: string, snippet: string, n: number, skip = 0): Where {
  let index = -1;
  for (let i = 0; i <= n; i++) {
    index = text.indexOf(snippet, index + 1);
    expect(index, `occurrence ${i} of ${snippet} not found`).toBeGreaterThanOrEqual(0);
  }
  return lineColumn(text, index + skip);
}

/** Where the innermost object or list that holds `snippet` opens. */
export function containerOf(text: string, snippet: string, bracket: '{' | '[' = '{'): Where {
  const index = text.indexOf(snippet);
  expect(index, `snippet ${snippet} not found`).toBeGreaterThanOrEqual(0);
  return lineColumn(text, text.lastIndexOf(bracket, index));
}
