/**
 * playBotGame: a whole game played by bots through the real XState actor, exactly as the
 * browser would drive it. The simulator and the benchmark use it, so what they measure is the
 * product's own flow, not a shortcut around it.
 */
import { createActor, type SnapshotFrom } from 'xstate';
import { nextAutomaticAction } from '../bots/autoplay.ts';
import type { BotLevel, Seats } from '../bots/types.ts';
import type { GameAction, GameState, RoleId } from '../rules/types.ts';
import type { Scenario } from '../scenario/schema.ts';
import { type GameMachine, untimedGameMachine } from './machine.ts';

export interface BotGame {
  state: GameState;
  actions: GameAction[];
  snapshot: SnapshotFrom<GameMachine>;
}

/** Far more moves than any legal game can take (rounds × turns × responses, plus amendments). */
export function stepCap(scenario: Scenario): number {
  const roles = scenario.roles.length;
  const rounds = scenario.rounds.count + 1;
  return 100 + rounds * (2 + scenario.rounds.turnOrder.length * (1 + 2 * roles)) + 2 * roles;
}

export function seatsFor(scenario: Scenario, levels: Record<RoleId, BotLevel> | BotLevel): Seats {
  const seats: Seats = {};
  for (const r of scenario.roles) {
    const level = typeof levels === 'string' ? levels : levels[r.id];
    if (!level) throw new Error(`playBotGame: no bot level given for role "${r.id}".`);
    seats[r.id] = level;
  }
  return seats;
}

export function playBotGame(
  scenario: Scenario,
  seed: number,
  levels: Record<RoleId, BotLevel> | BotLevel,
): BotGame {
  const seats = seatsFor(scenario, levels);
  // Bots need no timers: the untimed variant, the same states without their cost.
  const actor = createActor(untimedGameMachine, { input: { scenario, seed } });
  actor.start();
  try {
    const cap = stepCap(scenario);
    for (let step = 0; ; step++) {
      const snapshot = actor.getSnapshot();
      const game = snapshot.context.game;
      if (snapshot.status === 'done') {
        return { state: game, actions: snapshot.context.actions, snapshot };
      }
      if (step >= cap) {
        throw new Error(
          `playBotGame: no end after ${cap} moves (seed ${seed}, stuck in phase "${game.phase}", round ${game.round}).`,
        );
      }
      const action = nextAutomaticAction(scenario, game, seats, { advanceScreens: true });
      if (!action) {
        throw new Error(
          `playBotGame: nobody can move in phase "${game.phase}" (seed ${seed}, round ${game.round}).`,
        );
      }
      actor.send(action);
      const after = actor.getSnapshot().context;
      if (after.game === game) {
        const why = after.lastError ? `: ${after.lastError.message}` : '';
        throw new Error(
          `playBotGame: the machine refused ${action.type} in phase "${game.phase}" (seed ${seed}, round ${game.round})${why}`,
        );
      }
    }
  } finally {
    actor.stop();
  }
}
