/**
 * The shape of the app store. Everything a scene draws comes from here; nothing here is game
 * truth (that lives in the XState actor, see src/app/session.ts, which mirrors it into `game`).
 */
import type { Seat } from '../bots/types.ts';
import type {
  AssuranceId,
  DecisionId,
  Phase,
  RoleId,
  RoleView,
  RuleError,
} from '../rules/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { CatalogueEntry, OpenErrors } from './catalogue.ts';
import type { Settings } from './settings.ts';
import type { Mode, SetupState } from './setup.ts';

/** One screen = one Phaser scene (see src/view/router.ts). */
export type Screen =
  | 'boot'
  | 'title'
  | 'setup'
  | 'briefing'
  | 'table'
  | 'decision'
  | 'aftermath'
  | 'debrief';

/** What a person must (or may) do now, when it is a person's move. */
export interface HumanChoices {
  /** The role the person plays; the private info shown is this role's. */
  role: RoleId;
  kind: 'propose' | 'respond' | 'stance' | 'decide';
  /** propose: the assurances that may go into a package now (check a pick with
   * `session.packageProblem`). */
  proposable: AssuranceId[];
  /** respond: the legal amendments to the package on the table. */
  amendments: { remove: AssuranceId; add: AssuranceId }[];
  /** stance / decide: the decisions open now. */
  decisions: DecisionId[];
}

/**
 * What the game is waiting for:
 * - 'human'    a person's move (see `choices`)
 * - 'bot'      a bot is about to move (the session schedules it)
 * - 'continue' a screen to acknowledge: send `session.continue()` (event card, round end,
 *              aftermath; and the briefing once every private brief has been read)
 * - 'read'     pass-and-play briefing: `briefing.reader` reads their private brief, then
 *              `session.finishBriefing()`
 * - 'handoff'  pass-and-play: the device must go to `handoff.role` first
 * - 'paused'   the game is paused: `session.resume()`
 * - 'over'     the debrief
 */
export type Waiting = 'human' | 'bot' | 'continue' | 'read' | 'handoff' | 'paused' | 'over';

export interface GameTimers {
  turnSeconds: number | null;
  roundSeconds: number | null;
  /** When the current turn/response started (session clock, ms), or null without a timer. */
  turnStartedAt: number | null;
  roundStartedAt: number | null;
  /** Paused in the negotiation: the time each timer has left (ms; null without it). */
  frozen?: { turnMs: number | null; roundMs: number | null } | null;
}

/** The running game as the screens see it: mirrored from every actor snapshot. */
export interface GameView {
  scenario: Scenario;
  /** The game as the viewer may see it (another role's secrets are redacted by `viewFor`). */
  view: RoleView;
  /** Whose private info `view.me` holds: the person at the device, or null (public view). */
  viewer: RoleId | null;
  phase: Phase;
  /** The machine's state value as a dotted path, e.g. "playing.negotiation.turn", "paused". */
  machineState: string;
  paused: boolean;
  over: boolean;
  lastError: RuleError | null;
  mode: Mode;
  /** What the teacher named this table ("Table 3"), or null. */
  tableName: string | null;
  seats: Record<RoleId, Seat>;
  /** The role the rules expect to act now (null on screens), and who sits there. */
  acting: { role: RoleId | null; seat: Seat | null };
  waiting: Waiting;
  /** Set when `waiting` is 'human'. */
  choices: HumanChoices | null;
  /** Pass-and-play briefing: the person now reading, and those still to read. */
  briefing: { reader: RoleId | null; pending: RoleId[] };
  timers: GameTimers;
  /** Number of accepted actions so far (changes on every accepted move). */
  step: number;
}

/** Pass-and-play: hand the device to this role before anything private is shown. */
export interface Handoff {
  role: RoleId;
  roleName: string;
  why: 'briefing' | 'turn';
}

export interface Announcement {
  /** Increasing; a repeated text still gets a new id (so it is read again). */
  id: number;
  text: string;
  politeness: 'polite' | 'assertive';
  /** Shown on the page too, for a moment (what a sighted player would otherwise miss). */
  show?: boolean;
}

/** What the title's "Continue" button says about the autosave. */
export interface SavedGameSummary {
  scenarioId: string;
  scenarioTitle: string;
  phase: Phase;
  round: number;
  roundsTotal: number;
  mode: Mode;
  finished: boolean;
}

/** A message for the title screen (e.g. why a saved game could not be continued). */
export interface Notice {
  kind: 'save-problem' | 'error' | 'info';
  text: string;
}

export interface AppData {
  screen: Screen;
  /** Key of the Phaser scene that finished creating its controls last (a test hook). */
  activeScene: string | null;
  /**
   * True once the game engine chunk and the shipped scenarios are in (the session works and the
   * catalogue is filled). Tests wait for it; the title shows "Loading…" until then.
   */
  loaded: boolean;
  settings: Settings;
  /** The OS's prefers-reduced-motion (kept up to date by main.ts; false in node). */
  systemReducedMotion: boolean;
  catalogue: CatalogueEntry[];
  /** Problems of the last scenario file that failed to open (null = none to show). */
  openErrors: OpenErrors | null;
  setup: SetupState;
  game: GameView | null;
  handoff: Handoff | null;
  /** Newest last; capped (see MAX_ANNOUNCEMENTS). */
  announcements: Announcement[];
  savedGameSummary: SavedGameSummary | null;
  notice: Notice | null;
}

export interface AppActions {
  // Navigation and screens
  setScreen(screen: Screen): void;
  setActiveScene(key: string | null): void;
  setLoaded(loaded: boolean): void;
  // Settings (persisted)
  updateSettings(patch: Partial<Settings>): void;
  setSystemReducedMotion(prefers: boolean): void;
  // Catalogue
  /** Adds loaded scenarios (and shows the first failure, if any); selects one if none is. */
  addCatalogueEntries(entries: CatalogueEntry[], failures?: OpenErrors[]): void;
  /**
   * Loads a file picked by the player (the loader is fetched on first use); on success the
   * scenario is added and selected, otherwise `openErrors` is set. Resolves to success.
   */
  openScenarioFile(fileName: string, bytes: Uint8Array): Promise<boolean>;
  openScenarioText(fileName: string, text: string): Promise<boolean>;
  dismissOpenErrors(): void;
  // Setup
  selectScenario(key: string): void;
  setMode(mode: Mode): void;
  setSeat(role: string, seat: Seat): void;
  setSeed(seed: number): boolean;
  newSeed(): void;
  /** Names the table (cleaned: see `cleanTableName`); "" for none. */
  setTableName(name: string): void;
  setTimers(timers: { turnSeconds?: number | null; roundSeconds?: number | null }): void;
  // Live region
  announce(
    text: string,
    politeness?: Announcement['politeness'],
    options?: { show?: boolean },
  ): void;
  // Written by the session (src/app/session.ts), not by scenes
  /** Sets `game` and `handoff` together (one notification per snapshot). */
  setGame(game: GameView | null, handoff?: Handoff | null): void;
  setSavedGameSummary(summary: SavedGameSummary | null): void;
  setNotice(notice: Notice | null): void;
}

export type AppState = AppData & AppActions;

export const MAX_ANNOUNCEMENTS = 40;
