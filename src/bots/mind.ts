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
import { type PackageTables, packageTables, sameList, zeros } from './tables.ts';
import type { BotLevel } from './types.ts';

export interface BotMind {
  readonly scenario: Scenario;
  readonly state: GameState;
  readonly index: ScenarioIndex;
  /** The scenario's package tables (tables.ts), looked up once per move. */
  readonly tables: PackageTables;
  readonly role: RoleId;
  /** The bot's position in scenario.roles. */
  readonly seat: number;
  readonly level: BotLevel;
  readonly profile: LevelProfile;
  readonly me: Secrets;
  readonly isDecider: boolean;
  /** The decider's position in scenario.roles (-1 if none). */
  readonly deciderSeat: number;
  /** Assurance ids in scenario order: packages are handled as positions in this list. */
  readonly ids: readonly AssuranceId[];
  readonly position: ReadonlyMap<AssuranceId, number>;
  /** 1 for each agreed assurance, by position. */
  readonly agreed: readonly number[];
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
  const facts = scenarioFacts(scenario);
  const tables = facts.tables;
  const seat = tables.roleIndex.get(role) ?? -1;
  const seed = mixSeed(state.seed, state.step, seat);
  const set = agreedSet(facts, state);
  let agreedValue = 0;
  for (const p of set.agreedPositions) agreedValue += me.assurance[p] as number;
  return {
    scenario,
    state,
    index: facts.index,
    tables,
    role,
    seat,
    level,
    profile: LEVEL_PROFILES[level],
    me,
    isDecider: scenario.decider === role,
    deciderSeat: facts.deciderSeat,
    ids: tables.ids,
    position: tables.position,
    agreed: set.agreed,
    agreedPositions: set.agreedPositions,
    agreedValue,
    deferOpen: !state.deferred && facts.hasDefer,
    lastRound: state.round >= state.roundsTotal,
    rng: new BotStream(seed),
    seed,
  };
}

/**
 * What readMind needs from the scenario alone, looked up once per move in one place (scenarios
 * are immutable once loaded). It also keeps the agreed set for the last agreed list seen.
 */
interface ScenarioFacts {
  readonly tables: PackageTables;
  readonly index: ScenarioIndex;
  /** The scenario has a defer decision. */
  readonly hasDefer: boolean;
  readonly deciderSeat: number;
  agreed: AgreedSet | null;
}

const factsCache = new WeakMap<Scenario, ScenarioFacts>();

function scenarioFacts(scenario: Scenario): ScenarioFacts {
  let facts = factsCache.get(scenario);
  if (!facts) {
    facts = {
      tables: packageTables(scenario),
      index: indexScenario(scenario),
      hasDefer: scenario.decisions.some((d) => d.kind === 'defer'),
      deciderSeat: scenario.roles.findIndex((r) => r.id === scenario.decider),
      agreed: null,
    };
    factsCache.set(scenario, facts);
  }
  return facts;
}

interface AgreedSet {
  /**
   * The latest agreed list seen with these contents (states share it until a deal changes it;
   * the rules may also copy it unchanged, which sameList sees through).
   */
  from: GameState['agreed'];
  readonly agreed: readonly number[];
  readonly agreedPositions: readonly number[];
}

/** The agreed set by position (read-only for the bots). */
function agreedSet(facts: ScenarioFacts, state: GameState): AgreedSet {
  const tables = facts.tables;
  const hit = facts.agreed;
  if (hit && sameList(hit.from, state.agreed)) {
    hit.from = state.agreed;
    return hit;
  }
  const agreed = zeros(tables.count);
  const agreedPositions: number[] = [];
  for (const a of state.agreed) {
    const p = tables.position.get(a.id);
    if (p === undefined) continue;
    agreed[p] = 1;
    agreedPositions.push(p);
  }
  const set = { from: state.agreed, agreed, agreedPositions };
  facts.agreed = set;
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

/** meterGain of the card at this position, its effects read from the tables (the same sums). */
export function cardGain(mind: BotMind, i: number): number {
  const { tables } = mind;
  const meters = mind.state.meters;
  const w = mind.me.meterWeights;
  const trust = tables.trust[i] as number;
  const security = tables.security[i] as number;
  const privacy = tables.privacy[i] as number;
  let gain = 0;
  if (trust) gain += w.trust * (clampMeter(meters.trust + trust) - meters.trust);
  if (security) gain += w.security * (clampMeter(meters.security + security) - meters.security);
  if (privacy) gain += w.privacy * (clampMeter(meters.privacy + privacy) - meters.privacy);
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
