import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserStorage } from '../../src/store/storage.ts';

/** A localStorage that holds at most `room` characters in all, as a full browser storage does. */
function smallStorage(room: number, initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  const used = () => [...data].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => {
      const before = data.get(key);
      data.set(key, value);
      if (used() > room) {
        if (before === undefined) data.delete(key);
        else data.set(key, before);
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
    },
    removeItem: (key: string) => {
      data.delete(key);
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('browserStorage', () => {
  it('makes room for a save that grew by freeing the old one first', () => {
    // The old save and the new one do not fit side by side, but the new one fits alone.
    const local = smallStorage(100, { save: 'x'.repeat(40), other: 'y'.repeat(20) });
    vi.stubGlobal('localStorage', local);
    const errors: unknown[] = [];
    const storage = browserStorage((e) => errors.push(e));
    storage.setItem('save', 'z'.repeat(70));
    expect(storage.getItem('save')).toBe('z'.repeat(70));
    expect(storage.getItem('other')).toBe('y'.repeat(20));
    expect(errors).toEqual([]);
  });

  it('reports a save that does not fit, and leaves no older one to continue by mistake', () => {
    const local = smallStorage(100, { save: 'old game' });
    vi.stubGlobal('localStorage', local);
    const errors: unknown[] = [];
    const storage = browserStorage((e) => errors.push(e));
    storage.setItem('save', 'n'.repeat(200));
    expect(errors).toHaveLength(1);
    expect(storage.getItem('save')).toBeNull();
  });

  it('keeps the game in memory when the page has no storage, and reports each write', () => {
    vi.stubGlobal('localStorage', undefined);
    const errors: unknown[] = [];
    const storage = browserStorage((e) => errors.push(e));
    expect(storage.setItem('save', 'a')).toBe(false);
    storage.setItem('save', 'b');
    expect(storage.getItem('save')).toBe('b');
    expect(errors).toHaveLength(2);
  });
});
