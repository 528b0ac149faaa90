/**
 * `simulate FILE [--games N] [--seed S] [--level easy|normal|hard] [--json] [--time]`:
 * plays N full games with bots in every seat, through the real game machine, and reports what
 * happened — decisions, final meters, who was satisfied, which assurances were proposed and
 * agreed — so an author can see whether a scenario plays as intended.
 *
 * Game i (counting from 0) uses seed mixSeed(S, i), so the same arguments always print the same
 * bytes. Timing never goes to stdout; --time adds it on stderr.
 *
 * Exit code: 0 done, 1 the scenario has errors (printed like validate), 2 usage or read error.
 */
import { isBotLevel } from '../bots/types.ts';
import { playBotGame } from '../flow/bot-game.ts';
import { mixSeed } from '../rules/rng.ts';
import { formatProblem, loadScenarioBytes } from '../scenario/index.ts';
import { METER_IDS } from '../scenario/schema.ts';
import { readScenarioFile } from './read-scenario-file.ts';
import { formatJson, formatText } from './simulate-format.ts';
import { balanceNotes } from './simulate-notes.ts';
import { SimulationStats } from './simulate-stats.ts';

const USAGE = `usage: npm run scenario -- simulate FILE [--games N] [--seed S] [--level LEVEL] [--json] [--time]

Plays N full games with bots in every seat and prints what happened: the decisions taken, the
final meters and balance (mean, p10, p50, p90), how often each role was satisfied, how often each
assurance was proposed and agreed, packages agreed and rejected, red-line flags, and balance
notes: a decision that nearly always wins, a role never (or always) satisfied, an assurance
nobody proposes or nobody agrees to, a meter that never leaves (or never stays in) its band.

  --games N      games to play (default 100; at most 1000000)
  --seed S       base seed, a whole number 0–4294967295 (default 1); game i uses mixSeed(S, i)
  --level LEVEL  bot level for every seat: easy, normal or hard (default normal)
  --json         print the summary as JSON instead of tables, with the fields file, scenario,
                 seed, level, games, decisions, deferred, meters, balance, roles, assurances,
                 packages, redLineFlags and notes (shares are fractions of games, 0–1)
  --time         also print the elapsed time on stderr

The same arguments always print the same output.
Exit code: 0 done, 1 the scenario has errors, 2 usage or read error.
`;

const MAX_GAMES = 1_000_000;

export interface SimulateOptions {
  file: string;
  games: number;
  seed: number;
  level: 'easy' | 'normal' | 'hard';
  json: boolean;
  time: boolean;
}

/** Parsed options, 'help', or a one-line usage error. */
export function parseArgs(args: readonly string[]): SimulateOptions | 'help' | { error: string } {
  const options: Partial<SimulateOptions> = { games: 100, seed: 1, level: 'normal' };
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const raw = args[i] as string;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    // The option's value: after "=", or the next argument.
    const take = (): string | { error: string } => {
      if (inline !== undefined) return inline;
      const next = args[i + 1];
      if (next === undefined) return { error: `${name} needs a value.` };
      i++;
      return next;
    };
    switch (name) {
      case '--help':
      case '-h':
        return 'help';
      case '--json':
      case '--time':
        if (inline !== undefined) return { error: `${name} takes no value.` };
        options[name === '--json' ? 'json' : 'time'] = true;
        break;
      case '--games': {
        const v = take();
        if (typeof v !== 'string') return v;
        const n = wholeNumber(v);
        if (n === null || n < 1 || n > MAX_GAMES) {
          return { error: `--games must be a whole number from 1 to ${MAX_GAMES} (got "${v}").` };
        }
        options.games = n;
        break;
      }
      case '--seed': {
        const v = take();
        if (typeof v !== 'string') return v;
        const n = wholeNumber(v);
        if (n === null || n > 0xffffffff) {
          return { error: `--seed must be a whole number from 0 to 4294967295 (got "${v}").` };
        }
        options.seed = n;
        break;
      }
      case '--level': {
        const v = take();
        if (typeof v !== 'string') return v;
        if (!isBotLevel(v)) return { error: `--level must be easy, normal or hard (got "${v}").` };
        options.level = v;
        break;
      }
      default:
        if (raw.startsWith('-') && raw !== '-') return { error: `unknown option "${raw}".` };
        files.push(raw);
    }
  }
  if (files.length === 0) return { error: 'no scenario file given.' };
  if (files.length > 1) return { error: `give one scenario file (got ${files.length}).` };
  return {
    file: files[0] as string,
    games: options.games as number,
    seed: options.seed as number,
    level: options.level as SimulateOptions['level'],
    json: options.json ?? false,
    time: options.time ?? false,
  };
}

function wholeNumber(text: string): number | null {
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

/** The seed of game i: spread out from the base seed so neighbouring games differ fully. */
export function gameSeed(base: number, i: number): number {
  return mixSeed(base, i);
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    process.stderr.write(`simulate: ${parsed.error} Run "simulate --help" for usage.\n`);
    return 2;
  }
  const bytes = readScenarioFile(parsed.file);
  if (typeof bytes === 'string') {
    process.stderr.write(`${parsed.file}: ${bytes}\n`);
    return 2;
  }
  const loaded = loadScenarioBytes(bytes, parsed.file);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.problems.map(formatProblem).join('\n')}\n`);
    return 1;
  }
  const { scenario } = loaded;
  const started = performance.now();
  const stats = new SimulationStats(scenario);
  for (let i = 0; i < parsed.games; i++) {
    stats.add(playBotGame(scenario, gameSeed(parsed.seed, i), parsed.level).state);
  }
  const summary = stats.summary();
  const meterNames = Object.fromEntries(METER_IDS.map((m) => [m, scenario.meters[m].name.text]));
  const report = {
    file: parsed.file,
    scenario: scenario.id,
    seed: parsed.seed,
    level: parsed.level,
    summary,
    notes: balanceNotes(summary, meterNames),
  };
  process.stdout.write(parsed.json ? formatJson(report) : formatText(report));
  if (parsed.time) {
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(
      `simulate: ${parsed.games} games in ${seconds.toFixed(2)} s (${Math.round(parsed.games / seconds)} games/s)\n`,
    );
  }
  return 0;
}
