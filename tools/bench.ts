/**
 * `npm run bench`: how fast the headless game runs, measured beside a bare XState machine that
 * takes the same number of transitions per game, in the same process and run. Figures are
 * printed, never asserted: speed belongs in benchmarks, not tests.
 *
 *   npm run bench [-- --scenario FILE] [--seconds S] [--level easy|normal|hard]
 */
import { readFileSync } from 'node:fs';
import { assign, createActor, setup } from 'xstate';
import type { BotLevel } from '../src/bots/types.ts';
import { playBotGame } from '../src/flow/bot-game.ts';
import { loadScenario } from '../src/scenario/loader.ts';
import type { Scenario } from '../src/scenario/schema.ts';

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

// Alternate the two in slices so background load affects both alike.
const slices = 3;
let gameGames = 0;
let gameTime = 0;
let bareGames = 0;
let bareTime = 0;
for (let s = 0; s < slices; s++) {
  const g = rate(seconds / slices, (i) => playBotGame(scenario, s * 1_000_000 + i, level));
  gameGames += g.games;
  gameTime += g.games / g.perSecond;
  const b = rate(seconds / slices, () => playBare(stepsPerGame));
  bareGames += b.games;
  bareTime += b.games / b.perSecond;
}
const gameRate = gameGames / gameTime;
const bareRate = bareGames / bareTime;

console.log(`scenario            ${scenario.id} (${file}), bots: ${level}`);
console.log(`events per game     ${stepsPerGame} (mean over ${measured} games)`);
console.log(`full bot games/s    ${gameRate.toFixed(0)}  (${gameGames} games)`);
console.log(`bare machine games/s ${bareRate.toFixed(0)}  (${bareGames} games of ${stepsPerGame} events)`);
console.log(`ratio               ${((100 * gameRate) / bareRate).toFixed(1)}% of the bare machine (goal: at least 25%)`);
