/**
 * A game's phase in words: its name on the game's screens (the top bar, the table's centre),
 * and in a sentence for the title's saved-game label ("round 2 of 3, negotiating"). Its own
 * module: the title is in the first download, and view-model.ts would bring the rules with it.
 */
import type { Phase } from '../rules/types.ts';

/** A phase's name on the game's screens. */
export const PHASE_NAMES: Record<Phase, string> = {
  briefing: 'Briefing',
  event: 'Event',
  negotiation: 'Negotiation',
  roundEnd: 'Round end',
  stances: 'Public stances',
  decision: 'Decision',
  aftermath: 'Twelve months later',
  debrief: 'Debrief',
};

/** A phase in a sentence (a saved game's label: "round 2 of 3, negotiating"). */
const IN_A_SENTENCE: Record<Phase, string> = {
  briefing: 'briefing',
  event: "the round's event",
  negotiation: 'negotiating',
  roundEnd: 'end of the round',
  stances: 'public stances',
  decision: 'the decision',
  aftermath: 'the aftermath',
  debrief: 'debrief',
};

export function phaseWords(phase: Phase): string {
  return IN_A_SENTENCE[phase];
}
