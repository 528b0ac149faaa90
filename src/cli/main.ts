/**
 * `npm run scenario -- <command> …`: the scenario command-line tool.
 *
 * Commands are imported only when chosen, so `--help` is instant and one command's dependencies
 * never slow another. To add a command, add one entry to `commands`; its module exports
 * `run(args): Promise<number>` returning the exit code.
 *
 * Exit codes: 0 success, 1 the input has problems, 2 usage or I/O error (or an internal error).
 * No stack trace is ever printed: authors are teachers, not developers.
 */

interface Command {
  /** Arguments after the command name, for the usage text. */
  args: string;
  summary: string;
  load: () => Promise<{ run: (args: string[]) => Promise<number> }>;
}

const commands: Record<string, Command> = {
  validate: {
    args: 'FILE...',
    summary:
      'Check scenario files; print every problem as FILE:LINE:COL: error CODE at PATH: message.',
    load: () => import('./validate.ts'),
  },
  simulate: {
    args: 'FILE [--games N] [--seed S] [--level easy|normal|hard] [--json]',
    summary: 'Play N seeded bot games and report decisions, meters, satisfaction and assurances.',
    load: () => import('./simulate.ts'),
  },
};

function usage(): string {
  const width = Math.max(
    ...Object.entries(commands).map(([name, c]) => `${name} ${c.args}`.length),
  );
  const lines = Object.entries(commands).map(
    ([name, c]) => `  ${`${name} ${c.args}`.padEnd(width)}  ${c.summary}`,
  );
  return `usage: npm run scenario -- <command> [arguments]\n\ncommands:\n${lines.join('\n')}\n\nRun a command with --help for its options.\n`;
}

async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return 0;
  }
  if (name === undefined) {
    process.stderr.write(usage());
    return 2;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`unknown command "${name}". Run with --help to see the commands.\n`);
    return 2;
  }
  const { run } = await command.load();
  return run(rest);
}

let reporting = false;

function internalError(error: unknown): void {
  process.exitCode = 2;
  // Reporting must never fail in turn: writing to a closed stderr would raise another error
  // and loop here for ever.
  if (reporting) return;
  reporting = true;
  const reason = error instanceof Error ? error.message : String(error);
  try {
    process.stderr.write(`internal error: ${reason.split('\n')[0]}\n`);
  } catch {
    // nowhere left to report to
  }
  reporting = false;
}

// A reader that closes a pipe early (`… | head`, a closed terminal) is not an error to report:
// stop writing and finish with the exit code we have.
const closedPipe = (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') internalError(error);
};
process.stdout.on('error', closedPipe);
process.stderr.on('error', () => {
  // stderr itself is gone: there is nobody to tell.
});
process.on('uncaughtException', internalError);
// exitCode rather than process.exit(), so piped output is flushed before the process ends.
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, internalError);
