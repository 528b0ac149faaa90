/** Utility-driven bots: pure TypeScript over the rules, one move (with a reason) per call. */
export { type AutoplayOptions, nextAutomaticAction } from './autoplay.ts';
export { botCanAct, chooseBotAction } from './choose.ts';
export { LEVEL_PROFILES, type LevelProfile } from './level.ts';
export { BOT_LEVELS, type BotLevel, isBotLevel, type Seat, type Seats } from './types.ts';
