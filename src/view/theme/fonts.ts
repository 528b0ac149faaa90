/**
 * Typography: Atkinson Hyperlegible (Braille Institute, SIL Open Font License), designed so that
 * easily confused letters (I l 1, O 0, b d p q) differ for low-vision readers. Bundled from npm
 * (@fontsource/atkinson-hyperlegible), so no third-party request is made.
 *
 * Phaser draws text onto a canvas with whatever font is ready at that moment and does not redraw
 * when a web font arrives later, so call `await loadFonts()` before the first Phaser Text is
 * created (before `new Phaser.Game`, or in a boot scene).
 */

import '@fontsource/atkinson-hyperlegible/latin-400.css';
import '@fontsource/atkinson-hyperlegible/latin-700.css';

/** The CSS font family name registered by the @fontsource CSS. */
export const FONT_NAME = 'Atkinson Hyperlegible';

/** Font stack for Phaser text styles and the DOM layer. */
export const FONT_FAMILY = '"Atkinson Hyperlegible", system-ui, sans-serif';

/** The weights bundled: regular and bold. */
export const FONT_WEIGHTS = [400, 700] as const;
export type FontWeight = (typeof FONT_WEIGHTS)[number];

/** How long `loadFonts` waits before giving up and letting the game start with fallbacks. */
export const FONT_TIMEOUT_MS = 3000;

/**
 * Type scale in the game's design pixels (every screen lays out in 1280×720 and the canvas is
 * scaled to the window: at 1366×768 a design pixel is 1.07 CSS pixels, at 1024×600 only 0.8, so
 * small text is 12.8 CSS px there). Text size in the settings (up to 150 %) enlarges it; projector
 * mode multiplies every size by {@link PROJECTOR_TEXT_SCALE}.
 */
export const TEXT_SIZE = {
  /** Captions, sources, log timestamps. */
  small: 16,
  /** Body text, card summaries, buttons. */
  body: 18,
  /** Card titles, seat names. */
  title: 22,
  /** Panel headings, meter values. */
  heading: 28,
  /** Screen titles (round banner, decision). */
  display: 40,
} as const;
export type TextSize = keyof typeof TEXT_SIZE;

/** Projector mode enlarges text by this factor. */
export const PROJECTOR_TEXT_SCALE = 1.35;

/** Line height as a multiple of the font size (Phaser: `lineSpacing = size * (LINE_HEIGHT - 1)`). */
export const LINE_HEIGHT = 1.35;

/** Resolve once `document.fonts.load` has settled, or after `ms`, whichever comes first. */
function settleWithin(loads: Promise<unknown>[], ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    Promise.allSettled(loads).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Load both weights of Atkinson Hyperlegible. Never rejects and never blocks for longer than
 * `timeoutMs`: if the font fails (offline file:// build, old browser, blocked file) the game
 * starts with the system fallback in {@link FONT_FAMILY}.
 */
export async function loadFonts(timeoutMs: number = FONT_TIMEOUT_MS): Promise<void> {
  if (typeof document === 'undefined' || !('fonts' in document)) return;
  try {
    const loads = FONT_WEIGHTS.map((weight) =>
      document.fonts.load(`${weight} 16px "${FONT_NAME}"`, 'Oversight £0 Trust'),
    );
    await settleWithin(loads, timeoutMs);
  } catch {
    // A synchronous throw (e.g. a malformed font shorthand in an odd browser): fall back.
  }
}

/** True when the font is ready in both weights (after `loadFonts`, unless it timed out). */
export function fontsReady(): boolean {
  if (typeof document === 'undefined' || !('fonts' in document)) return false;
  return FONT_WEIGHTS.every((w) => document.fonts.check(`${w} 16px "${FONT_NAME}"`));
}
