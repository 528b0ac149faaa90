/**
 * The page's heading: one visually hidden <h1> naming the screen on show ("Briefing",
 * "Negotiation table", "Pass the device to the Met"…), first in <main>, so screen-reader users
 * can jump to it and hear where they are (the canvas has no headings of its own). The document
 * title follows it ("Briefing · Oversight"), so the browser tab and history say it too.
 * DOM only; text via textContent.
 */
import type { AppStore } from '../../store/app-store.ts';
import type { AppState } from '../../store/types.ts';

const PHASE_HEADINGS: Partial<Record<string, string>> = {
  event: 'Negotiation table: a new event',
  negotiation: 'Negotiation table',
  roundEnd: 'Negotiation table: the round is over',
  stances: 'Public stances',
  decision: 'The decision',
};

/** The name of the screen the store shows. */
export function screenHeading(state: AppState): string {
  const { screen, game, handoff } = state;
  if (handoff && game && !game.over) return `Pass the device to ${handoff.roleName}`;
  if (game?.paused && screen !== 'title' && screen !== 'setup') return 'Paused';
  switch (screen) {
    case 'boot':
    case 'title':
      return 'Oversight';
    case 'setup':
      return 'Set up a game';
    case 'briefing':
      return 'Briefing';
    case 'table':
    case 'decision':
      return (game && PHASE_HEADINGS[game.phase]) ?? 'Negotiation table';
    case 'aftermath':
      return 'Twelve months later';
    case 'debrief':
      return 'Debrief';
  }
}

export function mountScreenHeading(main: HTMLElement, store: AppStore): () => void {
  const h1 = document.createElement('h1');
  h1.className = 'sr-only';
  h1.dataset.screenHeading = '';
  main.prepend(h1);
  const show = (text: string) => {
    h1.textContent = text;
    document.title = text === 'Oversight' ? 'Oversight' : `${text} · Oversight`;
  };
  show(screenHeading(store.getState()));
  const unsubscribe = store.subscribe(screenHeading, show);
  return () => {
    unsubscribe();
    h1.remove();
  };
}
