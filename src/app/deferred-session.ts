/**
 * The session the title screen can use before the game engine has loaded. The engine (XState,
 * the rules, the bots, the scenario loader) is a separate chunk fetched right after the page
 * starts, so the first screen appears sooner; main.ts attaches the real session when it lands.
 * Until then the methods answer "not yet": `start()` says the game is still loading, the rest do
 * nothing or return false/null. `store.loaded` turns true when the real session is attached.
 * Type-only imports: nothing of the engine is pulled into the first chunk.
 */
import type { Session } from './session.ts';

export interface DeferredSession {
  /** Stable object for scenes and tests: forwards to the real session once attached. */
  readonly session: Session;
  attach(real: Session): void;
}

export function createDeferredSession(): DeferredSession {
  let real: Session | null = null;
  const session: Session = {
    get actor() {
      return real?.actor ?? null;
    },
    get table() {
      return real?.table ?? null;
    },
    start: () =>
      real
        ? real.start()
        : { ok: false, message: 'The game is still loading. Try again in a moment.' },
    checkSave: () => real?.checkSave(),
    continueSaved: () => (real ? real.continueSaved() : false),
    send: (action) => (real ? real.send(action) : false),
    continue: () => (real ? real.continue() : false),
    confirmHandoff: () => real?.confirmHandoff(),
    finishBriefing: () => real?.finishBriefing(),
    pause: () => real?.pause(),
    resume: () => real?.resume(),
    leave: () => real?.leave(),
    clearSave: () => real?.clearSave(),
    savedElsewhere: () => real?.savedElsewhere(),
    saveNow: () => real?.saveNow(),
    packageProblem: (ids) => (real ? real.packageProblem(ids) : 'The game is still loading.'),
    rememberTicks: (role, ids) => real?.rememberTicks(role, ids),
    rememberedTicks: (role) => real?.rememberedTicks(role) ?? [],
    dispose: () => real?.dispose(),
  };
  return {
    session,
    attach(next) {
      real = next;
    },
  };
}
