/**
 * Test helpers over the pure rules: scripted games, random legal games driven by fast-check
 * choices, and generators of well-formed and malformed actions.
 */
import fc from 'fast-check';
import {
  actingRole,
  applyAction,
  createGame,
  GAME_ACTION_TYPES,
  type GameAction,
  type GameState,
  legalActions,
  type Result,
} from '../../src/rules/index.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

/** Applies an action that the test expects to be legal; fails the test with the rule's message. */
export function mustApply(scenario: Scenario, state: GameState, action: GameAction): GameState {
  const result = applyAction(scenario, state, action);
  if (!result.ok) {
    throw new Error(
      `expected ${JSON.stringify(action)} to be legal in phase ${state.phase}: ${result.error.code} ${result.error.message}`,
    );
  }
  return result.value;
}

/** Applies an action the test expects to be refused, and returns the rule's error. */
export function mustRefuse(scenario: Scenario, state: GameState, action: GameAction) {
  const result = applyAction(scenario, state, action);
  if (result.ok) throw new Error(`expected ${JSON.stringify(action)} to be refused`);
  return result.error;
}

/** A scripted game: `act` applies legal actions, `attempt` returns the raw result. */
export class Script {
  state: GameState;
  readonly actions: GameAction[] = [];

  constructor(
    readonly scenario: Scenario,
    readonly seed = 1,
  ) {
    this.state = createGame(scenario, seed);
  }

  act(...actions: GameAction[]): this {
    for (const action of actions) {
      this.state = mustApply(this.scenario, this.state, action);
      this.actions.push(action);
    }
    return this;
  }

  attempt(action: GameAction): Result<GameState> {
    return applyAction(this.scenario, this.state, action);
  }

  refuse(action: GameAction) {
    return mustRefuse(this.scenario, this.state, action);
  }

  /** BEGIN and CONTINUE past the first event card: round 1 negotiation, first role to move. */
  toNegotiation(): this {
    return this.act({ type: 'BEGIN' }, { type: 'CONTINUE' });
  }

  /** The role that must act now (fails when no role is expected to act). */
  get actor(): string {
    const role = actingRole(this.scenario, this.state);
    if (!role) throw new Error(`nobody acts in phase ${this.state.phase}`);
    return role;
  }

  /** Passes turns until `role` is to propose (in the current round). */
  passUntil(role: string): this {
    for (let i = 0; i < 10 && this.actor !== role; i++)
      this.act({ type: 'PASS', role: this.actor });
    if (this.actor !== role) throw new Error(`${role} never got the turn`);
    return this;
  }

  /** The role on turn proposes `ids` and every other role answers in turn with `answers[role]`. */
  proposeAndAnswer(
    ids: string[],
    answers: Record<string, 'support' | 'oppose'> | 'support' | 'oppose' = 'support',
  ): this {
    this.act({ type: 'PROPOSE', role: this.actor, assurances: ids });
    while (this.state.pending) {
      const role = this.actor;
      const response = typeof answers === 'string' ? answers : (answers[role] ?? 'support');
      this.act({ type: 'RESPOND', role, response });
    }
    return this;
  }

  /** Ends the current negotiation round by the round timer and continues to the next screen. */
  endRound(): this {
    this.act({ type: 'TIMEOUT', scope: 'round' });
    return this;
  }

  /** Every remaining role declares `decision` as its stance. */
  allStances(decision: string): this {
    for (const r of this.scenario.rounds.turnOrder) {
      if (this.state.stances[r] === undefined) {
        this.act({ type: 'STANCE', role: r, decision });
      }
    }
    return this;
  }

  /** From negotiation in any round: time out every remaining round and reach the stances. */
  toStances(): this {
    for (let i = 0; i < 20 && this.state.phase !== 'stances'; i++) {
      if (this.state.phase === 'negotiation') this.endRound();
      else this.act({ type: 'CONTINUE' });
    }
    if (this.state.phase !== 'stances') throw new Error('never reached the stances');
    return this;
  }

  /** From anywhere before the stances: stances for `decision`, then the decider takes it. */
  decide(decision: string): this {
    this.toStances().allStances(decision);
    return this.act({ type: 'DECIDE', role: this.scenario.decider, decision });
  }
}

/** The first seed (from 0) whose game satisfies `test` after `prepare`; fails if none is found. */
export function seedWhere(
  scenario: Scenario,
  prepare: (script: Script) => Script,
  test: (state: GameState) => boolean,
  limit = 2000,
): number {
  for (let seed = 0; seed < limit; seed++) {
    if (test(prepare(new Script(scenario, seed)).state)) return seed;
  }
  throw new Error('no seed found');
}

// ---------------------------------------------------------------------------------------------
// Random legal games.

/**
 * One random choice: which kind of legal action (PASS, PROPOSE, TIMEOUT…) and which one of it.
 * `agree` leans answers towards support (two times in three) so packages are often agreed, which
 * exercises delayed effects, requires/excludes against agreed ones, conditions and audits.
 */
export interface Choice {
  kind: number;
  index: number;
  agree?: number;
}

export const choiceArb: fc.Arbitrary<Choice> = fc.record({
  kind: fc.nat({ max: 1000 }),
  index: fc.nat({ max: 100_000 }),
  agree: fc.nat({ max: 1000 }),
});

export const seedArb = fc.integer({ min: 0, max: 0xffff_ffff });

/**
 * Picks among the legal actions: first a kind of action (so a rare kind like PASS or TIMEOUT
 * is as likely as PROPOSE, which has dozens of variants), then one action of that kind.
 */
export function pickAction(legal: readonly GameAction[], choice: Choice): GameAction | undefined {
  if (legal.length === 0) return undefined;
  if (choice.agree !== undefined && choice.agree % 3 !== 0) {
    const support = legal.find((a) => a.type === 'RESPOND' && a.response === 'support');
    if (support) return support;
  }
  const kinds: GameAction[][] = [];
  const byKind = new Map<string, GameAction[]>();
  for (const action of legal) {
    let list = byKind.get(action.type);
    if (!list) {
      list = [];
      byKind.set(action.type, list);
      kinds.push(list);
    }
    list.push(action);
  }
  const list = kinds[choice.kind % kinds.length] as GameAction[];
  return list[choice.index % list.length];
}

export interface PlayedGame {
  scenario: Scenario;
  seed: number;
  actions: GameAction[];
  /** states[0] is the new game; states[i + 1] follows actions[i]. */
  states: GameState[];
  final: GameState;
}

/**
 * Plays a random legal game: at each step picks a legal action by the next choice (cycling
 * through the list), until no action is legal or `maxSteps` actions were played.
 */
export function playRandom(
  scenario: Scenario,
  seed: number,
  choices: readonly Choice[],
  maxSteps = 1000,
): PlayedGame {
  let state = createGame(scenario, seed);
  const states = [state];
  const actions: GameAction[] = [];
  for (let i = 0; i < maxSteps; i++) {
    const choice =
      choices.length > 0 ? (choices[i % choices.length] as Choice) : { kind: 0, index: 0 };
    const action = pickAction(legalActions(scenario, state), choice);
    if (!action) break;
    state = mustApply(scenario, state, action);
    actions.push(action);
    states.push(state);
  }
  return {
    scenario,
    seed,
    actions,
    states,
    final: state,
    // fast-check prints this in a counterexample instead of the whole scenario and every state.
    [fc.toStringMethod]: () =>
      `game(seed ${seed}, ${actions.length} actions: ${JSON.stringify(actions)})`,
  } as PlayedGame;
}

/** Arbitrary random legal games on a scenario. */
export function gameArb(scenario: Scenario, maxChoices = 40): fc.Arbitrary<PlayedGame> {
  return fc
    .record({
      seed: seedArb,
      choices: fc.array(choiceArb, { minLength: 1, maxLength: maxChoices }),
    })
    .map(({ seed, choices }) => playRandom(scenario, seed, choices));
}

// ---------------------------------------------------------------------------------------------
// Actions that may or may not be legal.

/** Well-typed actions built from the scenario's ids and a few unknown ones. */
export function wellFormedActionArb(scenario: Scenario): fc.Arbitrary<GameAction> {
  const role = fc.constantFrom(...scenario.roles.map((r) => r.id), 'nobody');
  const assurance = fc.constantFrom(...scenario.assurances.map((a) => a.id), 'no-such-thing');
  const decision = fc.constantFrom(...scenario.decisions.map((d) => d.id), 'no-such-decision');
  return fc.oneof(
    fc.constant({ type: 'BEGIN' as const }),
    fc.constant({ type: 'CONTINUE' as const }),
    fc.record({
      type: fc.constant('PROPOSE' as const),
      role,
      assurances: fc.array(assurance, { maxLength: 4 }),
    }),
    fc.record({ type: fc.constant('PASS' as const), role }),
    fc.record({
      type: fc.constant('RESPOND' as const),
      role,
      response: fc.constantFrom('support' as const, 'oppose' as const),
    }),
    fc.record({ type: fc.constant('AMEND' as const), role, remove: assurance, add: assurance }),
    fc.record({
      type: fc.constant('TIMEOUT' as const),
      scope: fc.constantFrom('turn' as const, 'round' as const),
    }),
    fc.record({ type: fc.constant('STANCE' as const), role, decision }),
    fc.record({ type: fc.constant('DECIDE' as const), role, decision }),
  );
}

/**
 * Junk: anything a corrupt save, a bad replay file or a hostile network client could send as an
 * action: missing fields, wrong types, unknown values, non-objects.
 */
export function junkActionArb(scenario: Scenario): fc.Arbitrary<unknown> {
  const known = [
    ...scenario.roles.map((r) => r.id),
    ...scenario.assurances.map((a) => a.id),
    ...scenario.decisions.map((d) => d.id),
  ];
  const value = fc.oneof(
    fc.constantFrom(...known),
    fc.constantFrom('support', 'oppose', 'turn', 'round', 'maybe', ''),
    fc.array(fc.constantFrom(...known), { maxLength: 4 }),
    fc.anything({ maxDepth: 2 }),
  );
  const shaped = fc.record(
    {
      type: fc.constantFrom(...GAME_ACTION_TYPES),
      role: value,
      assurances: value,
      response: value,
      remove: value,
      add: value,
      scope: value,
      decision: value,
      reason: value,
    },
    { requiredKeys: ['type'] },
  );
  return fc.oneof(shaped, fc.anything({ maxDepth: 3 }));
}

/** A comparable key for an action: packages as sets, the reason left out. */
export function actionKey(action: GameAction): string {
  const { reason: _reason, ...rest } = action;
  if (rest.type === 'PROPOSE') {
    return JSON.stringify({ ...rest, assurances: [...rest.assurances].sort() });
  }
  return JSON.stringify(
    Object.fromEntries(Object.entries(rest).sort(([x], [y]) => x.localeCompare(y))),
  );
}

/** The keys of every action `legalActions` lists now. */
export function legalKeys(scenario: Scenario, state: GameState): Set<string> {
  return new Set(legalActions(scenario, state).map(actionKey));
}

/** Is `action` among `legalActions` (packages compared as sets, the reason ignored)? */
export function isListedLegal(scenario: Scenario, state: GameState, action: GameAction): boolean {
  return legalKeys(scenario, state).has(actionKey(action));
}

/** Freezes a JSON value all the way down, so any mutation by the rules throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Sum of the meter deltas of a list of log entries, per meter. */
export function sumDeltas(entries: readonly { deltas: Partial<Record<string, number>> }[]) {
  const total = { trust: 0, security: 0, privacy: 0 };
  for (const e of entries) {
    for (const m of ['trust', 'security', 'privacy'] as const) total[m] += e.deltas[m] ?? 0;
  }
  return total;
}
