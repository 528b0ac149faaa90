import { describe, expect, it } from 'vitest';
import { phaseWords } from '../../src/app/phase-words.ts';
import type { Phase } from '../../src/rules/types.ts';

const PHASES: Phase[] = [
  'briefing',
  'event',
  'negotiation',
  'roundEnd',
  'stances',
  'decision',
  'aftermath',
  'debrief',
];

describe("the saved game's label", () => {
  it('names every phase in words, never by its name in the code', () => {
    for (const phase of PHASES) expect(phaseWords(phase)).toMatch(/^[a-z' ]+$/);
    expect(phaseWords('roundEnd')).toBe('end of the round');
  });
});
