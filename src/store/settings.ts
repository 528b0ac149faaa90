/**
 * Player settings: persisted in the browser, parsed with Zod on the way in, field by field, so a
 * stored value that is odd (hand-edited, from another version, half-written) falls back to its
 * default instead of breaking the game. No Phaser, no DOM: unit-tested in node.
 */
// zod/mini: the settings are on the first screen's critical path, and the full Zod API only
// arrives with the game engine chunk (see docs/browser-architecture.md).
import * as z from 'zod/mini';

export const TEXT_SCALES = [1, 1.25, 1.5] as const;
export type TextScale = (typeof TEXT_SCALES)[number];

export const REDUCED_MOTION_CHOICES = ['system', 'on', 'off'] as const;
export type ReducedMotionChoice = (typeof REDUCED_MOTION_CHOICES)[number];

export const BOT_PACES = ['quick', 'reading'] as const;
export type BotPace = (typeof BOT_PACES)[number];

export interface Settings {
  /** Multiplies every font size. */
  textScale: TextScale;
  /** Whole-class projector: larger text still, and the public view only. */
  projector: boolean;
  /** 'system' follows the operating system's prefers-reduced-motion. */
  reducedMotion: ReducedMotionChoice;
  /** Short interface sounds (src/view/audio). Off by default: a classroom is full of devices. */
  sound: boolean;
  /**
   * How long a bot waits before its move: 'quick' keeps the game moving; 'reading' leaves time
   * to read (or hear, with a screen reader) each move before the next (app/session.ts).
   */
  botPace: BotPace;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  textScale: 1,
  projector: false,
  reducedMotion: 'system',
  sound: false,
  botPace: 'quick',
});

/** The storage key and the version of what is stored under it. */
export const SETTINGS_KEY = 'oversight.settings';
export const SETTINGS_VERSION = 2;

const FIELD_SCHEMAS = {
  textScale: z.union([z.literal(1), z.literal(1.25), z.literal(1.5)]),
  projector: z.boolean(),
  reducedMotion: z.enum(REDUCED_MOTION_CHOICES),
  sound: z.boolean(),
  botPace: z.enum(BOT_PACES),
};

/** The settings object as a whole, for callers that want a strict check. */
export const SettingsSchema = z.strictObject(FIELD_SCHEMAS);

/**
 * Any value → valid settings: each field that does not parse takes its value from `fallback`
 * (the defaults, unless given).
 */
export function sanitizeSettings(value: unknown, fallback: Settings = DEFAULT_SETTINGS): Settings {
  const source = isRecord(value) ? value : {};
  const pick = <K extends keyof Settings>(key: K): Settings[K] => {
    const schema: z.ZodMiniType = FIELD_SCHEMAS[key];
    const parsed = schema.safeParse(source[key]);
    return parsed.success ? (parsed.data as Settings[K]) : fallback[key];
  };
  return {
    textScale: pick('textScale'),
    projector: pick('projector'),
    reducedMotion: pick('reducedMotion'),
    sound: pick('sound'),
    botPace: pick('botPace'),
  };
}

/**
 * Brings settings stored by an older version up to this one. Version 0 (the prototype) stored
 * `{ textSize: 'normal' | 'large' | 'largest', motion: boolean, muted: boolean }`; anything else
 * is read as the current shape. The result is sanitised either way.
 *
 * Version 1 defaulted `sound` to true, and every visit stored the settings, while the game made
 * no sound at all: a stored `sound: true` from version 1 is not a choice anyone heard, so it
 * becomes the new default (off). The other fields carry over.
 */
export function migrateSettings(stored: unknown, version: number): Settings {
  if (version === 1) return { ...sanitizeSettings(stored), sound: DEFAULT_SETTINGS.sound };
  if (version === 0 && isRecord(stored)) {
    const sizes: Record<string, TextScale> = { normal: 1, large: 1.25, largest: 1.5 };
    const textSize = typeof stored.textSize === 'string' ? sizes[stored.textSize] : undefined;
    return sanitizeSettings({
      textScale: textSize ?? stored.textScale,
      projector: stored.projector,
      reducedMotion:
        typeof stored.motion === 'boolean' ? (stored.motion ? 'off' : 'on') : stored.reducedMotion,
      sound: typeof stored.muted === 'boolean' ? !stored.muted : stored.sound,
    });
  }
  return sanitizeSettings(stored);
}

/** Should motion be reduced now? `systemPrefers` is the OS media query (false in node). */
export function reducedMotionActive(settings: Settings, systemPrefers: boolean): boolean {
  if (settings.reducedMotion === 'on') return true;
  if (settings.reducedMotion === 'off') return false;
  return systemPrefers;
}

/**
 * The factor every font size is multiplied by: the text scale, times `projectorScale` in
 * projector mode (the view passes its PROJECTOR_TEXT_SCALE).
 */
export function textFactor(settings: Settings, projectorScale = 1.25): number {
  return settings.textScale * (settings.projector ? projectorScale : 1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
