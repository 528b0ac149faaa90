/**
 * Turns batches of cues into sounds, politely: nothing when sound is off or the page cannot be
 * heard (tab hidden, audio not started), never a queue (what cannot play now is dropped, not
 * saved for later), at most two cues per batch and no new batch within `minGapMs` of the last
 * sound (a `?fast=1` flurry of bot moves gives a sound now and then, not a drum roll).
 *
 * No Web Audio here: the sounds come from a `Synth` (src/view/audio/voices.ts in the browser, a
 * recorder in tests), and time from `now`.
 */
import { CUES, type Cue, pickCues } from './cues.ts';

export interface Synth {
  /** Plays `cue` starting `delay` seconds from now. */
  play(cue: Cue, delay: number): void;
}

export interface CuePlayerOptions {
  /** The synth, or null when nothing can be heard now (no audio context, tab hidden…). */
  synth: () => Synth | null;
  /** The player's sound setting. */
  enabled: () => boolean;
  /** Milliseconds (default performance.now / Date.now). */
  now?: () => number;
  /** Minimum time between two sounds, ms (default 120). */
  minGapMs?: number;
  /** Delay of the second cue of a batch, ms (default 160). */
  pairGapMs?: number;
}

/** Counters for tests and troubleshooting (`window.__oversight.audio.stats`). */
export interface CueStats {
  played: Record<Cue, number>;
  /** Cues that would have sounded but were dropped (rate limit, hidden tab, audio not ready). */
  dropped: number;
  /** The last cues played, newest last (up to 20). */
  recent: Cue[];
}

export class CuePlayer {
  readonly stats: CueStats = {
    played: Object.fromEntries(CUES.map((c) => [c, 0])) as Record<Cue, number>,
    dropped: 0,
    recent: [],
  };
  private nextAllowed = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;
  private readonly minGap: number;
  private readonly pairGap: number;

  constructor(private readonly options: CuePlayerOptions) {
    this.now = options.now ?? (() => globalThis.performance?.now() ?? Date.now());
    this.minGap = options.minGapMs ?? 120;
    this.pairGap = options.pairGapMs ?? 160;
  }

  /** Plays what it may of `cues`; returns the cues played. */
  play(cues: readonly Cue[]): Cue[] {
    if (cues.length === 0 || !this.options.enabled()) return [];
    const picked = pickCues(cues, 2);
    const now = this.now();
    const synth = now >= this.nextAllowed ? this.options.synth() : null;
    if (!synth) {
      this.stats.dropped += picked.length;
      return [];
    }
    picked.forEach((cue, i) => {
      synth.play(cue, (i * this.pairGap) / 1000);
      this.stats.played[cue] += 1;
      this.stats.recent.push(cue);
    });
    if (this.stats.recent.length > 20) this.stats.recent.splice(0, this.stats.recent.length - 20);
    this.nextAllowed = now + (picked.length - 1) * this.pairGap + this.minGap;
    return picked;
  }
}
