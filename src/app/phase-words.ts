/**
 * A game's phase in a player's words, for the title's saved-game label. Its own module: the
 * title is in the first download, and view-model.ts would bring the rules with it.
 */
import type { Phase } from '../rules/types.ts';

/** A phase in a player's words (a saved game's label: "round 2 of 3, negotiating"). */
export function phaseWords(phase: Phase): string {
  switch (phase) {
    case 'briefing':
      return 'briefing';
    case 'event':
      return "the round's event";
    case 'negotiation':
      return 'negotiating';
    case 'roundEnd':
      return 'end of the round';
    case 'stances':
      return 'public stances';
    case 'decision':
      return 'the decision';
    case 'aftermath':
      return 'the aftermath';
    case 'debrief':
      return 'debrief';
  }
}
