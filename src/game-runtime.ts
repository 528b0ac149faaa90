/**
 * The engine chunk: everything that plays a game — the session (XState machine, rules, bots,
 * autosave), the scenario loader with the shipped scenarios, and the in-game scenes. main.ts
 * imports it dynamically right after start-up, so the title screen does not wait for it.
 * Keep first-screen code (store, theme, a11y, ui, Title/Setup) from importing these modules
 * statically, or they fold back into the first chunk (docs/browser-architecture.md).
 */
export { createSession } from './app/session.ts';
export { loadShipped } from './store/catalogue-load.ts';
export { SHIPPED_SCENARIOS } from './store/shipped.ts';
export { watchOtherPages } from './view/dom/save-watch.ts';
export { createGameScenes } from './view/game-scenes.ts';
