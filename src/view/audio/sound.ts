/**
 * The wiring: store changes → cues (./cues.ts) → player (./player.ts, rate limit and gating) →
 * voices (./voices.ts, Web Audio). main.ts mounts it once.
 *
 * - The AudioContext is ours, created on the first user gesture (pointer, key, touch) while the
 *   sound setting is on — never at page load, so the browser's autoplay policy has nothing to
 *   block. Phaser's own sound manager is switched off (`audio.noAudio` in main.ts): the game
 *   loads no audio files, and a second context would keep an audio stream open for nothing.
 * - Sound off: the context is suspended (no audio thread work on a classroom laptop). Turning it
 *   on plays one soft cue, so the player hears what the setting does.
 * - Tab hidden: the context is suspended and cues are dropped, not queued; coming back is quiet.
 * - `prefers-reduced-motion` does not touch sound: they are separate settings.
 */
import type { AppStore } from '../../store/app-store.ts';
import { cuesForChange } from './cues.ts';
import { CuePlayer, type CueStats, type Synth } from './player.ts';
import { createVoices } from './voices.ts';

/** `window.__oversight.audio`: what was played, and the context's state ('none' before one). */
export interface SoundDebug {
  readonly stats: CueStats;
  readonly contextState: string;
}

export interface SoundSystem {
  readonly debug: SoundDebug;
  dispose(): void;
}

type ContextClass = new (options?: AudioContextOptions) => AudioContext;

export function mountSound(store: AppStore, win: Window & typeof globalThis = window): SoundSystem {
  const doc = win.document;
  const Context: ContextClass | undefined =
    win.AudioContext ??
    (win as unknown as { webkitAudioContext?: ContextClass }).webkitAudioContext;
  let context: AudioContext | null = null;
  let synth: Synth | null = null;
  let gestured = false;

  const soundOn = () => store.getState().settings.sound;
  const visible = () => doc.visibilityState !== 'hidden';
  const activated = () => gestured || (win.navigator.userActivation?.hasBeenActive ?? false);

  const player = new CuePlayer({
    enabled: soundOn,
    synth: () => (context?.state === 'running' && visible() ? synth : null),
  });

  /** Creates or resumes the context: only once the page has had a user gesture. */
  const wake = (): Promise<void> => {
    if (!soundOn() || !visible() || !Context || !activated()) return Promise.resolve();
    if (!context) {
      try {
        context = new Context({ latencyHint: 'interactive' });
        synth = createVoices(context);
      } catch {
        context = null;
        return Promise.resolve();
      }
    }
    return context.state === 'running' ? Promise.resolve() : context.resume().catch(() => {});
  };
  const sleep = () => {
    if (context?.state === 'running') context.suspend().catch(() => {});
  };

  const onGesture = () => {
    gestured = true;
    if (context?.state !== 'running') void wake();
  };
  const onVisibility = () => {
    if (!visible()) sleep();
    else if (context) void wake();
  };
  const gestureEvents = ['pointerdown', 'keydown', 'touchend'] as const;
  for (const type of gestureEvents) {
    win.addEventListener(type, onGesture, { capture: true, passive: true });
  }
  doc.addEventListener('visibilitychange', onVisibility);

  const unsubscribers = [
    store.subscribe(
      (s) => s.settings.sound,
      (on) => {
        if (on) {
          // Switched on by the player (a click or a key): let them hear it.
          void wake().then(() => player.play(['support']));
        } else sleep();
      },
    ),
    store.subscribe((state, prev) => {
      if (state.game === prev.game && state.handoff === prev.handoff) return;
      player.play(
        cuesForChange(
          { game: prev.game, handoff: prev.handoff },
          { game: state.game, handoff: state.handoff },
        ),
      );
    }),
  ];

  return {
    debug: {
      stats: player.stats,
      get contextState() {
        return context?.state ?? 'none';
      },
    },
    dispose() {
      for (const u of unsubscribers) u();
      for (const type of gestureEvents) win.removeEventListener(type, onGesture, { capture: true });
      doc.removeEventListener('visibilitychange', onVisibility);
      context?.close().catch(() => {});
      context = null;
      synth = null;
    },
  };
}
