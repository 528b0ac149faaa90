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
 * Sets `text` on `t`, cut to at most `maxLines` wrapped lines (the last one ends with "…").
 * The cut is found by measuring (`getWrappedText` draws nothing), so the text is drawn once,
 * with the words it keeps — and not at all when it already shows them.
 */
export function setTextFit(t: Phaser.GameObjects.Text, text: string, maxLines: number): boolean {
  const style = t.style;
  let restyled = false;
  let lines = t.getWrappedText(text);
  // A word longer than the line ("value-for-money" in a narrow card at a large text size) would
  // stick out of its box: then wrap that text anywhere, as a word-processor does.
  const wrap = style.wordWrapWidth;
  if (wrap && !style.wordWrapUseAdvanced && widest(t, lines) > wrap + 1) {
    // Set without drawing (as `setWordWrapWidth(wrap, true)` would, but that draws at once).
    style.wordWrapUseAdvanced = true;
    restyled = true;
    lines = t.getWrappedText(text);
  }
  const cut = lines.length > maxLines ? shortened(t, text, lines, maxLines) : null;
  const words = cut ?? text;
  if (t.text !== words) t.setText(words);
  else if (restyled) t.updateText();
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
