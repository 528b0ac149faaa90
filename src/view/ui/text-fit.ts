/** Fitting text into fixed boxes: cut a wrapped text to a number of lines, ending with "…". */
import type Phaser from 'phaser';

/** Sets `text` on `t`, cut to at most `maxLines` wrapped lines (the last one ends with "…"). */
export function setTextFit(t: Phaser.GameObjects.Text, text: string, maxLines: number): boolean {
  t.setText(text);
  const lines = t.getWrappedText(text);
  if (lines.length <= maxLines) return false;
  const words = lines.slice(0, maxLines).join(' ').split(' ');
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
