/**
 * The synth voices: every cue is a few oscillator notes (or a puff of filtered noise) with a
 * short gain envelope, generated on the spot — no audio files. Each lasts under 300 ms and peaks
 * well below full scale (a room of 30 Chromebooks): soft sines and triangles for the game's
 * moves, a pleasant rising triad when a package is agreed, a neutral falling pair when one is
 * rejected, and a distinct filtered square "bip-bip" for a meter leaving its healthy band.
 *
 * Works on any BaseAudioContext, so an OfflineAudioContext can render a cue to check its length
 * and level.
 */
import type { Cue } from './cues.ts';
import type { Synth } from './player.ts';

/** Loudness of everything, before the per-note peaks (which are 0.02–0.06). */
const MASTER_GAIN = 0.8;

interface Note {
  type: OscillatorType;
  /** Hz at the start, and (optionally) glided to by the end. */
  freq: number;
  to?: number;
  /** Seconds after the cue starts. */
  at: number;
  dur: number;
  peak: number;
  attack?: number;
  /** Low-pass cut-off for this note (soften a square wave). */
  lowpass?: number;
}

const C5 = 523.25;
const E5 = 659.25;
const G5 = 783.99;
const D5 = 587.33;
const G4 = 392;
const E4 = 329.63;
const C4 = 261.63;
const A5 = 880;

/** The notes of each cue (the event card adds a noise swish, see `play`). */
export const VOICES: Readonly<Record<Cue, readonly Note[]>> = {
  propose: [{ type: 'triangle', freq: D5, to: D5 * 1.02, at: 0, dur: 0.11, peak: 0.05 }],
  support: [
    { type: 'sine', freq: C5, at: 0, dur: 0.1, peak: 0.045 },
    { type: 'sine', freq: E5, at: 0.07, dur: 0.13, peak: 0.045 },
  ],
  oppose: [{ type: 'triangle', freq: 247, to: 220, at: 0, dur: 0.15, peak: 0.055 }],
  event: [{ type: 'triangle', freq: A5, at: 0.09, dur: 0.07, peak: 0.025 }],
  agreed: [
    { type: 'triangle', freq: C5, at: 0, dur: 0.14, peak: 0.045 },
    { type: 'triangle', freq: E5, at: 0.06, dur: 0.14, peak: 0.045 },
    { type: 'triangle', freq: G5, at: 0.12, dur: 0.16, peak: 0.045 },
  ],
  rejected: [
    { type: 'triangle', freq: E4, at: 0, dur: 0.13, peak: 0.055 },
    { type: 'triangle', freq: C4, at: 0.1, dur: 0.17, peak: 0.055 },
  ],
  decision: [
    { type: 'triangle', freq: 130.81, at: 0, dur: 0.09, peak: 0.05 },
    { type: 'sine', freq: G4, at: 0, dur: 0.27, peak: 0.045 },
    { type: 'sine', freq: D5, at: 0.01, dur: 0.26, peak: 0.035 },
  ],
  turn: [
    { type: 'sine', freq: A5, at: 0, dur: 0.26, peak: 0.05, attack: 0.004 },
    { type: 'sine', freq: A5 * 3, at: 0, dur: 0.12, peak: 0.008, attack: 0.004 },
  ],
  warning: [
    { type: 'square', freq: 440, at: 0, dur: 0.07, peak: 0.03, lowpass: 1400 },
    { type: 'square', freq: 440, at: 0.11, dur: 0.08, peak: 0.03, lowpass: 1400 },
  ],
};

const NOISE_SECONDS = 0.13;
const SILENT = 0.0001;

/** How long a cue sounds, in seconds (tests check each stays under 0.3). */
export function cueLength(cue: Cue): number {
  const notes = Math.max(...VOICES[cue].map((n) => n.at + n.dur));
  return cue === 'event' ? Math.max(notes, NOISE_SECONDS) : notes;
}

/** A synth on `context`, playing into `output` (default: the context's speakers). */
export function createVoices(context: BaseAudioContext, output?: AudioNode): Synth {
  const master = context.createGain();
  master.gain.value = MASTER_GAIN;
  const soften = context.createBiquadFilter();
  soften.type = 'lowpass';
  soften.frequency.value = 5000;
  master.connect(soften).connect(output ?? context.destination);
  let noise: AudioBuffer | null = null;

  const note = (n: Note, t0: number) => {
    const start = t0 + n.at;
    const end = start + n.dur;
    const osc = context.createOscillator();
    osc.type = n.type;
    osc.frequency.setValueAtTime(n.freq, start);
    if (n.to) osc.frequency.exponentialRampToValueAtTime(n.to, end);
    const gain = envelope(context, start, end, n.peak, n.attack ?? 0.006);
    let head: AudioNode = gain;
    if (n.lowpass) {
      const filter = context.createBiquadFilter();
      filter.type = 'lowpass';
      filter.frequency.value = n.lowpass;
      filter.connect(gain);
      head = filter;
    }
    osc.connect(head);
    gain.connect(master);
    osc.onended = () => {
      osc.disconnect();
      if (head !== gain) head.disconnect();
      gain.disconnect();
    };
    osc.start(start);
    osc.stop(end + 0.01);
  };

  /** The event card: a short swish of band-passed noise, like a card slid across the table. */
  const swish = (t0: number) => {
    noise ??= noiseBuffer(context, NOISE_SECONDS);
    const source = context.createBufferSource();
    source.buffer = noise;
    const band = context.createBiquadFilter();
    band.type = 'bandpass';
    band.Q.value = 1.2;
    band.frequency.setValueAtTime(900, t0);
    band.frequency.exponentialRampToValueAtTime(2800, t0 + NOISE_SECONDS);
    const gain = envelope(context, t0, t0 + NOISE_SECONDS, 0.06, 0.02);
    source.connect(band).connect(gain).connect(master);
    source.onended = () => {
      source.disconnect();
      band.disconnect();
      gain.disconnect();
    };
    source.start(t0);
    source.stop(t0 + NOISE_SECONDS + 0.01);
  };

  return {
    play(cue, delay) {
      const t0 = context.currentTime + Math.max(0, delay) + 0.005;
      if (cue === 'event') swish(t0);
      for (const n of VOICES[cue]) note(n, t0);
    },
  };
}

/** Gain from silence to `peak` in `attack` s, then an exponential fade to silence by `end`. */
function envelope(
  context: BaseAudioContext,
  start: number,
  end: number,
  peak: number,
  attack: number,
): GainNode {
  const gain = context.createGain();
  gain.gain.setValueAtTime(SILENT, start);
  gain.gain.exponentialRampToValueAtTime(peak, start + attack);
  gain.gain.exponentialRampToValueAtTime(SILENT, end);
  return gain;
}

function noiseBuffer(context: BaseAudioContext, seconds: number): AudioBuffer {
  const length = Math.ceil(context.sampleRate * seconds);
  const buffer = context.createBuffer(1, length, context.sampleRate);
  const data = buffer.getChannelData(0);
  // A fixed pseudo-random sequence: the same swish every time.
  let x = 0x2545f491;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    data[i] = ((x >>> 0) / 0xffffffff) * 2 - 1;
  }
  return buffer;
}
