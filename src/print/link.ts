/**
 * How the game reaches the role-card page (print.html, a separate Vite entry without Phaser).
 * Light on purpose: the title screen imports it, so it must not pull in the loader or Zod.
 *
 * A shipped scenario is named in the address (`print.html?scenario=<id>`); a scenario opened
 * from a file exists only in this tab, so its text travels in sessionStorage and the print page
 * loads it again through the same loader.
 */

export const PRINT_PAGE = 'print.html';
/** sessionStorage key for a scenario opened from a file: `{ key, fileName, text }`. */
export const PRINT_FILE_KEY = 'oversight.print.file';

export interface PrintFileHandoff {
  key: string;
  fileName: string;
  text: string;
}

/** The address of the role cards for a catalogue key (relative, so any base path works). */
export function roleCardsUrl(key: string): string {
  return `${PRINT_PAGE}?scenario=${encodeURIComponent(key)}`;
}

/** What the title screen needs to know about the chosen scenario. */
export interface PrintableEntry {
  key: string;
  source: 'shipped' | 'file';
  fileName: string;
  scenario: unknown;
}

/** Keeps a file scenario for the print page in this tab (no-op for shipped ones). */
export function storePrintHandoff(entry: PrintableEntry): void {
  if (entry.source !== 'file') return;
  const handoff: PrintFileHandoff = {
    key: entry.key,
    fileName: entry.fileName,
    text: JSON.stringify(entry.scenario),
  };
  try {
    sessionStorage.setItem(PRINT_FILE_KEY, JSON.stringify(handoff));
  } catch {
    // Storage full or off: the print page then offers to open the file itself.
  }
}

/** Goes to the role cards of `entry` (in this tab; the print page links back to the game). */
export function openRoleCards(entry: PrintableEntry): void {
  storePrintHandoff(entry);
  window.location.assign(roleCardsUrl(entry.key));
}

/** The handed-over file scenario for `key`, or null. */
export function readPrintHandoff(key: string): PrintFileHandoff | null {
  try {
    const raw = sessionStorage.getItem(PRINT_FILE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<PrintFileHandoff>;
    if (value.key !== key || typeof value.fileName !== 'string' || typeof value.text !== 'string') {
      return null;
    }
    return { key: value.key, fileName: value.fileName, text: value.text };
  } catch {
    return null;
  }
}
