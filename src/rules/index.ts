/** The pure rules of Oversight: plain JSON state in, plain JSON state out. */
export * from './apply.ts';
export * from './conditions.ts';
export { decisionOpen, openDecisions } from './decision.ts';
export * from './legal.ts';
export * from './meters.ts';
export * from './packages.ts';
export * from './red-lines.ts';
export * from './replay.ts';
export * from './rng.ts';
export { eligibleEvents } from './round.ts';
export * from './scenario-index.ts';
export * from './scoring.ts';
export * from './setup.ts';
export * from './types.ts';
export * from './view.ts';
