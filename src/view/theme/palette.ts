/**
 * Oversight colour palette.
 *
 * Built on the Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008), whose eight
 * colours stay distinguishable for the common forms of colour blindness. Every colour is given
 * twice: `hex` (a number, for Phaser fills and tints) and `css` (a string, for the DOM layer and
 * Phaser text styles).
 *
 * Colour is never the only signal: each meter also has an icon and a fill pattern, each band
 * state has a pattern and a word, and each role has a portrait with a distinct shape.
 *
 * Contrast ratios are WCAG 2.x ratios, worked out with `contrastRatio()` below against the three
 * surfaces (table #14171f, panel #1f2431, raised #2a3142). AA needs 4.5:1 for normal text, 3:1 for
 * large text (24px, or 18.66px bold) and for graphics and control outlines (WCAG 1.4.11).
 */

import type { MeterId } from '../../scenario/schema.ts';
import type { IconName, PatternName } from './assets.ts';

/** A colour as a Phaser number and as a CSS string. */
export interface Colour {
  readonly hex: number;
  readonly css: string;
}

/** Make a {@link Colour} from `#rrggbb`. */
export function colour(css: string): Colour {
  const hex = parseHex(css);
  return { hex, css: `#${hex.toString(16).padStart(6, '0')}` };
}

function parseHex(css: string): number {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(css.trim());
  if (!m?.[1]) throw new Error(`Not a #rrggbb colour: ${css}`);
  const digits =
    m[1].length === 3
      ? m[1]
          .split('')
          .map((d) => d + d)
          .join('')
      : m[1];
  return Number.parseInt(digits, 16);
}

/**
 * The Okabe–Ito palette. Ratios are against the table background #14171f; black is listed for
 * completeness but is invisible on the dark table, so it is not offered as a role colour.
 */
export const OKABE_ITO = {
  /** 1.17:1 on table: never use on the dark table. */
  black: colour('#000000'),
  /** 7.95:1 table, 6.88:1 panel, 5.77:1 raised. */
  orange: colour('#e69f00'),
  /** 7.76:1 table, 6.72:1 panel, 5.63:1 raised. */
  skyBlue: colour('#56b4e9'),
  /** 5.24:1 table, 4.53:1 panel, 3.80:1 raised (large text / graphics only on raised). */
  bluishGreen: colour('#009e73'),
  /** 13.55:1 table, 11.72:1 panel, 9.82:1 raised. */
  yellow: colour('#f0e442'),
  /** 3.46:1 table, 2.99:1 panel: graphics on the table only; use legibleOn() for text. */
  blue: colour('#0072b2'),
  /** 4.63:1 table, 4.01:1 panel, 3.36:1 raised. */
  vermillion: colour('#d55e00'),
  /** 5.85:1 table, 5.06:1 panel, 4.24:1 raised. */
  reddishPurple: colour('#cc79a7'),
} as const;

export type OkabeItoName = keyof typeof OKABE_ITO;

/**
 * Role colours a scenario author can pick from, in a suggested order (the flagship uses orange,
 * blue, reddish purple and bluish green). Scenario files give a role colour as `#rrggbb`; any
 * colour works, and the view makes role names legible with {@link legibleOn}.
 */
export const ROLE_COLOURS: readonly Colour[] = [
  OKABE_ITO.orange,
  OKABE_ITO.blue,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.skyBlue,
  OKABE_ITO.vermillion,
  OKABE_ITO.yellow,
];

/** Surfaces, darkest first. */
export const SURFACE = {
  /** The table / page background. */
  table: colour('#14171f'),
  /** Panels: meters, card trays, the log. */
  panel: colour('#1f2431'),
  /** Raised elements: cards, buttons, dialogs. */
  raised: colour('#2a3142'),
  /** Hovered / pressed raised elements. */
  raisedHover: colour('#353d52'),
  /**
   * Control outlines: 3.90:1 table, 3.37:1 panel (WCAG 1.4.11 needs 3:1); only 2.83:1 on raised,
   * so a raised control's boundary is its fill against the panel, or a text.muted (5.12:1) edge.
   */
  outline: colour('#6b7590'),
  /** Decorative dividers only (never the sole boundary of a control): 1.79:1 table. */
  divider: colour('#3a4256'),
  /** Portrait badge disc (the light face of every portrait SVG). */
  portraitDisc: colour('#f4f5f8'),
  /** Portrait ink (the dark emblem colour in every portrait SVG). */
  portraitInk: colour('#1b2130'),
} as const;

/** Text colours. Every pair passes AA for normal text on table, panel and raised. */
export const TEXT = {
  /** Body text: 16.27:1 table, 14.08:1 panel, 11.80:1 raised (AAA). */
  primary: colour('#f2f4f8'),
  /** Secondary text: 10.79:1 table, 9.33:1 panel, 7.82:1 raised (AAA). */
  secondary: colour('#c3c9d6'),
  /** Hints and captions: 7.06:1 table, 6.11:1 panel, 5.12:1 raised (AA). */
  muted: colour('#9aa3b5'),
  /** Dark text on light or coloured fills: 17.92:1 on white, 7.95:1 on orange, 13.55:1 on yellow. */
  ink: colour('#14171f'),
  /** Links and source citations: sky blue, 7.76:1 table, 6.72:1 panel, 5.63:1 raised. */
  link: OKABE_ITO.skyBlue,
} as const;

/** Keyboard focus ring: yellow, 13.55:1 on table, 9.82:1 on raised. Draw it 3px wide. */
export const FOCUS = OKABE_ITO.yellow;

/** Status colours. Each is always paired with an icon and a word, never shown alone. */
export const STATUS = {
  /** With icon `support` (tick). 5.24:1 table. */
  good: OKABE_ITO.bluishGreen,
  /** With icon `oppose` (cross). 4.63:1 table. */
  bad: OKABE_ITO.vermillion,
  /** With icon `warning`. 7.95:1 table. */
  warning: OKABE_ITO.orange,
  /** With icon `info`. 7.76:1 table. */
  info: OKABE_ITO.skyBlue,
  /** With icon `red-line` (flag). */
  redLine: OKABE_ITO.vermillion,
} as const;

/** How a meter is drawn: colour, icon and fill pattern, so no one signal carries it alone. */
export interface MeterStyle {
  readonly colour: Colour;
  readonly icon: IconName;
  readonly pattern: PatternName;
  /** Fallback English label (the scenario's own meter name wins). */
  readonly label: string;
}

/**
 * Meter styles. Fills: trust 13.55:1, security 7.76:1, privacy 5.24:1 against the table (all
 * well above the 3:1 graphics minimum). In greyscale the three fills still differ in lightness
 * (relative luminance 0.74, 0.41, 0.26) and always differ in pattern: dots, lines, grid.
 */
export const METERS: Readonly<Record<MeterId, MeterStyle>> = {
  trust: { colour: OKABE_ITO.yellow, icon: 'trust', pattern: 'dots', label: 'Trust' },
  security: { colour: OKABE_ITO.skyBlue, icon: 'security', pattern: 'lines', label: 'Security' },
  privacy: { colour: OKABE_ITO.bluishGreen, icon: 'privacy', pattern: 'grid', label: 'Privacy' },
};

/**
 * How to lay a pattern over a coloured fill (a meter bar, an out-of-band zone): draw the solid
 * colour, then the white pattern (ui/pattern-strip.ts) tinted with this colour at this alpha, which
 * reads as the same hue with a darker texture. (The Canvas renderer ignores tints: there the
 * pattern stays white, which still reads as texture.)
 */
export const PATTERN_OVERLAY = { tint: SURFACE.table, alpha: 0.45 } as const;

/** A meter's position relative to its healthy band. */
export type BandState = 'low' | 'healthy' | 'high';

export interface BandStyle {
  readonly colour: Colour;
  /** Alpha for the band's area behind the meter bar. */
  readonly alpha: number;
  /** Pattern drawn over the area, or null for plain. */
  readonly pattern: PatternName | null;
  /** Icon shown beside the value when in this state, or null. */
  readonly icon: IconName | null;
  /** Word shown beside the value (English fallback; the scenario's texts win). */
  readonly label: string;
}

/**
 * Band styles. The healthy band is a faint neutral strip behind the meter track (secondary text
 * colour at 12% alpha over the panel, about #333845) with its two ends marked by ticks in
 * SURFACE.outline (3.37:1 on the panel). Meter fills stay readable over it: trust 8.86:1,
 * security 5.08:1, privacy 3.42:1. Out of band is vermillion (4.63:1 table, 4.01:1 panel) plus
 * the diagonal `hatch` pattern, the `warning` icon and the words "Too low" / "Too high".
 */
export const BANDS: Readonly<Record<BandState, BandStyle>> = {
  healthy: {
    colour: TEXT.secondary,
    alpha: 0.12,
    pattern: null,
    icon: null,
    label: 'Healthy',
  },
  low: { colour: STATUS.bad, alpha: 0.35, pattern: 'hatch', icon: 'warning', label: 'Too low' },
  high: { colour: STATUS.bad, alpha: 0.35, pattern: 'hatch', icon: 'warning', label: 'Too high' },
};

/** Which side of the band a meter value is on (inclusive band). */
export function bandState(value: number, band: readonly [number, number]): BandState {
  if (value < band[0]) return 'low';
  if (value > band[1]) return 'high';
  return 'healthy';
}

/** WCAG relative luminance of a colour (0 black … 1 white). */
export function relativeLuminance(c: Colour | number | string): number {
  const hex = typeof c === 'number' ? c : typeof c === 'string' ? parseHex(c) : c.hex;
  const channel = (v: number): number => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return (
    0.2126 * channel((hex >> 16) & 0xff) +
    0.7152 * channel((hex >> 8) & 0xff) +
    0.0722 * channel(hex & 0xff)
  );
}

/** WCAG contrast ratio between two colours (1 … 21). */
export function contrastRatio(a: Colour | number | string, b: Colour | number | string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Ink or white, whichever reads better on a fill (e.g. a name chip in a role colour). */
export function textOn(fill: Colour | number | string): Colour {
  const white = colour('#ffffff');
  return contrastRatio(TEXT.ink, fill) >= contrastRatio(white, fill) ? TEXT.ink : white;
}

/**
 * The colour itself if it reaches `min` contrast on `background`, else the colour mixed towards
 * white (on a dark background) or black (on a light one) just enough to reach it. Use it to write
 * a role's name in its own colour: the flagship's blue #0072b2 (3.46:1 on the table) becomes
 * #2687be (4.51:1); on the panel, #4095c5 (4.67:1).
 */
export function legibleOn(
  fg: Colour | string,
  background: Colour = SURFACE.table,
  min = 4.5,
): Colour {
  const base = typeof fg === 'string' ? colour(fg) : fg;
  if (contrastRatio(base, background) >= min) return base;
  const towards = relativeLuminance(background) < 0.18 ? 255 : 0;
  const r = (base.hex >> 16) & 0xff;
  const g = (base.hex >> 8) & 0xff;
  const b = base.hex & 0xff;
  for (let step = 1; step < 20; step++) {
    const t = step / 20;
    const mix = (v: number): number => Math.round(v + (towards - v) * t);
    const candidate = (mix(r) << 16) | (mix(g) << 8) | mix(b);
    if (contrastRatio(candidate, background) >= min) {
      return colour(`#${candidate.toString(16).padStart(6, '0')}`);
    }
  }
  return textOn(background);
}
