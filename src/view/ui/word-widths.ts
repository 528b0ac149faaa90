/**
 * Word widths measured once per font, for Phaser's word wrapping.
 *
 * Phaser wraps a Text by measuring every word of it on its canvas (`measureText`, one call per
 * word, the same words on every redraw), and text fitting wraps some texts several times to find
 * their cut. That measuring was a fifth of a table redraw on the Canvas renderer. A word's width
 * in a font never changes, so the wrapping methods here get a context that answers from a table
 * of the widths measured before, and measures on the real context only what it has not seen.
 * The wrapping itself is still Phaser's (same lines, same rules); only `measureText` is shared.
 * A font that finishes loading late (the game starts with a fallback after a timeout) would
 * change the widths, so the tables start again whenever fonts finish loading.
 */

/** The part of a 2D context Phaser's wrapping uses. */
export interface Measuring {
  readonly font: string;
  measureText(text: string): { width: number };
}

type Wrap = (this: unknown, text: string, context: Measuring, width: number) => string;

export interface Wrapping {
  basicWordWrap: Wrap;
  advancedWordWrap: Wrap;
}

/** Distinct strings remembered per font before its table starts again (a few scenarios' words). */
const PER_FONT_LIMIT = 20_000;

const widthsByFont = new Map<string, Map<string, number>>();

/** The table of `font`'s widths (started again once it holds too many). */
function widthsOf(font: string): Map<string, number> {
  let widths = widthsByFont.get(font);
  if (!widths) {
    widths = new Map();
    widthsByFont.set(font, widths);
  } else if (widths.size >= PER_FONT_LIMIT) {
    widths.clear();
  }
  return widths;
}

function lookUp(widths: Map<string, number>, context: Measuring, text: string): number {
  let width = widths.get(text);
  if (width === undefined) {
    width = context.measureText(text).width;
    widths.set(text, width);
  }
  return width;
}

/** `context.measureText(text).width`, measured once per font and text. */
export function measuredWidth(context: Measuring, text: string): number {
  return lookUp(widthsOf(context.font), context, text);
}

/** A stand-in for `context` whose `measureText` answers from the table (width only). */
function remembering(context: Measuring): Measuring {
  const font = context.font;
  const widths = widthsOf(font);
  return { font, measureText: (text: string) => ({ width: lookUp(widths, context, text) }) };
}

/**
 * Makes Text's basic and advanced word wrapping (`Phaser.GameObjects.Text.prototype`) measure
 * through the table. Phaser's wrapping
 * reads nothing of the context but `measureText(…).width`, and the context's font is set
 * before it wraps (`updateText`, `getWrappedText`).
 */
export function rememberWordWidths(text: Wrapping): void {
  if (typeof document !== 'undefined' && 'fonts' in document)
    document.fonts.addEventListener('loadingdone', () => widthsByFont.clear());
  for (const method of ['basicWordWrap', 'advancedWordWrap'] as const) {
    const wrap = text[method];
    text[method] = function (this: unknown, words, context, width) {
      return wrap.call(this, words, remembering(context), width);
    };
  }
}
