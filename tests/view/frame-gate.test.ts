import { describe, expect, it } from 'vitest';
import { FrameGate, MAX_IDLE_MS, SETTLE_FRAMES, SETTLE_MS } from '../../src/view/frame-gate.ts';

const still = () => false;
const moving = () => true;

/** Runs frames 16 ms apart from `from` and returns which were drawn. */
function frames(gate: FrameGate, from: number, count: number, animating = still): boolean[] {
  return Array.from({ length: count }, (_, i) => gate.frame(from + 16 * i, animating));
}

describe('FrameGate: frames are drawn only when the picture may have changed', () => {
  it('draws the first frame, then skips while nothing happens', () => {
    const gate = new FrameGate();
    expect(gate.frame(0, still)).toBe(true);
    expect(frames(gate, 16, 10)).toEqual(Array(10).fill(false));
    expect(gate.counts).toEqual({ drawn: 1, skipped: 10, partial: 0 });
  });

  it('after a signal, draws for the settle time and at least the settle frames', () => {
    const gate = new FrameGate();
    gate.frame(0, still);
    gate.invalidate(100);
    const drawn = frames(gate, 100, 20);
    const settled = Math.ceil(SETTLE_MS / 16);
    expect(drawn.slice(0, settled)).toEqual(Array(settled).fill(true));
    expect(drawn.slice(settled)).toEqual(Array(20 - settled).fill(false));

    // A slow machine: frames 200 ms apart still get the settle frames after a signal.
    gate.invalidate(1000);
    const slow = Array.from({ length: SETTLE_FRAMES + 2 }, (_, i) =>
      gate.frame(1000 + 200 * i, still),
    );
    expect(slow).toEqual([...Array(SETTLE_FRAMES).fill(true), false, false]);
  });

  it('draws every frame while something animates', () => {
    const gate = new FrameGate();
    gate.frame(0, still);
    expect(frames(gate, 16, 30, moving)).toEqual(Array(30).fill(true));
    expect(frames(gate, 16 * 31, 3, still)).toEqual([false, false, false]);
  });

  it('says when a frame is drawn only for an animation (which may then be drawn in part)', () => {
    const gate = new FrameGate();
    expect(gate.decide(0, moving)).toBe('full');
    gate.invalidate(100);
    // The frames a signal settles are whole, whatever animates; after them, animation frames.
    const kinds = Array.from({ length: 8 }, (_, i) => gate.decide(100 + 16 * i, moving));
    const settled = Math.max(SETTLE_FRAMES, Math.ceil(SETTLE_MS / 16));
    expect(kinds.slice(0, settled)).toEqual(Array(settled).fill('full'));
    expect(kinds.slice(settled)).toEqual(Array(8 - settled).fill('animating'));
    expect(gate.decide(300, still)).toBe('skip');
    // The idle limit's frame is whole even while something animates.
    expect(gate.decide(300 + MAX_IDLE_MS, moving)).toBe('full');
    // The every-frame mode draws whole frames only.
    const all = new FrameGate({ always: true });
    expect([all.decide(0, moving), all.decide(16, moving)]).toEqual(['full', 'full']);
  });

  it('never goes longer than the idle limit without drawing', () => {
    const gate = new FrameGate();
    const drawnAt: number[] = [];
    for (let t = 0; t <= 3 * MAX_IDLE_MS; t += 16) if (gate.frame(t, still)) drawnAt.push(t);
    expect(drawnAt.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < drawnAt.length; i++) {
      expect((drawnAt[i] as number) - (drawnAt[i - 1] as number)).toBeLessThanOrEqual(
        MAX_IDLE_MS + 16,
      );
    }
  });

  it('in the every-frame mode (?frames=all) draws every frame, counted', () => {
    const gate = new FrameGate({ always: true });
    expect(frames(gate, 0, 20)).toEqual(Array(20).fill(true));
    expect(gate.counts).toEqual({ drawn: 20, skipped: 0, partial: 0 });
  });

  it('does not ask whether anything animates when a signal already decides', () => {
    const gate = new FrameGate();
    gate.invalidate(0);
    let asked = 0;
    gate.frame(0, () => {
      asked++;
      return false;
    });
    expect(asked).toBe(0);
  });
});
