import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.ts';

/** Paths of every property schema, anywhere in the JSON Schema, that has no description. */
function undescribed(schema: unknown): string[] {
  const missing: string[] = [];
  const stack: { node: unknown; path: string }[] = [{ node: schema, path: '#' }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, path } = item;
    if (node === null || typeof node !== 'object') continue;
    const properties = (node as { properties?: unknown }).properties;
    if (properties && typeof properties === 'object') {
      for (const [name, property] of Object.entries(properties)) {
        const described = typeof (property as { description?: unknown }).description === 'string';
        if (!described) missing.push(`${path}/properties/${name}`);
      }
    }
    for (const [key, child] of Object.entries(node))
      stack.push({ node: child, path: `${path}/${key}` });
  }
  return missing.sort();
}

describe('the generated JSON Schema', () => {
  it('describes every property, because editors show descriptions as tooltips', () => {
    expect(undescribed(scenarioJsonSchema())).toEqual([]);
  });

  it('the check itself finds a missing description', () => {
    const schema = {
      properties: { a: { description: 'x', properties: { b: { type: 'number' } } } },
    };
    expect(undescribed(schema)).toEqual(['#/properties/a/properties/b']);
  });
});
