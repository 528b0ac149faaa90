/**
 * `validate FILE...`: loads each scenario file and prints its problems, compiler style, so editors
 * and CI can jump to them:
 *
 *   FILE:LINE:COL: error CODE at PATH: message
 *   FILE: ok
 *
 * Exit code 0 when every file is valid (warnings allowed), 1 when any has an error, 2 when a file
 * cannot be read or the arguments are wrong (this wins over 1: the check did not fully run).
 */
import { formatProblem, loadScenarioBytes } from '../scenario/index.ts';
import { readScenarioFile } from './read-scenario-file.ts';

const USAGE = `usage: npm run scenario -- validate FILE...

Checks each scenario file's structure and meaning. Prints one line per problem:
  FILE:LINE:COL: error CODE at PATH: message
and "FILE: ok" for each valid file (after any warnings).
Exit code: 0 all valid, 1 some file has errors, 2 usage or read error.
`;

type Outcome = { exit: 0 | 1 | 2; out: string; err: string };

export async function run(args: string[]): Promise<number> {
  const files: string[] = [];
  let optionsEnded = false;
  for (const arg of args) {
    if (!optionsEnded && (arg === '--help' || arg === '-h')) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (!optionsEnded && arg === '--') optionsEnded = true;
    else if (!optionsEnded && arg.startsWith('-') && arg !== '-') {
      process.stderr.write(`validate: unknown option "${arg}". Run "validate --help" for usage.\n`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    process.stderr.write(`validate: no files given.\n${USAGE}`);
    return 2;
  }
  let exit = 0;
  for (const file of files) {
    const outcome = validateFile(file);
    if (outcome.out) process.stdout.write(outcome.out);
    if (outcome.err) process.stderr.write(outcome.err);
    exit = Math.max(exit, outcome.exit);
  }
  return exit;
}

function validateFile(file: string): Outcome {
  const bytes = readScenarioFile(file);
  if (typeof bytes === 'string') return { exit: 2, out: '', err: `${file}: ${bytes}\n` };
  const result = loadScenarioBytes(bytes, file);
  const lines = (result.ok ? result.warnings : result.problems).map(formatProblem);
  if (result.ok) lines.push(`${file}: ok`);
  return { exit: result.ok ? 0 : 1, out: `${lines.join('\n')}\n`, err: '' };
}
