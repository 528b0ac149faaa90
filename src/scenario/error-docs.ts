/** The author-facing list of problem codes (docs/scenario-errors.md), generated from codes.ts. */
import { PROBLEM_CODES } from './codes.ts';

export function problemCodesMarkdown(): string {
  const rows = Object.entries(PROBLEM_CODES).map(
    ([code, info]) => `| \`${code}\` | ${info.severity} | ${info.summary.replaceAll('|', '\\|')} |`,
  );
  return [
    '# Scenario problem codes',
    '',
    'Generated from `src/scenario/codes.ts` by `npm run schema`; do not edit by hand.',
    '',
    '`npm run scenario -- validate FILE` prints one line per problem:',
    '`FILE:LINE:COL: error CODE at PATH: message`. Codes never change meaning. Warnings',
    '(`W_…`) do not stop a scenario from loading; errors do.',
    '',
    '| code | severity | meaning |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
