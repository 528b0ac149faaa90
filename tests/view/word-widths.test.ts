import { describe, expect, it } from 'vitest';
import {
  type Measuring,
  rememberWordWidths,
  type Wrapping,
} from '../../src/view/ui/word-widths.ts';

/** A context whose text is 7 px a character in "16px A", 9 in "16px B"; it counts its measures. */
function context(font: string) {
  const ctx = {
    font,
    measured: [] as string[],
    measureText(text: string) {
      ctx.measured.push(text);
      return { width: text.length * (ctx.font.endsWith('A') ? 7 : 9) };
    },
  };
  return ctx;
}

/** Greedy wrapping that, like Phaser's, reads nothing of the context but measureText's width. */
function greedy(text: string, ctx: Measuring, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return [...lines, line].join('\n');
}

function textPrototype(): Wrapping {
  return { basicWordWrap: greedy, advancedWordWrap: greedy };
}

const SENTENCE = 'an independent audit of the data kept in the UK';

describe('rememberWordWidths: wrapping measures each text once per font', () => {
  it('wraps exactly as the wrapping it wraps', () => {
    const text = textPrototype();
    rememberWordWidths(text);
    for (const width of [40, 100, 160, 400]) {
      expect(text.basicWordWrap(SENTENCE, context('16px A'), width)).toBe(
        greedy(SENTENCE, context('16px A'), width),
      );
      expect(text.advancedWordWrap(SENTENCE, context('16px B'), width)).toBe(
        greedy(SENTENCE, context('16px B'), width),
      );
    }
  });

  it('does not measure again what it measured in the same font', () => {
    const text = textPrototype();
    rememberWordWidths(text);
    const first = context('bold 20px A');
    const wrapped = text.basicWordWrap(SENTENCE, first, 120);
    expect(first.measured.length).toBeGreaterThan(0);

    const again = context('bold 20px A');
    expect(text.basicWordWrap(SENTENCE, again, 120)).toBe(wrapped);
    expect(again.measured).toEqual([]);
  });

  it('keeps each font apart', () => {
    const text = textPrototype();
    rememberWordWidths(text);
    text.basicWordWrap(SENTENCE, context('12px A'), 120);
    const other = context('12px B');
    expect(text.basicWordWrap(SENTENCE, other, 120)).toBe(greedy(SENTENCE, context('12px B'), 120));
    expect(other.measured.length).toBeGreaterThan(0);
  });
});
