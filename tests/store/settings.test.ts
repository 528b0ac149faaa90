import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/app-store.ts';
import {
  DEFAULT_SETTINGS,
  migrateSettings,
  reducedMotionActive,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  sanitizeSettings,
  textFactor,
} from '../../src/store/settings.ts';
import { memoryStorage } from '../../src/store/storage.ts';

const stored = (settings: unknown, version: unknown = SETTINGS_VERSION) =>
  JSON.stringify({ state: { settings }, version });

describe('settings persistence', () => {
  it('starts from the defaults when nothing is stored', () => {
    const store = createAppStore({ storage: memoryStorage() });
    expect(store.getState().settings).toEqual(DEFAULT_SETTINGS);
  });

  it('writes changes and reads them back in a new store', () => {
    const storage = memoryStorage();
    const a = createAppStore({ storage });
    a.getState().updateSettings({ textScale: 1.5, projector: true });
    expect(JSON.parse(storage.getItem(SETTINGS_KEY) ?? 'null')).toEqual({
      state: { settings: { ...DEFAULT_SETTINGS, textScale: 1.5, projector: true } },
      version: SETTINGS_VERSION,
    });
    const b = createAppStore({ storage });
    expect(b.getState().settings).toEqual({ ...DEFAULT_SETTINGS, textScale: 1.5, projector: true });
  });

  it('persists only the settings', () => {
    const storage = memoryStorage();
    const store = createAppStore({ storage });
    store.getState().announce('hello');
    store.getState().setScreen('setup');
    const value = JSON.parse(storage.getItem(SETTINGS_KEY) ?? '{}');
    expect(Object.keys(value.state)).toEqual(['settings']);
  });

  it('ignores an invalid update of one field and keeps the others', () => {
    const store = createAppStore();
    store.getState().updateSettings({ textScale: 1.25 });
    // A caller passing junk (e.g. from an untyped DOM handler) does not corrupt the settings.
    store.getState().updateSettings({ textScale: 3 as never, sound: false });
    expect(store.getState().settings).toMatchObject({ textScale: 1.25, sound: false });
  });

  it.each([
    ['not JSON', '{oops'],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['no state', JSON.stringify({ version: SETTINGS_VERSION })],
    ['state is a string', JSON.stringify({ state: 'x', version: SETTINGS_VERSION })],
    ['settings is an array', stored([1, 2])],
  ])('falls back to the defaults on %s', (_, text) => {
    const storage = memoryStorage({ [SETTINGS_KEY]: text });
    const store = createAppStore({ storage });
    expect(store.getState().settings).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the valid fields of a partly odd stored value', () => {
    const storage = memoryStorage({
      [SETTINGS_KEY]: stored({
        textScale: 7,
        projector: true,
        reducedMotion: 'sometimes',
        sound: false,
      }),
    });
    const store = createAppStore({ storage });
    expect(store.getState().settings).toEqual({
      textScale: 1,
      projector: true,
      reducedMotion: 'system',
      sound: false,
      botPace: 'quick',
    });
  });

  it('migrates the version-0 shape', () => {
    const storage = memoryStorage({
      [SETTINGS_KEY]: JSON.stringify({
        state: { textSize: 'large', motion: false, muted: true },
        version: 0,
      }),
    });
    const store = createAppStore({ storage });
    expect(store.getState().settings).toEqual({
      textScale: 1.25,
      projector: false,
      reducedMotion: 'on',
      sound: false,
      botPace: 'quick',
    });
    // The migrated value is written back in the current version.
    expect(JSON.parse(storage.getItem(SETTINGS_KEY) ?? '{}').version).toBe(SETTINGS_VERSION);
  });

  it('turns version 1 sound off (its default was on and played nothing), keeping the rest', () => {
    const storage = memoryStorage({
      [SETTINGS_KEY]: stored({ textScale: 1.25, projector: true, sound: true }, 1),
    });
    const store = createAppStore({ storage });
    expect(store.getState().settings).toEqual({
      ...DEFAULT_SETTINGS,
      textScale: 1.25,
      projector: true,
      sound: false,
    });
    expect(JSON.parse(storage.getItem(SETTINGS_KEY) ?? '{}').version).toBe(SETTINGS_VERSION);
    // Chosen in this version, sound on stays on.
    const again = createAppStore({
      storage: memoryStorage({ [SETTINGS_KEY]: stored({ sound: true }) }),
    });
    expect(again.getState().settings.sound).toBe(true);
  });

  it('reads a value from a newer version as far as it can', () => {
    const storage = memoryStorage({
      [SETTINGS_KEY]: stored({ textScale: 1.5, sound: false, colourTheme: 'dark' }, 99),
    });
    const store = createAppStore({ storage });
    expect(store.getState().settings).toEqual({
      ...DEFAULT_SETTINGS,
      textScale: 1.5,
      sound: false,
    });
  });

  it('survives storage that throws', () => {
    const storage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {},
    };
    // The app's own browserStorage() swallows these; a raw throwing storage must not crash
    // store creation either.
    const store = createAppStore({ storage });
    expect(store.getState().settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('settings helpers', () => {
  it('sanitizes field by field', () => {
    expect(sanitizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings({ textScale: 1.25 })).toEqual({ ...DEFAULT_SETTINGS, textScale: 1.25 });
  });

  it('migrates flat current-shape values too', () => {
    expect(migrateSettings({ projector: true }, 1)).toEqual({
      ...DEFAULT_SETTINGS,
      projector: true,
    });
  });

  it('resolves reduced motion against the system preference', () => {
    const s = { ...DEFAULT_SETTINGS };
    expect(reducedMotionActive(s, true)).toBe(true);
    expect(reducedMotionActive(s, false)).toBe(false);
    expect(reducedMotionActive({ ...s, reducedMotion: 'on' }, false)).toBe(true);
    expect(reducedMotionActive({ ...s, reducedMotion: 'off' }, true)).toBe(false);
  });

  it('enlarges text for the projector', () => {
    expect(textFactor({ ...DEFAULT_SETTINGS, textScale: 1.5, projector: true })).toBeCloseTo(1.875);
  });
});
