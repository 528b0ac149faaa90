/**
 * Key–value storage the app persists to (settings, the autosave). The browser passes a guarded
 * `localStorage`; tests pass `memoryStorage()`. Storage can be missing or full (private browsing,
 * school policies), so every call here is allowed to fail without taking the game down.
 */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  /** Returns false when the value was not kept (the browser's storage full or blocked). */
  setItem(key: string, value: string): unknown;
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
 * reported through `onError`). A write refused for room (the storage is full) first frees the
 * key's old value and tries again: the new value replaces it anyway, and if it still does not
 * fit, what is left is not an older game quietly waiting under "Continue". Falls back to
 * memory when there is no usable localStorage, and reports each write then (kept for the page
 * only).
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
  if (!local) {
    const memory = memoryStorage();
    return {
      ...memory,
      setItem(key, value) {
        memory.setItem(key, value);
        // Kept for this page only: reported at each write, as a refused one is.
        onError?.(new Error('This browser gives the page no storage.'));
        return false;
      },
    };
  }
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
        return true;
      } catch (error) {
        try {
          store.removeItem(key);
          store.setItem(key, value);
          return true;
        } catch {
          onError?.(error);
          return false;
        }
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
