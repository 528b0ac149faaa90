/**
 * Visual tokens: colours (Okabe–Ito, safe for the common colour-vision deficiencies), spacing,
 * font sizes scaled by the player's text size and projector mode, and tween durations that
 * drop to 0 under reduced motion. No Phaser import: numbers and strings only.
 *
 * Scenes read `this.theme` (see scenes/AppScene.ts), which is `themeFor(settings, …)` of the
 * settings at the time the scene was created; the router restarts the scene when a setting
 * that changes layout (text size, projector) changes.
 */
import { reducedMotionActive, type Settings, textFactor } from '../store/settings.ts';
import {
  FONT_FAMILY,
  LINE_HEIGHT,
  loadFonts,
  PROJECTOR_TEXT_SCALE,
  TEXT_SIZE,
} from './theme/fonts.ts';
import { FOCUS, METERS, OKABE_ITO, STATUS, SURFACE, TEXT } from './theme/palette.ts';

export { FONT_FAMILY };

/** Loads the web fonts (Atkinson Hyperlegible); resolves, never rejects, within a timeout. */
export const loadThemeFonts = loadFonts;

/**
 * The colours the widgets use, drawn from the shared palette (theme/palette.ts: Okabe–Ito,
 * with contrast ratios worked out there). Fills are numbers (Phaser); text colours are CSS.
 */
export const COLOURS = {
  background: SURFACE.table.hex,
  backgroundCss: SURFACE.table.css,
  surface: SURFACE.panel.hex,
  surfaceRaised: SURFACE.raised.hex,
  surfaceHover: SURFACE.raisedHover.hex,
  border: SURFACE.outline.hex,
  borderStrong: TEXT.secondary.hex,
  /** Focus ring: yellow with a dark halo (styles.css draws the DOM twin the same way). */
  focus: FOCUS.hex,
  focusCss: FOCUS.css,
  primary: OKABE_ITO.blue.hex,
  primaryHover: 0x0a84cc,
  danger: STATUS.bad.hex,
  text: TEXT.primary.css,
  textMuted: TEXT.secondary.css,
  textOnLight: TEXT.ink.css,
  textError: '#ffb38a',
  /** The three meters: colour plus a name and an icon, never colour alone. */
  meters: {
    trust: METERS.trust.colour.hex,
    security: METERS.security.colour.hex,
    privacy: METERS.privacy.colour.hex,
  },
} as const;

/** Spacing steps in game pixels (the game is 1280×720). */
export const SPACE = { xs: 4, s: 8, m: 16, l: 24, xl: 40 } as const;
export const RADIUS = { s: 6, m: 10, l: 16 } as const;

/** Font sizes at text size 100 %, in game pixels (the shared type scale, theme/fonts.ts). */
const BASE_FONT = {
  small: TEXT_SIZE.small,
  body: TEXT_SIZE.body,
  label: TEXT_SIZE.body,
  h3: TEXT_SIZE.title,
  h2: TEXT_SIZE.heading,
  h1: TEXT_SIZE.display,
} as const;
export type FontRole = keyof typeof BASE_FONT;

/**
 * The largest text enlargement (150 % text size × projector mode would be 2×): beyond this a
 * 1280×720 screen cannot hold the set-up or the negotiation table without scrolling.
 */
export const MAX_TEXT_FACTOR = 1.75;

/** Tween durations at full motion, in ms. */
const BASE_MOTION = { fast: 120, medium: 250, slow: 500 } as const;

export interface Theme {
  font: { family: string; size: Record<FontRole, number>; factor: number };
  motion: { reduced: boolean; fast: number; medium: number; slow: number };
  /** A tween duration: `ms`, or 0 under reduced motion. */
  duration(ms: number): number;
  /** A Phaser Text style for a role: family, size, colour (and wrap width if given). */
  text(
    role: FontRole,
    options?: {
      color?: string;
      bold?: boolean;
      wrap?: number;
      align?: 'left' | 'center' | 'right';
    },
  ): TextStyle;
}

/** The subset of Phaser.Types.GameObjects.Text.TextStyle we set (kept Phaser-free). */
export interface TextStyle {
  fontFamily: string;
  fontSize: string;
  color: string;
  fontStyle?: string;
  align?: string;
  wordWrap?: { width: number; useAdvancedWrap: boolean };
  lineSpacing?: number;
  /** Texture resolution (Phaser: 0 or 1 = one texel per game pixel). */
  resolution?: number;
}

/**
 * `resolution`: texts are rasterised this many times sharper than their size in game pixels —
 * the render scale (src/view/render-scale.ts), so they stay crisp on a canvas drawn at up to 2×.
 */
/** What every font size is multiplied by for these settings (text size, projector), capped. */
export function gameTextFactor(settings: Settings): number {
  return Math.min(MAX_TEXT_FACTOR, textFactor(settings, PROJECTOR_TEXT_SCALE));
}

export function themeFor(settings: Settings, systemReducedMotion: boolean, resolution = 1): Theme {
  const factor = gameTextFactor(settings);
  const size = Object.fromEntries(
    Object.entries(BASE_FONT).map(([role, px]) => [role, Math.round(px * factor)]),
  ) as Record<FontRole, number>;
  const reduced = reducedMotionActive(settings, systemReducedMotion);
  const duration = (ms: number) => (reduced ? 0 : ms);
  return {
    font: { family: FONT_FAMILY, size, factor },
    motion: {
      reduced,
      fast: duration(BASE_MOTION.fast),
      medium: duration(BASE_MOTION.medium),
      slow: duration(BASE_MOTION.slow),
    },
    duration,
    text(role, options = {}) {
      const style: TextStyle = {
        fontFamily: FONT_FAMILY,
        fontSize: `${size[role]}px`,
        color: options.color ?? COLOURS.text,
        lineSpacing: Math.round(size[role] * (LINE_HEIGHT - 1)),
        resolution,
      };
      if (options.bold || role === 'h1' || role === 'h2' || role === 'h3') style.fontStyle = 'bold';
      if (options.align) style.align = options.align;
      // Basic wrapping breaks at spaces only: a long word is never cut in two.
      if (options.wrap) style.wordWrap = { width: options.wrap, useAdvancedWrap: false };
      return style;
    },
  };
}

/** 0xRRGGBB → "#rrggbb". */
export function css(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}

/** "#RRGGBB" (as scenarios give role colours) → 0xRRGGBB; falls back to grey. */
export function hex(colour: string): number {
  const n = Number.parseInt(colour.replace('#', ''), 16);
  return Number.isFinite(n) ? n : 0x888888;
}
