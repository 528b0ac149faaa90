/** Bot difficulty levels and seat assignments, shared by the bots, the driver and the CLI. */
import type { RoleId } from '../rules/types.ts';

export const BOT_LEVELS = ['easy', 'normal', 'hard'] as const;
export type BotLevel = (typeof BOT_LEVELS)[number];

/** Who sits in each seat: a bot at some level, or a person. */
export type Seat = BotLevel | 'human';
export type Seats = Record<RoleId, Seat>;

export function isBotLevel(value: unknown): value is BotLevel {
  return typeof value === 'string' && (BOT_LEVELS as readonly string[]).includes(value);
}
