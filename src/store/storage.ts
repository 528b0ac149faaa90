/**
 * Key–value storage the app persists to (settings, the autosave). The browser passes a guarded
 * `localStorage`; tests pass `memoryStorage()`. Storage can be missing or full (private browsing,
 * school policies), so every call here is allowed to fail without taking the game down.
 */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** An in-memory storage: for tests, and the fallback when the browser's is unavailable. */
export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & {
  readonly data: Map<string, string>;
} {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      data.set(key, String(value));
    },
    removeItem: (key) => {
      data.delete(key);
    },
  };
}

/**
 * `localStorage`, guarded: reads that throw return null, writes that throw are dropped (and
 * reported through `onError`). Falls back to memory when there is no usable localStorage.
 */
export function browserStorage(onError?: (error: unknown) => void): KeyValueStorage {
  let local: Storage | null = null;
  try {
    local = globalThis.localStorage ?? null;
    // Touch it: some browsers expose the object but throw on use.
    local?.getItem('oversight.probe');
  } catch {
    local = null;
  }
  if (!local) return memoryStorage();
  const store = local;
  return {
    getItem(key) {
      try {
        return store.getItem(key);
      } catch (error) {
        onError?.(error);
        return null;
      }
    },
    setItem(key, value) {
      try {
        store.setItem(key, value);
      } catch (error) {
        onError?.(error);
      }
    },
    removeItem(key) {
      try {
        store.removeItem(key);
      } catch (error) {
        onError?.(error);
      }
    },
  };
}
