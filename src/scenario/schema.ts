/**
 * The scenario format: the single source of truth.
 *
 * `npm run schema` turns this into `scenarios/scenario.schema.json` (draft-07) so editors can
 * autocomplete and underline mistakes; CI fails when the committed file is stale. Every field
 * carries a description because authors read them as tooltips.
 *
 * Objects are strict: an unknown key is almost always a typo, and silently ignoring it would hide
 * the author's intent.
 */
import { z } from 'zod';

export const FORMAT_VERSION = 1;

export const METER_IDS = ['trust', 'security', 'privacy'] as const;
export type MeterId = (typeof METER_IDS)[number];

const idPattern = /^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*$/;

export const Id = z
  .string()
  .regex(
    idPattern,
    'use lower-case letters, digits, and - _ . between them (e.g. "dpia-published")',
  )
  .max(80)
  .describe('A stable identifier: lower-case letters and digits, joined by "-", "_" or ".".');

const SourceRefs = z.array(Id).describe('Ids of entries in "sources" that back this text.');

export const Text = z
  .strictObject({
    id: Id.describe(
      'Stable id of this player-facing string, unique in the scenario; translations are keyed by it.',
    ),
    text: z
      .string()
      .min(1)
      .max(4000)
      // Only spaces would show as an empty seat label or a blank line.
      .regex(/^$|\S/, 'write some words, not only spaces')
      .describe('The text as players read it. Plain text, never markup.'),
    sources: SourceRefs.optional().describe(
      'Ids of entries in "sources" backing the facts in this text; shown to players as citations.',
    ),
  })
  .describe('A player-facing string with a stable id (and its sources when it states facts).');
export type Text = z.infer<typeof Text>;

const meterValue = z.number().min(0).max(100);

export const MeterEffects = z
  .strictObject({
    trust: z
      .number()
      .min(-100)
      .max(100)
      .optional()
      .describe('Change to Trust (points, 0–100 scale).'),
    security: z
      .number()
      .min(-100)
      .max(100)
      .optional()
      .describe('Change to Security (points, 0–100 scale).'),
    privacy: z
      .number()
      .min(-100)
      .max(100)
      .optional()
      .describe('Change to Privacy (points, 0–100 scale).'),
  })
  .describe('Changes to the three public meters; a missing meter is unchanged.');
export type MeterEffects = z.infer<typeof MeterEffects>;

export const Valuations = z
  .record(Id, z.number().min(-100).max(100))
  .describe(
    'Private worth to each role, keyed by role id (points; may be negative). A missing role values it at 0.',
  );
export type Valuations = z.infer<typeof Valuations>;

export const Source = z
  .strictObject({
    id: Id.describe('Id used by "sources" lists elsewhere in the file.'),
    title: z.string().min(1).describe('Title of the source as a reader would cite it.'),
    url: z
      .url({ protocol: /^https?$/ })
      .describe('Where the source can be read (an http or https address).'),
    publisher: z.string().optional().describe('Who published it (newspaper, regulator, court…).'),
    date: z
      .string()
      .optional()
      .describe('Publication date as written by the source (e.g. "21 May 2026").'),
  })
  .describe('A real-world source. Every fact shown to players must cite at least one.');

export const Meter = z
  .strictObject({
    name: Text.describe('Display name, e.g. "Trust".'),
    description: Text.describe(
      'What the meter stands for, in one sentence a 14-year-old understands.',
    ),
    start: meterValue.describe('Value at the start of the game (0–100).'),
    band: z
      .strictObject({
        low: meterValue.describe('Lowest healthy value.'),
        high: meterValue.describe('Highest healthy value.'),
      })
      .describe(
        'The healthy band. Leaving it at either end is a failure with its own consequence.',
      ),
    failLow: Text.describe('What it means when the meter ends below its band.'),
    failHigh: Text.describe('What it means when the meter ends above its band.'),
  })
  .describe('One of the three public meters.');
export type Meter = z.infer<typeof Meter>;

export const MeterWeights = z
  .strictObject({
    trust: z.number().min(-5).max(5).describe('Points of private score per point of Trust gained.'),
    security: z
      .number()
      .min(-5)
      .max(5)
      .describe('Points of private score per point of Security gained.'),
    privacy: z
      .number()
      .min(-5)
      .max(5)
      .describe('Points of private score per point of Privacy gained.'),
  })
  .describe("How much the role cares about each meter's change from its start value.");
export type MeterWeights = z.infer<typeof MeterWeights>;

export const Role = z
  .strictObject({
    id: Id.describe('Role id, used everywhere a role is named.'),
    name: Text.describe('Full name, e.g. "The Mayor of London (MOPAC)".'),
    shortName: Text.describe(
      'Short label for seats and logs, e.g. "Mayor" (up to 24 characters fit beside a portrait).',
    ),
    colour: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'use a #rrggbb colour')
      .describe(
        'Seat colour (#rrggbb). Pick from a colour-blind-safe palette; colour is never the only cue.',
      ),
    portrait: z.string().min(1).describe('Portrait asset key (an SVG in assets/portraits/).'),
    publicBrief: Text.describe('Who they are and what they say they want. Everyone sees it.'),
    privateBrief: Text.describe(
      'What they really need and fear. Only this role sees it until the debrief.',
    ),
    meterWeights: MeterWeights,
    reservation: z
      .number()
      .min(-1000)
      .max(1000)
      .describe(
        'Best alternative to a deal: a final private score at or above it means satisfied.',
      ),
    redLines: z
      .strictObject({
        assurances: z.array(Id).default([]).describe('Assurances this role will never accept.'),
        decisions: z.array(Id).default([]).describe('Decisions this role will never accept.'),
      })
      .default({ assurances: [], decisions: [] })
      .describe(
        'Lines the role will not cross. Bots respect them; humans who cross one are flagged.',
      ),
  })
  .describe('A seat at the table.');
export type Role = z.infer<typeof Role>;

const Range = z
  .strictObject({
    min: z.number().optional().describe('Inclusive lower bound.'),
    max: z.number().optional().describe('Inclusive upper bound.'),
  })
  .describe('An inclusive range; a missing bound is open.');

export const Condition = z
  .strictObject({
    rounds: Range.optional().describe('Round numbers (1-based) in which this holds.'),
    meters: z
      .strictObject({
        trust: Range.optional(),
        security: Range.optional(),
        privacy: Range.optional(),
      })
      .optional()
      .describe('Ranges the meters must be in.'),
    agreed: z.array(Id).optional().describe('Assurances that must all be agreed.'),
    notAgreed: z.array(Id).optional().describe('Assurances that must all not be agreed.'),
    decisions: z.array(Id).optional().describe('The decision taken must be one of these.'),
    deferred: z
      .boolean()
      .optional()
      .describe('true: the decision-maker deferred once during the game; false: never deferred.'),
    breach: z.boolean().optional().describe('true: an audit found a breach; false: no audit did.'),
    meterFailure: z
      .strictObject({
        meter: z.enum(METER_IDS).describe('Which meter.'),
        end: z.enum(['low', 'high']).describe('Below (low) or above (high) its healthy band.'),
      })
      .optional()
      .describe('The meter ends outside its healthy band at this end.'),
  })
  .describe('All the given tests must hold. An empty condition always holds.');
export type Condition = z.infer<typeof Condition>;

export const Verification = z
  .strictObject({
    breachChance: z
      .number()
      .min(0)
      .max(1)
      .describe('Chance (0–1) that the audit after the decision finds this promise breached.'),
    breachEffects: MeterEffects.describe(
      'Meter changes when a breach is found (usually a Trust cost).',
    ),
  })
  .describe('Makes the assurance verifiable: it is audited in the aftermath.');

export const Assurance = z
  .strictObject({
    id: Id,
    title: Text.describe('Card title, e.g. "Published DPIA".'),
    summary: Text.describe('One line for the card.'),
    text: Text.describe('The longer explanation shown when a player opens the card.'),
    deliverer: Id.describe(
      'Role that must commit to it: its support is needed for any package with it.',
    ),
    effects: MeterEffects.describe(
      'Meter changes when it is agreed (or when its delay has passed).',
    ),
    valuations: Valuations,
    delay: z
      .int()
      .min(0)
      .max(5)
      .default(0)
      .describe('Rounds after agreement before the meter effects land (0 = at once).'),
    requires: z
      .array(Id)
      .default([])
      .describe('Assurances that must be agreed first or in the same package.'),
    excludes: z
      .array(Id)
      .default([])
      .describe('Assurances that cannot stand together with this one.'),
    available: z
      .boolean()
      .default(true)
      .describe('false: the card is hidden until an event unlocks it.'),
    verification: Verification.optional(),
    auditModifier: z
      .number()
      .min(-1)
      .max(1)
      .default(0)
      .describe(
        "While in force, added to every other verified assurance's breach chance (an independent auditor deters breaches: negative).",
      ),
    tags: z
      .array(z.string().min(1))
      .default([])
      .describe('Free labels (e.g. "privacy", "procurement").'),
    sources: SourceRefs.min(1).describe('The real-world basis for this assurance.'),
  })
  .describe('A promise that one role must deliver.');
export type Assurance = z.infer<typeof Assurance>;

export const ValuationChange = z
  .strictObject({
    role: Id.describe('Whose valuation changes.'),
    target: Id.describe('An assurance id or a decision id.'),
    delta: z.number().min(-100).max(100).describe('Points added to that valuation.'),
  })
  .describe('An event changes how much a role values an assurance or decision.');

export const GameEvent = z
  .strictObject({
    id: Id,
    title: Text.describe('Headline for the event ticker.'),
    text: Text.describe('What happened.'),
    when: Condition.default({}).describe('The event can be drawn only when this holds.'),
    weight: z.number().positive().max(100).default(1).describe('Relative chance of being drawn.'),
    once: z.boolean().default(true).describe('true: drawn at most once per game.'),
    effects: MeterEffects.default({}),
    valuationChanges: z
      .array(ValuationChange)
      .default([])
      .describe('How the event changes what roles value.'),
    unlocks: z.array(Id).default([]).describe('Assurances this event makes available.'),
    sources: SourceRefs.describe('Real-world basis; empty only for clearly fictional events.'),
  })
  .describe('A card drawn at the start of a round.');
export type GameEvent = z.infer<typeof GameEvent>;

export const Decision = z
  .strictObject({
    id: Id,
    title: Text.describe('e.g. "Approve with conditions".'),
    summary: Text.describe('What this decision means, in one or two sentences.'),
    kind: z
      .enum(['final', 'defer'])
      .default('final')
      .describe('"defer" adds one more negotiation round (once per game) instead of ending.'),
    requires: z
      .strictObject({
        minAgreed: z.int().min(0).default(0).describe('At least this many assurances agreed.'),
        maxAgreed: z.int().min(0).optional().describe('At most this many assurances agreed.'),
        allAgreed: z.array(Id).default([]).describe('These assurances must be agreed.'),
      })
      .default({ minAgreed: 0, allAgreed: [] })
      .describe('When the decision-maker may take it.'),
    enforcesConditions: z
      .boolean()
      .default(false)
      .describe('true: agreed assurances become binding terms and are audited in the aftermath.'),
    effects: MeterEffects.default({}),
    valuations: Valuations,
  })
  .describe('One of the choices open to the decision-maker.');
export type Decision = z.infer<typeof Decision>;

export const Epilogue = z
  .strictObject({
    id: Id,
    title: Text,
    text: Text.describe('"Twelve months later…" What happened next in this game.'),
    when: Condition.describe(
      'Shown when this holds; every matching epilogue is shown, in file order.',
    ),
  })
  .describe('An outcome text for the aftermath.');
export type Epilogue = z.infer<typeof Epilogue>;

export const Agreement = z
  .strictObject({
    kind: z
      .enum(['majority', 'unanimous', 'atLeast'])
      .describe('majority: more than half of all roles; unanimous: all; atLeast: "count" roles.'),
    count: z.int().min(1).optional().describe('For "atLeast": how many supporters are needed.'),
    mustInclude: z.array(Id).default([]).describe('Roles whose support is always needed.'),
  })
  .describe(
    'When a package is agreed: the supporters (proposer included) meet this rule and every deliverer supports.',
  );
export type Agreement = z.infer<typeof Agreement>;

export const Debrief = z
  .strictObject({
    history: z
      .array(
        z.strictObject({
          id: Id,
          date: z.string().optional().describe('As written in the source, e.g. "21 May 2026".'),
          text: Text,
          sources: SourceRefs.min(1),
        }),
      )
      .describe('What really happened, in order, each with its sources.'),
    questions: z.array(Text).describe('Discussion questions for the class.'),
    keyTerms: z
      .array(
        z.strictObject({
          id: Id,
          term: Text,
          definition: Text,
          sources: SourceRefs.default([]),
        }),
      )
      .describe('Glossary for the debrief.'),
    objectives: z.array(Text).describe('Learning objectives.'),
    timings: z
      .array(
        z.strictObject({
          minutes: z.int().min(5).max(240).describe('Length of the lesson in minutes (5–240).'),
          plan: Text.describe('How to spend the time.'),
        }),
      )
      .describe('Suggested lesson timings.'),
  })
  .describe('Teacher and debrief material.');
export type Debrief = z.infer<typeof Debrief>;

export const Scenario = z
  .strictObject({
    $schema: z.string().optional().describe('Path to scenario.schema.json, for editors.'),
    formatVersion: z.literal(FORMAT_VERSION).describe('Version of this format. Currently 1.'),
    id: Id.describe('Scenario id, used in saves and replays.'),
    title: Text,
    summary: Text.describe('The situation, read by everyone in the briefing.'),
    place: Text.describe('Where it happens, e.g. "London".'),
    period: Text.describe('When it happens, e.g. "2025–26".'),
    sources: z
      .array(Source)
      .min(1)
      .describe('Every real-world source the scenario cites; other fields refer to them by id.'),
    meters: z
      .strictObject({ trust: Meter, security: Meter, privacy: Meter })
      .describe('The three public meters.'),
    roles: z.array(Role).min(2).max(6).describe('2–6 roles.'),
    decider: Id.describe('Role id of the decision-maker.'),
    rounds: z
      .strictObject({
        count: z.int().min(1).max(8).default(3).describe('Negotiation rounds before the stances.'),
        turnOrder: z.array(Id).min(1).describe('Order in which roles take their turn each round.'),
      })
      .describe('How many rounds and who goes when.'),
    agreement: Agreement,
    costs: z
      .strictObject({
        rejectedPackage: MeterEffects.describe(
          'Meter changes when a package is rejected (public wrangling).',
        ),
        defer: MeterEffects.describe('Meter changes when the decision is deferred.'),
      })
      .describe('Costs of failure and delay.'),
    assurances: z.array(Assurance).min(1).describe('The assurance cards roles can trade.'),
    events: z.array(GameEvent).default([]).describe('Event cards, drawn one per round.'),
    decisions: z
      .array(Decision)
      .min(1)
      .describe('The choices open to the decision-maker; at least one must be "final".'),
    epilogues: z
      .array(Epilogue)
      .default([])
      .describe('"Twelve months later" outcome texts for the aftermath.'),
    debrief: Debrief,
  })
  .describe('An Oversight scenario: a real public decision about police data technology.');
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
