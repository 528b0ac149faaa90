/**
 * Manifest of the hand-made SVG art in `assets/`, with texture keys for Phaser.
 *
 * URLs come from Vite (`import.meta.glob` with `?url&no-inline`), so a production build copies
 * each SVG to `dist/assets/` under a content-hashed name, and dev serves it directly. The lists
 * of names below are the typed API; the glob is only where the URLs come from, and a name
 * without a file (or a file without a name) is reported at start-up in dev.
 *
 * Usage in a Phaser scene:
 *
 *   preload() { queueThemeAssets(this.load); }
 *   create()  { this.add.image(x, y, portraitKey(role.portrait)).setDisplaySize(96, 96);
 *               this.add.image(x, y, iconKey('trust')).setDisplaySize(24, 24).setTint(0xf0e442); }
 *
 * Portraits are greyscale (a near-white badge disc with a dark emblem), so they look finished
 * untinted (the Canvas renderer ignores tints) and `setTint(roleColour)` turns the disc into
 * the role colour while the emblem stays dark. Icons and patterns are pure white, for tinting.
 */

import { PORTRAIT_IDS, resolvePortrait } from '../../scenario/portraits.ts';

export {
  FALLBACK_PORTRAIT,
  isPortraitId,
  PORTRAIT_ALIASES,
  PORTRAIT_IDS,
  type PortraitId,
  resolvePortrait,
} from '../../scenario/portraits.ts';

/** Icon names, one SVG each in `assets/icons/` (48×48, white, for tinting). */
export const ICON_NAMES = [
  // meters and game concepts
  'trust',
  'security',
  'privacy',
  'balance',
  'assurance',
  'event',
  'log',
  'timer',
  'delay',
  'red-line',
  'decision',
  'audit',
  'source',
  'warning',
  // moves
  'propose',
  'support',
  'oppose',
  'amend',
  'pass',
  // seats
  'human',
  'bot',
  // controls
  'pause',
  'play',
  'restart',
  'back',
  'next',
  'settings',
  'sound-on',
  'sound-off',
  'text-size',
  'fullscreen',
  'export',
  'print',
  'open',
  'info',
  'help',
] as const;
export type IconName = (typeof ICON_NAMES)[number];

/** Seamless 16×16 white fill patterns in `assets/patterns/`, cropped as strips (ui/pattern-strip.ts; tint them). */
export const PATTERN_NAMES = ['dots', 'lines', 'grid', 'hatch'] as const;
export type PatternName = (typeof PATTERN_NAMES)[number];

/** Intrinsic sizes (SVG viewBox) by kind. */
export const PORTRAIT_SIZE = 256;
export const ICON_SIZE = 48;
export const PATTERN_SIZE = 16;
export const LOGO_SIZE = 64;

export type AssetKind = 'portrait' | 'icon' | 'pattern' | 'logo';

export interface AssetEntry {
  /** Phaser texture key, e.g. `portrait:mayor`, `icon:trust`, `pattern:dots`, `logo`. */
  readonly key: string;
  /** URL of the SVG (fingerprinted in a build). */
  readonly url: string;
  readonly kind: AssetKind;
  /** Name inside its kind, e.g. `mayor`, `trust`. */
  readonly name: string;
  /** Intrinsic size in CSS pixels (square). */
  readonly size: number;
}

const portraitUrls = import.meta.glob<string>('../../../assets/portraits/*.svg', {
  eager: true,
  query: '?url&no-inline',
  import: 'default',
});
const iconUrls = import.meta.glob<string>('../../../assets/icons/*.svg', {
  eager: true,
  query: '?url&no-inline',
  import: 'default',
});
const patternUrls = import.meta.glob<string>('../../../assets/patterns/*.svg', {
  eager: true,
  query: '?url&no-inline',
  import: 'default',
});
const logoUrls = import.meta.glob<string>('../../../assets/logo.svg', {
  eager: true,
  query: '?url&no-inline',
  import: 'default',
});

function urlFor(urls: Record<string, string>, dir: string, name: string): string {
  const url = urls[`../../../assets/${dir}${name}.svg`];
  if (url === undefined) throw new Error(`Missing asset file assets/${dir}${name}.svg`);
  return url;
}

function entries(
  kind: AssetKind,
  dir: string,
  names: readonly string[],
  urls: Record<string, string>,
  size: number,
): AssetEntry[] {
  if (import.meta.env?.DEV) {
    const listed = new Set(names.map((n) => `../../../assets/${dir}${n}.svg`));
    for (const path of Object.keys(urls)) {
      if (!listed.has(path)) console.warn(`[assets] ${path} is not in the ${kind} manifest`);
    }
  }
  return names.map((name) => ({
    key: kind === 'logo' ? 'logo' : `${kind}:${name}`,
    url: urlFor(urls, dir, name),
    kind,
    name,
    size,
  }));
}

/** Every SVG the game ships, in load order (logo first, for a loading screen). */
export const ASSET_MANIFEST: readonly AssetEntry[] = [
  ...entries('logo', '', ['logo'], logoUrls, LOGO_SIZE),
  ...entries('portrait', 'portraits/', PORTRAIT_IDS, portraitUrls, PORTRAIT_SIZE),
  ...entries('icon', 'icons/', ICON_NAMES, iconUrls, ICON_SIZE),
  ...entries('pattern', 'patterns/', PATTERN_NAMES, patternUrls, PATTERN_SIZE),
];

/** Texture key for a role's portrait; unknown names fall back to the generic portrait. */
export function portraitKey(roleIdOrPortrait: string | undefined): string {
  return `portrait:${resolvePortrait(roleIdOrPortrait)}`;
}

/** Texture key for an icon. */
export function iconKey(name: IconName): string {
  return `icon:${name}`;
}

/** Texture key for a fill pattern. */
export function patternKey(name: PatternName): string {
  return `pattern:${name}`;
}

/** Texture key of the game logo. */
export const LOGO_KEY = 'logo';

/** URL of an asset by key (for the DOM layer, print view, favicon…), or undefined. */
export function assetUrl(key: string): string | undefined {
  return ASSET_MANIFEST.find((a) => a.key === key)?.url;
}

/** The slice of Phaser's LoaderPlugin this module needs (keeps Phaser out of the import graph). */
export interface SvgLoader {
  svg(
    key: string,
    url: string,
    config?: { width?: number; height?: number; scale?: number },
  ): unknown;
}

/** Raster sizes (pixels) each kind is drawn at when loaded. */
export interface RasterSizes {
  /** Portraits: default 256 (crisp up to a 128px seat on a 2× screen). */
  portrait?: number;
  /** Icons: default 96 (crisp up to 48px at 2×). */
  icon?: number;
  /** Patterns: default 16 (one tile; match the game's pixel scale). */
  pattern?: number;
  /** Logo: default 256. */
  logo?: number;
}

/**
 * Queue every SVG on a Phaser loader: `queueThemeAssets(this.load)` in `preload()`. Phaser
 * rasterises an SVG once at load, so ask for the largest size the scene will show.
 */
export function queueThemeAssets(loader: SvgLoader, sizes: RasterSizes = {}): void {
  const px: Record<AssetKind, number> = {
    portrait: sizes.portrait ?? 256,
    icon: sizes.icon ?? 96,
    pattern: sizes.pattern ?? PATTERN_SIZE,
    logo: sizes.logo ?? 256,
  };
  for (const a of ASSET_MANIFEST) {
    loader.svg(a.key, a.url, { width: px[a.kind], height: px[a.kind] });
  }
}
