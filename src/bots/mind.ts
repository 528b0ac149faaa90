/**
 * What a bot knows when it moves, gathered once per move.
 *
 * Private information is only the bot's own (secrets.ts, read through viewFor). Everything else
 * read here is public: meters, agreed conditions, packages and responses in the log, stances,
 * and the scenario's public card data (deliverers, effects, requirements, decisions).
 */
import { clampMeter } from '../rules/meters.ts';
import { mixSeed, nextRandom } from '../rules/rng.ts';
import { indexScenario, type ScenarioIndex } from '../rules/scenario-index.ts';
import type { AssuranceId, GameState, Meters, RoleId } from '../rules/types.ts';
import type { MeterEffects, Scenario } from '../scenario/schema.ts';
import { LEVEL_PROFILES, type LevelProfile } from './level.ts';
import { readSecrets, type Secrets } from './secrets.ts';
import { packageTables } from './tables.ts';
import type { BotLevel } from './types.ts';

export interface BotMind {
  readonly scenario: Scenario;
  readonly state: GameState;
  readonly index: ScenarioIndex;
  readonly role: RoleId;
  /** The bot's position in scenario.roles. */
  readonly seat: number;
  readonly level: BotLevel;
  readonly profile: LevelProfile;
  readonly me: Secrets;
  readonly isDecider: boolean;
  /** Assurance ids in scenario order: packages are handled as positions in this list. */
  readonly ids: readonly AssuranceId[];
  readonly position: ReadonlyMap<AssuranceId, number>;
  /** 1 for each agreed assurance, by position. */
  readonly agreed: Uint8Array;
  /** Positions of the agreed assurances. */
  readonly agreedPositions: readonly number[];
  /** Sum of my valuations of the agreed assurances. */
  readonly agreedValue: number;
  /** A defer could still add a round (so late, delayed effects might still land). */
  readonly deferOpen: boolean;
  /** This is the last negotiation round as things stand. */
  readonly lastRound: boolean;
  /** This move's own seeded random stream. */
  readonly rng: BotStream;
  /** This move's seed: noise for a card or decision is drawn from it by number (noiseFor). */
  readonly seed: number;
}

/**
 * The bot's own random stream: never Math.random and never the game's rng, so a bot's thinking
 * cannot change the event cards or audits, and the same game always gets the same moves.
 * (A class rather than closures: this is built on every move.)
 */
export class BotStream {
  private state: number;
  constructor(seed: number) {
    this.state = seed;
  }
  /** The next number in [0, 1). */
  next(): number {
    const [value, next] = nextRandom(this.state);
    this.state = next;
    return value;
  }
}

export function readMind(
  scenario: Scenario,
  state: GameState,
  role: RoleId,
  level: BotLevel,
): BotMind {
  const me = readSecrets(scenario, state, role);
  if (!me) throw new Error(`There is no role "${role}" in scenario "${scenario.id}".`);
  const tables = packageTables(scenario);
  const profile = LEVEL_PROFILES[level];
  const seat = tables.roleIndex.get(role) ?? -1;
  const seed = mixSeed(state.seed, state.step, seat);
  const { agreed, agreedPositions } = agreedSet(scenario, state);
  let agreedValue = 0;
  for (const p of agreedPositions) agreedValue += me.assurance[p] as number;
  return {
    scenario,
    state,
    index: indexScenario(scenario),
    role,
    seat,
    level,
    profile,
    me,
    isDecider: scenario.decider === role,
    ids: tables.ids,
    position: tables.position,
    agreed,
    agreedPositions,
    agreedValue,
    deferOpen: !state.deferred && scenario.decisions.some((d) => d.kind === 'defer'),
    lastRound: state.round >= state.roundsTotal,
    rng: new BotStream(seed),
    seed,
  };
}

interface AgreedSet {
  /** The state's agreed list these were read from (states share it until a deal changes it). */
  readonly from: GameState['agreed'];
  readonly agreed: Uint8Array;
  readonly agreedPositions: readonly number[];
}

/** The agreed set by position, kept for the last agreed list seen (read-only for the bots). */
const agreedCache = new WeakMap<Scenario, AgreedSet>();

function agreedSet(scenario: Scenario, state: GameState): AgreedSet {
  const hit = agreedCache.get(scenario);
  if (hit && hit.from === state.agreed) return hit;
  const tables = packageTables(scenario);
  const agreed = new Uint8Array(tables.count);
  const agreedPositions: number[] = [];
  for (const a of state.agreed) {
    const p = tables.position.get(a.id);
    if (p === undefined) continue;
    agreed[p] = 1;
    agreedPositions.push(p);
  }
  const set = { from: state.agreed, agreed, agreedPositions };
  agreedCache.set(scenario, set);
  return set;
}

/** Points to me of moving the meters by `effects` from `meters` (clamped as the rules do). */
export function meterGain(
  mind: BotMind,
  meters: Meters,
  effects: MeterEffects | undefined,
): number {
  if (!effects) return 0;
  const w = mind.me.meterWeights;
  let gain = 0;
  if (effects.trust) gain += w.trust * (clampMeter(meters.trust + effects.trust) - meters.trust);
  if (effects.security)
    gain += w.security * (clampMeter(meters.security + effects.security) - meters.security);
  if (effects.privacy)
    gain += w.privacy * (clampMeter(meters.privacy + effects.privacy) - meters.privacy);
  return gain;
}

export function roleName(mind: BotMind, role: RoleId): string {
  return mind.index.roles.get(role)?.shortName.text ?? role;
}

export function assuranceTitle(mind: BotMind, id: AssuranceId): string {
  return mind.index.assurances.get(id)?.title.text ?? id;
}

export function decisionTitle(mind: BotMind, id: string): string {
  return mind.index.decisions.get(id)?.title.text ?? id;
}
