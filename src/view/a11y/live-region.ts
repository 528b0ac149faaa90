/**
 * The ARIA live regions: a polite one (role="status") for game events, proposals, responses,
 * meter changes and bot reasons, and an assertive one (role="alert") for errors. They read the
 * store's `announcements`; anything that wants to be heard calls `store.getState().announce()`.
 *
 * A region is cleared and refilled a moment later for each message, so a repeated sentence
 * ("Vendor passes.") is read again. Messages arriving together are joined into one update, so
 * none is lost when several land in the same tick (a package agreed, then the meters). One
 * marked `show` is also shown on the page for a moment (a toast).
 */
import type { AppStoreApi } from '../../store/app-store.ts';
import type { Announcement } from '../../store/types.ts';
import { showToast } from '../dom/toast.ts';

/** How long an announcement that is also shown stays on the page (ms). */
const SHOWN_MS = 3500;

/** How long an alert's words stay in the page after they were said (ms). */
const ALERT_KEPT_MS = 8000;

export class LiveRegions {
  readonly polite: HTMLDivElement;
  readonly assertive: HTMLDivElement;
  private queued: Record<Announcement['politeness'], string[]> = { polite: [], assertive: [] };
  private flushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(host: HTMLElement) {
    this.polite = region('status', 'polite');
    this.assertive = region('alert', 'assertive');
    host.append(this.polite, this.assertive);
  }

  say(text: string, politeness: Announcement['politeness'] = 'polite'): void {
    this.queued[politeness].push(text);
    if (this.flushTimer === null) this.flushTimer = setTimeout(() => this.flush(), 50);
  }

  /** Speaks every announcement added to the store from now on. Returns the unsubscribe. */
  bind(store: AppStoreApi): () => void {
    let lastId = store.getState().announcements.at(-1)?.id ?? 0;
    return store.subscribe((state) => {
      const list = state.announcements;
      for (const a of list) {
        if (a.id <= lastId) continue;
        this.say(a.text, a.politeness);
        // Seen as well as heard: the toast is hidden from screen readers, which hear it here.
        if (a.show) showToast(document.body, a.text, state.settings, SHOWN_MS);
      }
      lastId = list.at(-1)?.id ?? lastId;
    });
  }

  private flush(): void {
    this.flushTimer = null;
    for (const politeness of ['polite', 'assertive'] as const) {
      const texts = this.queued[politeness];
      if (texts.length === 0) continue;
      this.queued[politeness] = [];
      const element = politeness === 'polite' ? this.polite : this.assertive;
      element.textContent = '';
      // Refilled a moment later, so screen readers treat it as new (rAF would stall in a
      // background tab).
      const text = texts.join(' ');
      setTimeout(() => {
        element.textContent = text;
      }, 30);
      // An alert is about a moment ("a package holds at most three"): once read, it goes, so
      // a screen reader reading the page later does not meet it after it stopped applying.
      if (politeness === 'assertive') {
        setTimeout(() => {
          if (element.textContent === text) element.textContent = '';
        }, ALERT_KEPT_MS);
      }
    }
  }
}

function region(role: 'status' | 'alert', live: 'polite' | 'assertive'): HTMLDivElement {
  const element = document.createElement('div');
  element.className = 'sr-only';
  element.setAttribute('role', role);
  element.setAttribute('aria-live', live);
  element.setAttribute('aria-atomic', 'true');
  element.dataset.liveRegion = live;
  return element;
}
