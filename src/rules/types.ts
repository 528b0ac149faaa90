/**
 * The game state and the actions that change it. Everything here is plain JSON (no classes, no
 * Maps, no functions) so a state can be saved, sent over a network, compared with `toEqual` and
 * rebuilt from scenario + seed + actions.
 */
import type { MeterId } from '../scenario/schema.ts';

export type { MeterId };
export type RoleId = string;
export type AssuranceId = string;
export type DecisionId = string;

export type Meters = Record<MeterId, number>;
/** Actual meter changes after clamping to 0–100; a meter that did not move is absent. */
export type MeterDeltas = Partial<Record<MeterId, number>>;

export const STATE_VERSION = 1;

export type Phase =
  | 'briefing'
  | 'event'
  | 'negotiation'
  | 'roundEnd'
  | 'stances'
  | 'decision'
  | 'aftermath'
  | 'debrief';

export type Response = 'support' | 'oppose';

/** A package on the table, waiting for responses. */
export interface PendingPackage {
  /** 1-based number of this package in the game. */
  number: number;
  proposer: RoleId;
  /** Who now stands behind the package: the proposer, or the role that amended it. */
  sponsor: RoleId;
  assurances: AssuranceId[];
  /** The package as first proposed, when it has been amended. */
  original: AssuranceId[] | null;
  amendedBy: RoleId | null;
  /** Roles still to respond, in turn order; the first one is on the clock. */
  awaiting: RoleId[];
  responses: Record<RoleId, Response>;
}

export type PackageOutcome = 'agreed' | 'rejected' | 'withdrawn';

export interface PackageRecord {
  number: number;
  round: number;
  proposer: RoleId;
  amendedBy: RoleId | null;
  original: AssuranceId[] | null;
  assurances: AssuranceId[];
  supporters: RoleId[];
  opposers: RoleId[];
  outcome: PackageOutcome;
}

export interface AgreedAssurance {
  id: AssuranceId;
  round: number;
  package: number;
}

export interface DelayedEffect {
  assurance: AssuranceId;
  /** The round at whose end the effect lands. */
  dueRound: number;
}

export interface AuditResult {
  assurance: AssuranceId;
  chance: number;
  breached: boolean;
}

export type RedLineHow = 'proposed' | 'supported' | 'amended' | 'stance' | 'decided';

export interface RedLineFlag {
  role: RoleId;
  kind: 'assurance' | 'decision';
  id: string;
  how: RedLineHow;
  round: number;
}

export type LogKind =
  | 'begin'
  | 'event'
  | 'proposed'
  | 'amended'
  | 'response'
  | 'agreed'
  | 'rejected'
  | 'withdrawn'
  | 'passed'
  | 'timeout'
  | 'delayed-effect'
  | 'round-end'
  | 'stance'
  | 'decision'
  | 'defer'
  | 'audit'
  | 'epilogue';

/**
 * One line of the causal log. Every meter change in the game is recorded on exactly one entry,
 * so the debrief can say what moved and why.
 */
export interface LogEntry {
  seq: number;
  round: number;
  kind: LogKind;
  /** The role that acted, if any. */
  actor: RoleId | null;
  /** Ids the entry is about (assurances, an event, a decision). */
  subjects: string[];
  /** Meter changes caused by this entry (after clamping). */
  deltas: MeterDeltas;
  /** A bot's one-line reason, or a rule's explanation. */
  reason: string | null;
}

export interface GameState {
  stateVersion: typeof STATE_VERSION;
  scenarioId: string;
  seed: number;
  /** The seeded RNG's state: the only source of chance in the game. */
  rng: number;
  phase: Phase;
  /** 1-based round; 0 during the briefing. */
  round: number;
  /** Rounds to play: the scenario's count, plus one after a defer. */
  roundsTotal: number;
  /** Index into the scenario's turn order of the role whose turn it is. */
  turn: number;
  meters: Meters;
  unlocked: AssuranceId[];
  /** Event-driven changes to private valuations: role → assurance or decision id → delta. */
  valuationDeltas: Record<RoleId, Record<string, number>>;
  drawnEvents: string[];
  currentEvent: string | null;
  pending: PendingPackage | null;
  packages: PackageRecord[];
  agreed: AgreedAssurance[];
  delayed: DelayedEffect[];
  stances: Record<RoleId, DecisionId>;
  deferred: boolean;
  decision: DecisionId | null;
  audits: AuditResult[];
  epilogues: string[];
  redLineFlags: RedLineFlag[];
  log: LogEntry[];
  /** Number of actions applied so far. */
  step: number;
}

interface Reasoned {
  /** Why the move was made (bots always give one), shown in the log. */
  reason?: string;
}

export type GameAction =
  | ({ type: 'BEGIN' } & Reasoned)
  | ({ type: 'CONTINUE' } & Reasoned)
  | ({ type: 'PROPOSE'; role: RoleId; assurances: AssuranceId[] } & Reasoned)
  | ({ type: 'PASS'; role: RoleId } & Reasoned)
  | ({ type: 'RESPOND'; role: RoleId; response: Response } & Reasoned)
  | ({ type: 'AMEND'; role: RoleId; remove: AssuranceId; add: AssuranceId } & Reasoned)
  | ({ type: 'TIMEOUT'; scope: 'turn' | 'round' } & Reasoned)
  | ({ type: 'STANCE'; role: RoleId; decision: DecisionId } & Reasoned)
  | ({ type: 'DECIDE'; role: RoleId; decision: DecisionId } & Reasoned);

export type GameActionType = GameAction['type'];

/** Every action type, for code that must handle each one (the machine, generators in tests). */
export const GAME_ACTION_TYPES = [
  'BEGIN',
  'CONTINUE',
  'PROPOSE',
  'PASS',
  'RESPOND',
  'AMEND',
  'TIMEOUT',
  'STANCE',
  'DECIDE',
] as const satisfies readonly GameActionType[];

/** Why an action was refused: a stable code and a sentence a player can act on. */
export interface RuleError {
  code: RuleErrorCode;
  message: string;
}

export type RuleErrorCode =
  /** The action itself is malformed (missing or mistyped fields): a bad file or client. */
  | 'BAD_ACTION'
  | 'WRONG_PHASE'
  | 'NOT_YOUR_TURN'
  | 'UNKNOWN_ROLE'
  | 'UNKNOWN_ASSURANCE'
  | 'UNKNOWN_DECISION'
  | 'BAD_PACKAGE'
  | 'BAD_AMENDMENT'
  | 'NOT_DECIDER'
  | 'DECISION_NOT_OPEN'
  /** Refused by the machine, not the rules: nothing moves while the game is paused. */
  | 'PAUSED';

export type Result<T> = { ok: true; value: T } | { ok: false; error: RuleError };
