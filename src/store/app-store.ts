/**
 * createAppStore(): the app's one Zustand store (vanilla, so Phaser scenes, the DOM layer and
 * tests use it the same way). State and actions are documented in ./types.ts.
 *
 *   store.getState()                      read now
 *   store.getState().updateSettings({…})  act (actions are plain functions on the state)
 *   store.subscribe(selector, listener)   react to one slice (subscribeWithSelector); returns
 *                                         an unsubscribe function: scenes call it on SHUTDOWN
 *
 * Only `settings` is persisted (zustand `persist`, with a version and `migrate`); what is read
 * back is parsed with Zod field by field, so odd stored data means defaults, never a crash.
 */
import {
  type PersistStorage,
  persist,
  type StorageValue,
  subscribeWithSelector,
} from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import {
  type CatalogueEntry,
  MAX_SCENARIO_BYTES,
  type OpenErrors,
  type OpenResult,
  openErrors,
  tooLargeProblem,
} from './catalogue.ts';
import {
  DEFAULT_SETTINGS,
  migrateSettings,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  type Settings,
  sanitizeSettings,
} from './settings.ts';
import {
  cleanTableName,
  defaultSeats,
  MAX_SEED,
  type Mode,
  randomSeed,
  restoredSetup,
  SETUP_KEY,
  type SetupState,
  seatRole,
  timerValue,
} from './setup.ts';
import type { KeyValueStorage } from './storage.ts';
import { memoryStorage } from './storage.ts';
import { type AppData, type AppState, MAX_ANNOUNCEMENTS } from './types.ts';

export interface AppStoreOptions {
  /** Where settings persist (default: memory, i.e. nothing survives a reload). */
  storage?: KeyValueStorage;
  /**
   * Catalogue entries to start with (tests pass loaded fixtures; in the browser, main.ts adds the
   * shipped scenarios when the engine chunk has loaded them).
   */
  catalogue?: CatalogueEntry[];
  /** Random source for new seeds (tests pass a fixed one). */
  random?: () => number;
}

type Persisted = { settings: Settings };

/**
 * The store as code outside this file sees it: getState/setState, and `subscribe` in both forms
 * — `subscribe(listener)` and `subscribe(selector, listener, { equalityFn, fireImmediately })`.
 */
export type AppStore = ReturnType<typeof createAppStore>;
export type AppStoreApi = AppStore;

/**
 * Storage for `persist`: JSON in a KeyValueStorage. Unreadable JSON reads as "nothing stored";
 * an unchanged value is not written again (persist writes after every `set`).
 */
function settingsStorage(storage: KeyValueStorage): PersistStorage<Persisted> {
  let lastWritten: string | null = null;
  return {
    getItem(name) {
      const text = storage.getItem(name);
      if (text === null) return null;
      try {
        const value: unknown = JSON.parse(text);
        if (typeof value !== 'object' || value === null) return null;
        lastWritten = text;
        return value as StorageValue<Persisted>;
      } catch {
        return null;
      }
    },
    setItem(name, value) {
      const text = JSON.stringify(value);
      if (text === lastWritten) return;
      lastWritten = text;
      storage.setItem(name, text);
    },
    removeItem(name) {
      lastWritten = null;
      storage.removeItem(name);
    },
  };
}

function persistedSettings(value: unknown): Settings {
  const settings =
    typeof value === 'object' && value !== null ? (value as { settings?: unknown }).settings : {};
  return sanitizeSettings(settings);
}

/**
 * Scenario files opened from disk that the catalogue keeps at once (a newer one replaces the
 * oldest): an author opens their file again and again, and the title screen lists every entry,
 * a line each, above its buttons — at the largest text size with a saved game, the shipped
 * scenarios and one more.
 */
export const MAX_OPENED_FILES = 1;

export function createAppStore(options: AppStoreOptions = {}) {
  const storage = options.storage ?? memoryStorage();
  const random = options.random ?? Math.random;
  const startEntries = options.catalogue ?? [];

  const store = createStore<AppState>()(
    subscribeWithSelector(
      persist(
        (set, get) => {
          const setup = (patch: Partial<SetupState>) =>
            set({ setup: { ...get().setup, ...patch } });
          const scenarioOf = (key: string | null) =>
            get().catalogue.find((e) => e.key === key)?.scenario ?? null;
          const addEntry = (entry: CatalogueEntry) => {
            let others = get().catalogue.filter((e) => e.key !== entry.key);
            if (entry.source === 'file') {
              // The newest opened files only: the title's list has room for a few more rows.
              const files = others.filter((e) => e.source === 'file');
              const dropped = files.slice(0, Math.max(0, files.length - (MAX_OPENED_FILES - 1)));
              others = others.filter((e) => !dropped.includes(e));
            }
            set({ catalogue: [...others, entry] });
          };
          const opened = (result: OpenResult): boolean => {
            if (!result.ok) {
              set({ openErrors: result.errors });
              get().announce(
                `${result.errors.fileName} could not be opened: ${result.errors.problems.length} problem(s).`,
                'assertive',
              );
              return false;
            }
            const { entry } = result;
            addEntry(entry);
            // A file that opens with warnings shows them, as `validate` does: it plays, but
            // maybe not as its author meant.
            const warned = entry.source === 'file' && entry.warnings.length > 0;
            set({
              openErrors: warned
                ? { ...openErrors(entry.fileName, entry.warnings), opened: true }
                : null,
            });
            get().selectScenario(entry.key);
            const n = entry.warnings.length;
            get().announce(
              `Opened ${entry.scenario.title.text}${warned ? `, with ${n} warning${n === 1 ? '' : 's'}` : ''}.`,
            );
            return true;
          };
          let announcementId = 0;
          const storedSetup = (): { scenarioKey?: unknown } | null => {
            try {
              const value: unknown = JSON.parse(storage.getItem(SETUP_KEY) ?? 'null');
              return typeof value === 'object' && value !== null ? value : null;
            } catch {
              return null;
            }
          };

          const first = startEntries[0] ?? null;
          const initial: AppData = {
            screen: 'boot',
            activeScene: null,
            settings: { ...DEFAULT_SETTINGS },
            systemReducedMotion: false,
            catalogue: startEntries,
            openErrors: null,
            loaded: false,
            setup: {
              scenarioKey: first?.key ?? null,
              mode: 'solo',
              seats: defaultSeats(first?.scenario ?? null, 'solo'),
              seed: randomSeed(random),
              seedChosen: false,
              turnSeconds: null,
              roundSeconds: null,
              tableName: '',
            },
            game: null,
            handoff: null,
            announcements: [],
            savedGameSummary: null,
            notice: null,
          };

          return {
            ...initial,
            setScreen: (screen) => {
              if (get().screen !== screen) set({ screen });
            },
            setActiveScene: (activeScene) => set({ activeScene }),
            setLoaded: (loaded) => set({ loaded }),
            updateSettings: (patch) => set({ settings: sanitizeSettings(patch, get().settings) }),
            setSystemReducedMotion: (systemReducedMotion) => set({ systemReducedMotion }),

            addCatalogueEntries: (entries, failures: OpenErrors[] = []) => {
              for (const entry of entries) addEntry(entry);
              if (failures[0]) set({ openErrors: failures[0] });
              if (get().setup.scenarioKey === null && entries[0]) {
                // The set-up of the last visit, when its scenario is here again.
                const stored = storedSetup();
                const entry = entries.find((e) => e.key === stored?.scenarioKey);
                const again =
                  entry && restoredSetup(stored, entry.key, entry.scenario, get().setup.seed);
                if (again) set({ setup: again });
                else get().selectScenario(entries[0].key);
              }
            },
            openScenarioFile: async (fileName, bytes) => {
              // Refused before the loader is even fetched.
              if (bytes.byteLength > MAX_SCENARIO_BYTES) {
                return opened({
                  ok: false,
                  errors: openErrors(fileName, [tooLargeProblem(fileName, bytes.byteLength)]),
                });
              }
              const load = await import('./catalogue-load.ts');
              return opened(load.loadCatalogueBytes(fileName, bytes, 'file'));
            },
            openScenarioText: async (fileName, text) => {
              const load = await import('./catalogue-load.ts');
              return opened(load.loadCatalogueText(fileName, text, 'file'));
            },
            dismissOpenErrors: () => set({ openErrors: null }),

            selectScenario: (key) => {
              const scenario = scenarioOf(key);
              if (!scenario) return;
              setup({ scenarioKey: key, seats: defaultSeats(scenario, get().setup.mode) });
            },
            setMode: (mode: Mode) =>
              setup({ mode, seats: defaultSeats(scenarioOf(get().setup.scenarioKey), mode) }),
            setSeat: (role, seat) => {
              const s = get().setup;
              setup({ seats: seatRole(s.seats, s.mode, role, seat) });
            },
            setSeed: (seed) => {
              if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) return false;
              setup({ seed, seedChosen: true });
              return true;
            },
            newSeed: () => setup({ seed: randomSeed(random), seedChosen: false }),
            setTableName: (name) => setup({ tableName: cleanTableName(name) }),
            setTimers: (timers) => {
              const patch: Partial<SetupState> = {};
              if ('turnSeconds' in timers) patch.turnSeconds = timerValue(timers.turnSeconds);
              if ('roundSeconds' in timers) patch.roundSeconds = timerValue(timers.roundSeconds);
              setup(patch);
            },

            announce: (text, politeness = 'polite', options = {}) => {
              const trimmed = text.trim();
              if (!trimmed) return;
              announcementId += 1;
              const next = [
                ...get().announcements,
                {
                  id: announcementId,
                  text: trimmed,
                  politeness,
                  ...(options.show ? { show: true } : {}),
                },
              ];
              set({ announcements: next.slice(-MAX_ANNOUNCEMENTS) });
            },

            setGame: (game, handoff = null) => set({ game, handoff: game ? handoff : null }),
            setSavedGameSummary: (savedGameSummary) => set({ savedGameSummary }),
            setNotice: (notice) => set({ notice }),
          };
        },
        {
          name: SETTINGS_KEY,
          version: SETTINGS_VERSION,
          storage: settingsStorage(storage),
          partialize: (state): Persisted => ({ settings: state.settings }),
          // Older versions may have stored the settings flat rather than under `settings`.
          migrate: (stored, version): Persisted => {
            const record = typeof stored === 'object' && stored !== null ? stored : {};
            const inner =
              'settings' in record ? (record as { settings: unknown }).settings : record;
            return { settings: migrateSettings(inner, version) };
          },
          // Always parse what was stored (persist's default merge trusts it blindly).
          merge: (stored, current) =>
            stored === undefined ? current : { ...current, settings: persistedSettings(stored) },
        },
      ),
    ),
  );
  // The set-up is kept as it changes (a reload, or Back, on the set-up screen loses nothing).
  store.subscribe(
    (st) => st.setup,
    (setup) => {
      if (setup.scenarioKey !== null) storage.setItem(SETUP_KEY, JSON.stringify(setup));
    },
  );
  return store;
}
