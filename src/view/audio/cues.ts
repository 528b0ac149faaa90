/**
 * Which sound cues a store change calls for. Pure (no Web Audio, no DOM): unit-tested in node
 * (tests/view/audio-cues.test.ts).
 *
 * The cues follow the same events the screen reader hears: the new entries of the game log
 * (src/app/announce.ts describes each one; the session announces them in the same snapshot that
 * it mirrors into `store.game`), the meters, and the "your move" / hand-off prompts. So a sound
 * never says something the live region does not.
 *
 * Type-only imports from the engine: this file is in the first chunk (see
 * docs/browser-architecture.md, "Two chunks").
 */
import type { LogEntry, MeterId } from '../../rules/types.ts';
import type { GameView, Handoff } from '../../store/types.ts';

export const CUES = [
  'propose',
  'support',
  'oppose',
  'event',
  'agreed',
  'rejected',
  'decision',
  'turn',
  'warning',
] as const;
export type Cue = (typeof CUES)[number];

/** When several cues land together, the higher ones are heard (see `pickCues`). */
export const CUE_PRIORITY: Readonly<Record<Cue, number>> = {
  support: 3,
  oppose: 3,
  propose: 4,
  event: 5,
  agreed: 6,
  rejected: 6,
  decision: 7,
  turn: 8,
  warning: 9,
};

/** What the cue mapping looks at: the store's `game` and `handoff`. */
export interface AudioFrame {
  game: GameView | null;
  handoff: Handoff | null;
}

/** The cue for one log entry, or null for entries that stay quiet. */
export function cueForLogEntry(entry: LogEntry): Cue | null {
  switch (entry.kind) {
    case 'event':
      return 'event';
    case 'proposed':
    case 'amended':
    case 'stance':
      return 'propose';
    case 'response':
      return entry.subjects[0] === 'support' ? 'support' : 'oppose';
    case 'agreed':
      return 'agreed';
    case 'rejected':
    case 'withdrawn':
    case 'defer':
      return 'rejected';
    case 'decision':
      return 'decision';
    case 'audit':
      return entry.subjects[1] === 'breached' ? 'oppose' : 'support';
    default:
      // begin, passed, timeout, delayed-effect, round-end, epilogue: the screen says enough.
      return null;
  }
}

/**
 * The cues for a change from `before` to `after`, in the order things happened: one per new log
 * entry that has one, then `warning` when a meter left its healthy band, then `turn` when a
 * person's move (or a pass-and-play hand-off) begins. Nothing when a game appears (new or
 * continued), goes away, or is replaced by another.
 */
export function cuesForChange(before: AudioFrame, after: AudioFrame): Cue[] {
  const a = before.game;
  const b = after.game;
  if (!a || !b) return [];
  // A different game (started again from the same screen): its history is not news.
  if (b.step < a.step || b.view.log.length < a.view.log.length) return [];

  const cues: Cue[] = [];
  const lastSeq = a.view.log.at(-1)?.seq ?? -1;
  for (const entry of b.view.log.slice(a.view.log.length)) {
    if (entry.seq <= lastSeq) continue;
    const cue = cueForLogEntry(entry);
    if (cue) cues.push(cue);
  }

  if (leftHealthyBand(a, b)) cues.push('warning');

  const turn = turnKey(after);
  if (turn !== null && turn !== turnKey(before) && a.waiting !== 'paused') cues.push('turn');
  return cues;
}

/** True when some meter was inside its healthy band before and is outside it now. */
function leftHealthyBand(a: GameView, b: GameView): boolean {
  for (const id of Object.keys(b.view.meters) as MeterId[]) {
    const band = b.scenario.meters[id]?.band;
    if (!band) continue;
    const inside = (v: number | undefined) => v !== undefined && v >= band.low && v <= band.high;
    if (inside(a.view.meters[id]) && !inside(b.view.meters[id])) return true;
  }
  return false;
}

/**
 * Identifies "a person's move begins": the step and the role asked (by a hand-off, or by the
 * choices once the device is in the right hands). The hand-off and the confirmed move that
 * follows share a key, so a turn is signalled once.
 */
function turnKey(frame: AudioFrame): string | null {
  const game = frame.game;
  if (!game || game.over) return null;
  if (frame.handoff) return `${game.step}|${frame.handoff.role}`;
  if (game.waiting === 'human' && game.choices) return `${game.step}|${game.choices.role}`;
  return null;
}

/**
 * At most `max` cues of those that landed together: the highest priority first, each cue once,
 * played in the order they happened (an agreed package, then the meter warning it caused).
 */
export function pickCues(cues: readonly Cue[], max = 2): Cue[] {
  const unique = [...new Set(cues)];
  const kept = new Set(
    [...unique].sort((x, y) => CUE_PRIORITY[y] - CUE_PRIORITY[x]).slice(0, Math.max(0, max)),
  );
  return unique.filter((c) => kept.has(c));
}
