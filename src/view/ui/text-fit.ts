/** Fitting text into fixed boxes: cut a wrapped text to a number of lines, ending with "…". */
import type Phaser from 'phaser';

/** Sets `text` on `t`, cut to at most `maxLines` wrapped lines (the last one ends with "…"). */
export function setTextFit(t: Phaser.GameObjects.Text, text: string, maxLines: number): boolean {
  t.setText(text);
  // A word longer than the line ("value-for-money" in a narrow card at a large text size) would
  // stick out of its box: then wrap that text anywhere, as a word-processor does.
  const wrap = t.style.wordWrapWidth;
  if (wrap && !t.style.wordWrapUseAdvanced && t.width > wrap + 1) {
    t.setWordWrapWidth(wrap, true);
  }
  const lines = t.getWrappedText(text);
  if (lines.length <= maxLines) return false;
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
    if (t.getWrappedText(candidate).length <= maxLines) {
      t.setText(candidate);
      return true;
    }
  }
  t.setText(`${(words[0] ?? '').slice(0, 12)}…`);
  return true;
}
