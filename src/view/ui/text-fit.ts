/** Fitting text into fixed boxes: cut a wrapped text to a number of lines, ending with "…". */
import type Phaser from 'phaser';
import { measuredWidth } from './word-widths.ts';

/**
 * The widest of `lines` as Phaser would draw them, padding included (after `getWrappedText`,
 * which sets the text's font on its context).
 */
function widest(t: Phaser.GameObjects.Text, lines: readonly string[]): number {
  let max = 0;
  for (const line of lines) max = Math.max(max, measuredWidth(t.context, line));
  return max + (t.padding.left ?? 0) + (t.padding.right ?? 0);
}

/**
 * The lines `t` wraps `text` into, broken at spaces; when a word is longer than the line (a web
 * address, "value-for-money" in a narrow card at a large text size) the text is broken inside
 * words too, as a word processor does, rather than stick out of its box: `inWords` says so.
 * `t`'s style is left as it was (`getWrappedText` draws nothing).
 */
export function wrapLines(
  t: Phaser.GameObjects.Text,
  text: string,
): { lines: string[]; inWords: boolean } {
  const style = t.style;
  const lines = t.getWrappedText(text);
  const wrap = style.wordWrapWidth;
  if (!wrap || style.wordWrapUseAdvanced || widest(t, lines) <= wrap + 1) {
    return { lines, inWords: false };
  }
  style.wordWrapUseAdvanced = true;
  try {
    return { lines: t.getWrappedText(text), inWords: true };
  } finally {
    style.wordWrapUseAdvanced = false;
  }
}

/**
 * Sets `text` on `t`, cut to at most `maxLines` wrapped lines (the last one ends with "…").
 * The cut is found by measuring (`getWrappedText` draws nothing), so the text is drawn once,
 * with the words it keeps — and not at all when it already shows them.
 */
export function setTextFit(t: Phaser.GameObjects.Text, text: string, maxLines: number): boolean {
  const { lines, inWords } = wrapLines(t, text);
  // Set without drawing (as `setWordWrapWidth(wrap, true)` would, but that draws at once).
  if (inWords) t.style.wordWrapUseAdvanced = true;
  const cut = lines.length > maxLines ? shortened(t, text, lines, maxLines) : null;
  const words = cut ?? text;
  if (t.text !== words) t.setText(words);
  else if (inWords) t.updateText();
  return cut !== null;
}

/** The longest start of `text` that, ending with "…", wraps to at most `maxLines` lines. */
function shortened(
  t: Phaser.GameObjects.Text,
  text: string,
  lines: readonly string[],
  maxLines: number,
): string {
  // Start from as many of the text's own words as the lines that fit hold (wrapped lines keep
  // trailing spaces, and a word cut by the wrap above would count as two).
  const shown = lines
    .slice(0, maxLines)
    .map((line) => line.trim())
    .join(' ')
    .split(/\s+/).length;
  const words = text
    .trim()
    .split(/\s+/)
    .slice(0, shown + 1);
  while (words.length > 1) {
    words.pop();
    const candidate = `${words.join(' ')}…`;
    if (t.getWrappedText(candidate).length <= maxLines) return candidate;
  }
  return `${(words[0] ?? '').slice(0, 12)}…`;
}
