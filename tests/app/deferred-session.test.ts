import { describe, expect, it, vi } from 'vitest';
import { createDeferredSession } from '../../src/app/deferred-session.ts';
import type { Session } from '../../src/app/session.ts';

describe('deferred session', () => {
  it('answers "not yet" before the engine is attached', () => {
    const { session } = createDeferredSession();
    expect(session.start()).toMatchObject({ ok: false, message: expect.stringMatching(/loading/) });
    expect(session.send({ type: 'BEGIN' })).toBe(false);
    expect(session.continueSaved()).toBe(false);
    expect(session.packageProblem(['x'])).toMatch(/loading/);
    expect(session.actor).toBeNull();
    expect(() => session.pause()).not.toThrow();
  });

  it('forwards everything once attached, null and false results included', () => {
    const { session, attach } = createDeferredSession();
    const real = {
      start: vi.fn(() => ({ ok: true as const })),
      packageProblem: vi.fn(() => null),
      send: vi.fn(() => false),
      pause: vi.fn(),
      actor: null,
      table: null,
    } as unknown as Session;
    attach(real);
    expect(session.start()).toEqual({ ok: true });
    expect(session.packageProblem(['a'])).toBeNull();
    expect(session.send({ type: 'BEGIN' })).toBe(false);
    session.pause();
    expect(real.pause).toHaveBeenCalledOnce();
  });
});
