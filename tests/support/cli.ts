/** Runs the scenario tool as a user would (`npx tsx src/cli/main.ts …`) and collects its output. */
import { spawn } from 'node:child_process';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/cli/main.ts', ...args], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** One problem as the CLI prints it: FILE:LINE:COL: error CODE at PATH: message. */
export const problemLine =
  /^(?<file>.+):(?<line>\d+):(?<column>\d+): (?<severity>error|warning) (?<code>[A-Z][A-Z0-9_]+) at (?<path>\$\S*): (?<message>.+)$/;

/** Anything that looks like a stack trace or a raw Node error. */
export const stackTrace = /^\s+at .+:\d+:\d+\)?$|Error:|node:internal/m;
