/** Words for the agreed conditions' chips (pure: no Phaser, so it is tested in node). */
/**
 * `title` without the leading words it shares with every one of `others` ("Published DPIA, kept
 * up to date" beside "Published value-for-money case": "DPIA, kept up to date"), its first
 * letter in capitals; '' when nothing is shared or nothing would be left.
 */
export function afterSharedWords(title: string, others: readonly string[]): string {
  const words = title.split(' ');
  let shared = 0;
  while (shared < words.length - 1 && others.every((o) => o.split(' ')[shared] === words[shared]))
    shared++;
  if (shared === 0) return '';
  const rest = words.slice(shared).join(' ');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * For each chip, the words to show instead of `cut[i]` (its title as cut to fit, ending "…"), or
 * null to keep it: a cut that leaves only words another title starts with ("Published…" beside
 * "Published DPIA, kept up to date") gives the words after the shared ones.
 */
export function distinctChipWords(
  titles: readonly string[],
  cut: readonly string[],
): (string | null)[] {
  return titles.map((title, i) => {
    const shown = cut[i] ?? title;
    if (!shown.endsWith('…')) return null;
    const stem = shown.slice(0, -1).trimEnd();
    const others = titles.filter((t, j) => j !== i && (t === stem || t.startsWith(`${stem} `)));
    return others.length > 0 ? afterSharedWords(title, others) || null : null;
  });
}
