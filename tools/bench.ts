/**
 * `npm run bench`: how fast the headless game runs, measured beside a bare XState machine that
 * takes the same number of transitions per game, in the same process and run. Figures are
 * printed, never asserted: speed belongs in benchmarks, not tests.
 *
 * The two are timed in many short alternating slices, so load from other processes falls on
 * both alike; the ratio printed is the median of the slices' ratios (the overall rates beside it).
 * Then a breakdown says where a game's time goes: the bots choosing moves, the rules applying
 * them, and the machine (XState and the flow around the rules).
 *
 *   npm run bench [-- --scenario FILE] [--seconds S] [--level easy|normal|hard]
 */
import { readFileSync } from 'node:fs';
import { assign, createActor, setup } from 'xstate';
import { nextAutomaticAction } from '../src/bots/autoplay.ts';
import type { BotLevel } from '../src/bots/types.ts';
import { playBotGame, seatsFor } from '../src/flow/bot-game.ts';
import { untimedGameMachine } from '../src/flow/machine.ts';
import { applyAction } from '../src/rules/apply.ts';
import { createGame } from '../src/rules/setup.ts';
import type { GameAction, GameState } from '../src/rules/types.ts';
import { loadScenario } from '../src/scenario/loader.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { median } from './stats.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}

const file = arg('scenario', 'scenarios/met-palantir-2026.json');
const seconds = Number(arg('seconds', '3'));
const level = arg('level', 'normal') as BotLevel;

const loaded = loadScenario(readFileSync(file, 'utf8'), file);
if (!loaded.ok) {
  console.error(`${file} is not a valid scenario; run npm run scenario -- validate ${file}`);
  process.exit(1);
}
const scenario: Scenario = loaded.scenario;

/** The bare machine: one state, a counter, done after `steps` events. */
const bareMachine = setup({
  types: { context: {} as { n: number; steps: number }, input: {} as { steps: number } },
}).createMachine({
  context: ({ input }) => ({ n: 0, steps: input.steps }),
  initial: 'running',
  states: {
    running: {
      on: { STEP: { actions: assign({ n: ({ context }) => context.n + 1 }) } },
      always: { guard: ({ context }) => context.n >= context.steps, target: 'done' },
    },
    done: { type: 'final' },
  },
});

function playBare(steps: number): void {
  const actor = createActor(bareMachine, { input: { steps } }).start();
  const step = { type: 'STEP' } as const;
  for (let i = 0; i < steps; i++) actor.send(step);
  if (actor.getSnapshot().status !== 'done') throw new Error('bare machine did not finish');
}

/** Runs `play` repeatedly for about `budget` seconds; returns games per second. */
function rate(budget: number, play: (i: number) => void): { games: number; perSecond: number } {
  const start = performance.now();
  let games = 0;
  while (performance.now() - start < budget * 1000) {
    play(games);
    games++;
  }
  const elapsed = (performance.now() - start) / 1000;
  return { games, perSecond: games / elapsed };
}

// Warm up both paths so the JIT has compiled them before we time anything.
let transitions = 0;
let measured = 0;
for (let i = 0; i < 200; i++) {
  const result = playBotGame(scenario, 1_000_000 + i, level);
  transitions += result.actions.length;
  measured++;
}
const stepsPerGame = Math.round(transitions / measured);
for (let i = 0; i < 500; i++) playBare(stepsPerGame);

// Alternate the two in short slices so background load affects both alike.
const slices = Math.max(4, Math.round(seconds * 4));
let gameGames = 0;
let gameTime = 0;
let bareGames = 0;
let bareTime = 0;
const ratios: number[] = [];
for (let s = 0; s < slices; s++) {
  const g = rate(seconds / slices / 2, (i) => playBotGame(scenario, s * 1_000_000 + i, level));
  gameGames += g.games;
  gameTime += g.games / g.perSecond;
  const b = rate(seconds / slices / 2, () => playBare(stepsPerGame));
  bareGames += b.games;
  bareTime += b.games / b.perSecond;
  ratios.push(g.perSecond / b.perSecond);
}
const gameRate = gameGames / gameTime;
const bareRate = bareGames / bareTime;

console.log(`scenario            ${scenario.id} (${file}), bots: ${level}`);
console.log(`events per game     ${stepsPerGame} (mean over ${measured} games)`);
console.log(`full bot games/s    ${gameRate.toFixed(0)}  (${gameGames} games)`);
console.log(
  `bare machine games/s ${bareRate.toFixed(0)}  (${bareGames} games of ${stepsPerGame} events)`,
);
console.log(
  `ratio               ${(100 * median(ratios)).toFixed(1)}% of the bare machine (goal: at least 25%; median of ${slices} slices, ${((100 * gameRate) / bareRate).toFixed(1)}% overall)`,
);

// Where a game's time goes. The same games are played whole; then through the actor with their
// moves given (the game without its bots: machine + rules); then their rules alone (the moves
// replayed) and their bots alone (each state the game passed through, in order). The bots' part
// of a game is the whole game beyond the actor with its moves given.
const sample: { seed: number; states: GameState[]; actions: GameAction[] }[] = [];
for (let i = 0; i < 100; i++) {
  const seed = 2_000_000 + i;
  const { actions } = playBotGame(scenario, seed, level);
  const states: GameState[] = [];
  let state = createGame(scenario, seed);
  for (const action of actions) {
    states.push(state);
    const result = applyAction(scenario, state, action);
    if (!result.ok) throw new Error(`bench: replay refused ${action.type} (seed ${seed})`);
    state = result.value;
  }
  sample.push({ seed, states, actions });
}
const seats = seatsFor(scenario, level);
const parts = {
  whole: () => {
    for (const g of sample) playBotGame(scenario, g.seed, level);
  },
  given: () => {
    for (const g of sample) {
      const actor = createActor(untimedGameMachine, { input: { scenario, seed: g.seed } }).start();
      for (const action of g.actions) actor.send(action);
      actor.stop();
    }
  },
  rules: () => {
    for (const g of sample) {
      let state = createGame(scenario, g.seed);
      for (const action of g.actions) {
        const result = applyAction(scenario, state, action);
        if (result.ok) state = result.value;
      }
    }
  },
  bots: () => {
    for (const g of sample) {
      for (const state of g.states) {
        nextAutomaticAction(scenario, state, seats, { advanceScreens: true });
      }
    }
  },
  bare: () => {
    for (let i = 0; i < sample.length; i++) playBare(stepsPerGame);
  },
};
type Part = keyof typeof parts;
const times = Object.fromEntries(Object.keys(parts).map((k) => [k, [] as number[]])) as Record<
  Part,
  number[]
>;
const rounds = Math.max(5, Math.round(seconds * 2));
for (let r = 0; r <= rounds; r++) {
  for (const [name, run] of Object.entries(parts) as [Part, () => void][]) {
    const start = performance.now();
    run();
    if (r > 0) times[name].push((performance.now() - start) / sample.length);
  }
}
const ms = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) as Record<
  Part,
  number
>;
const line = (label: string, x: number, note: string) =>
  console.log(
    `  ${label.padEnd(22)}${x.toFixed(3)} ms  ${`${((100 * x) / ms.whole).toFixed(0)}%`.padStart(4)}  ${(x / ms.bare).toFixed(1)}× bare  ${note}`.trimEnd(),
  );
console.log(
  `per game, median of ${rounds} rounds of ${sample.length} games (bare machine ${ms.bare.toFixed(3)} ms; 25% needs a whole game within ${(4 * ms.bare).toFixed(3)} ms)`,
);
line('whole bot game', ms.whole, '');
line('actor, moves given', ms.given, 'the game without its bots');
line('  rules', ms.rules, 'the moves replayed alone');
line('  machine', ms.given - ms.rules, 'XState and the flow around the rules');
line('bots', ms.whole - ms.given, `choosing the moves (${ms.bots.toFixed(3)} ms when run alone)`);
