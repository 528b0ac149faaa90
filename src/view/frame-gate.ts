/**
 * When to draw a frame, as a plain state machine (src/view/render-gate.ts wires it to Phaser).
 *
 * A signal (`invalidate`) means the picture may have changed: the next frame, and every frame
 * for `SETTLE_MS`, are drawn, since what a signal sets off may land a little later (a scene
 * started by a store change is created in the next step, and says so with a signal of its own:
 * it sets the store's active scene). On a slow machine the next frame may come after
 * `SETTLE_MS`: one whole frame is then enough (a second one, as before, cost a move on a
 * throttled Chromebook another 30 ms and showed nothing new). Past that, a frame is drawn while
 * something is animating, and at least every `MAX_IDLE_MS` whatever happens, so a change that
 * slipped past every signal still shows within a second.
 */

/** After a signal, frames are drawn for at least this long (ms)… */
export const SETTLE_MS = 50;
/** …and at least this many frames. */
export const SETTLE_FRAMES = 1;
/** The longest the picture goes without being drawn again, ms. */
export const MAX_IDLE_MS = 1000;

export class FrameGate {
  /** Frames drawn and skipped so far; of those drawn, how many only in part (render-gate.ts). */
  readonly counts = { drawn: 0, skipped: 0, partial: 0 };
  /** Draw every frame (`?frames=all`, to compare): nothing is skipped. */
  private readonly always: boolean;
  private drawUntil = Number.NEGATIVE_INFINITY;
  private framesToDraw = 0;
  private lastDrawn = Number.NEGATIVE_INFINITY;

  constructor(options: { always?: boolean } = {}) {
    this.always = options.always ?? false;
  }

  /** Something on the picture may have changed at `now` (ms). */
  invalidate(now: number): void {
    this.drawUntil = now + SETTLE_MS;
    this.framesToDraw = SETTLE_FRAMES;
  }

  /**
   * Whether to draw the frame at `time` (ms, the same clock as `invalidate`). `animating` is
   * asked only when no signal or deadline settles it (it walks the scenes).
   */
  frame(time: number, animating: () => boolean): boolean {
    return this.decide(time, animating) !== 'skip';
  }

  /**
   * `frame`, saying why: 'full' (a signal, the deadline, or every frame drawn), 'animating'
   * (only because something is animating: what changes is what the animations draw), 'skip'.
   */
  decide(time: number, animating: () => boolean): 'full' | 'animating' | 'skip' {
    const full =
      this.always ||
      this.framesToDraw > 0 ||
      time < this.drawUntil ||
      time - this.lastDrawn >= MAX_IDLE_MS;
    const kind = full ? 'full' : animating() ? 'animating' : 'skip';
    if (kind !== 'skip') {
      this.lastDrawn = time;
      this.framesToDraw = Math.max(0, this.framesToDraw - 1);
      this.counts.drawn++;
    } else {
      this.counts.skipped++;
    }
    return kind;
  }
}
