/**
 * What each difficulty level means, as numbers the strategies read. Keeping them in one table
 * makes the levels easy to compare and to tune with `simulate`.
 *
 *   easy   — misjudges (seeded noise on every worth), proposes small packages, sometimes sits a
 *            turn out, rarely amends, and does not think about whether others will agree.
 *   normal — greedy on its own worth; expects a deliverer who opposed an assurance before to
 *            oppose it again and a package already turned down to be turned down again, and
 *            expects cards that move the public meters towards balance to pass more easily.
 *   hard   — learns every role's likes and dislikes from the log's responses; values a package
 *            by the change in its projected final score (roleScore), counting the decisions a
 *            deal opens and the decider's likely choice (the one that best balances the
 *            meters); in the last round concedes a little to reach a deal that still leaves it
 *            above its reservation value.
 */
import type { BotLevel } from './types.ts';

export interface LevelProfile {
  /** Seeded noise (± points) added to the worth of each assurance and decision. */
  noise: number;
  /** Largest package the bot proposes. */
  maxPackage: number;
  /** How many of its best assurances it considers when building a package. */
  pool: number;
  /** Chance of passing a turn without looking at the cards. */
  idleChance: number;
  /** Chance of trying an amendment when a package is not good enough. */
  amendChance: number;
  /** Models the others' support from public signals (otherwise assumes they will agree). */
  modelsOthers: boolean;
  /** Learns each role's likes and dislikes from every response in the log. */
  learns: boolean;
  /** Values packages by the decisions they open, and concedes near the end. */
  strategic: boolean;
  /** Least expected gain (points) that is worth a proposal. */
  minGain: number;
  /** Least worth (points) of a package it supports, before any concession. */
  supportAt: number;
  /** Most points it gives up in the last round to reach a deal above its reservation value. */
  concession: number;
}

export const LEVEL_PROFILES: Record<BotLevel, LevelProfile> = {
  easy: {
    noise: 3,
    maxPackage: 2,
    pool: 4,
    idleChance: 0.25,
    amendChance: 0.3,
    modelsOthers: false,
    learns: false,
    strategic: false,
    minGain: 0,
    supportAt: 0,
    concession: 0,
  },
  normal: {
    noise: 0,
    maxPackage: 3,
    pool: 5,
    idleChance: 0,
    amendChance: 1,
    modelsOthers: true,
    learns: false,
    strategic: false,
    minGain: 0.5,
    supportAt: 0,
    concession: 0,
  },
  hard: {
    noise: 0,
    maxPackage: 3,
    pool: 6,
    idleChance: 0,
    amendChance: 1,
    modelsOthers: true,
    learns: true,
    strategic: true,
    minGain: 0.5,
    supportAt: 0.5,
    concession: 3,
  },
};
