/** Reading a scenario file from disk for the CLI commands, with one-line reasons on failure. */
import { readFileSync, statSync } from 'node:fs';

/** Far above any real scenario (they are tens of kB); stops a mistaken path from eating memory. */
const MAX_BYTES = 200 * 1024 * 1024;

/** The file's bytes, or a one-line reason it cannot be read. */
export function readScenarioFile(file: string): Uint8Array | string {
  try {
    const stats = statSync(file);
    if (stats.isDirectory())
      return 'cannot read: it is a directory. Give the path of a scenario .json file.';
    if (!stats.isFile()) return 'cannot read: not a regular file.';
    if (stats.size > MAX_BYTES) {
      return `cannot read: the file is ${Math.round(stats.size / 1024 / 1024)} MB; scenario files must be under ${MAX_BYTES / 1024 / 1024} MB.`;
    }
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'cannot read: no such file.';
    if (code === 'EACCES' || code === 'EPERM') return 'cannot read: permission denied.';
    return `cannot read: ${error instanceof Error ? error.message : String(error)}`;
  }
}
