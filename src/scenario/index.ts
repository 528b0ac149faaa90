/** The scenario package: the format, the loader and its problem codes. Pure TypeScript. */
export * from './codes.ts';
export {
  DEFAULT_MAX_DEPTH,
  decodeUtf8,
  parseJson,
  type SourceLocation,
  type SourcePositions,
} from './json-parse.ts';
export { scenarioJsonSchema, scenarioJsonSchemaText } from './json-schema.ts';
export { type LoadResult, loadScenario, loadScenarioBytes, MAX_PROBLEMS } from './loader.ts';
export * from './schema.ts';
export { checkSemantics, type Finding } from './semantics.ts';
