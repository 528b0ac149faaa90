/** The JSON Schema (draft-07) that editors use, generated from the Zod schema. */
import { z } from 'zod';
import { Scenario } from './schema.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  // io: 'input' so fields with defaults are optional for authors, as the loader treats them.
  const schema = z.toJSONSchema(Scenario, { target: 'draft-07', io: 'input' }) as Record<
    string,
    unknown
  >;
  return { ...schema, title: 'Oversight scenario', $id: 'scenario.schema.json' };
}

export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
