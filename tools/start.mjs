#!/usr/bin/env node
/**
 * `npm start`: serve the production build of the game on http://localhost:4173.
 * Builds first when there is no build yet, or when any source is newer than the build.
 * Plain Node (no dependencies beyond the project's own Vite); Ctrl+C stops the server.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const built = join(root, 'dist', 'index.html');
const PORT = 4173;
const INPUTS = [
  'src',
  'assets',
  'scenarios',
  'index.html',
  'print.html',
  'vite.config.ts',
  'tools/phaser-entry.cjs',
  'package.json',
];

/** Newest modification time (ms) under a file or folder. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

if (!existsSync(vite)) {
  console.error('Vite is not installed. Run `npm ci` first, then `npm start`.');
  process.exit(1);
}

const sourceTime = Math.max(...INPUTS.map((p) => newest(join(root, p))));
const buildTime = existsSync(built) ? statSync(built).mtimeMs : 0;
if (buildTime === 0 || sourceTime > buildTime) {
  console.log(
    buildTime === 0 ? 'No build yet: building the game…' : 'Sources changed: rebuilding the game…',
  );
  const build = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build failed (see above).');
    process.exit(build.status ?? 1);
  }
}

const server = spawn(
  process.execPath,
  [vite, 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
);
let announced = false;
server.stdout.on('data', (chunk) => {
  const text = String(chunk);
  if (!announced && text.includes(String(PORT))) {
    announced = true;
    console.log('');
    console.log('  Oversight is running. Open this address in a browser:');
    console.log('');
    console.log(`      http://localhost:${PORT}`);
    console.log('');
    console.log('  (Ctrl+C stops it.)');
    console.log('');
  } else if (!announced) {
    process.stdout.write(text);
  }
});
server.on('exit', (code) => {
  if (!announced) console.error(`The server stopped (port ${PORT} may already be in use).`);
  process.exit(code ?? 0);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
