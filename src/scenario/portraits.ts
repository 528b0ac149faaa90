/**
 * The portraits the game draws (one SVG each in `assets/portraits/`), and what a scenario's
 * `portrait` value resolves to. Plain data, here beside the schema, so the loader can warn about
 * a name the game does not have as well as the view can draw it.
 */

/** Portrait ids, one SVG each in `assets/portraits/`. */
export const PORTRAIT_IDS = [
  'mayor',
  'met',
  'palantir',
  'civil-liberties',
  'council',
  'police',
  'vendor',
  'campaigners',
  'public',
  'regulator',
  'court',
  'press',
  'generic',
] as const;
export type PortraitId = (typeof PORTRAIT_IDS)[number];

/** The portrait used when a scenario names one that does not exist. */
export const FALLBACK_PORTRAIT: PortraitId = 'generic';

/**
 * Other names a scenario may use for a portrait (lower-case), mapped to an existing one. Keeps
 * the test fixtures' `residents` and `rights` and common synonyms working without extra art.
 */
export const PORTRAIT_ALIASES: Readonly<Record<string, PortraitId>> = {
  mopac: 'mayor',
  'city-hall': 'mayor',
  government: 'council',
  minister: 'council',
  'local-authority': 'council',
  'police-force': 'police',
  'metropolitan-police': 'met',
  supplier: 'vendor',
  company: 'vendor',
  'tech-company': 'vendor',
  'data-company': 'palantir',
  rights: 'civil-liberties',
  'human-rights': 'civil-liberties',
  liberty: 'civil-liberties',
  privacy: 'civil-liberties',
  activists: 'campaigners',
  ngo: 'campaigners',
  residents: 'public',
  citizens: 'public',
  community: 'public',
  londoners: 'public',
  auditor: 'regulator',
  ico: 'regulator',
  watchdog: 'regulator',
  judge: 'court',
  tribunal: 'court',
  media: 'press',
  journalists: 'press',
};

const PORTRAIT_SET: ReadonlySet<string> = new Set(PORTRAIT_IDS);

/** True when `name` is a portrait id that has its own SVG. */
export function isPortraitId(name: string): name is PortraitId {
  return PORTRAIT_SET.has(name);
}

/**
 * The portrait a scenario's `portrait` value (or a role id) resolves to: itself if it has an
 * SVG, else an alias (`residents` → `public`, `rights` → `civil-liberties`…), else `generic`.
 */
export function resolvePortrait(name: string | undefined): PortraitId {
  const n = (name ?? '').trim().toLowerCase();
  if (isPortraitId(n)) return n;
  return PORTRAIT_ALIASES[n] ?? FALLBACK_PORTRAIT;
}
