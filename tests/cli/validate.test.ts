/**
 * The `validate` command, run the way authors and CI run it: as a process, checking exit codes and
 * the exact compiler-style line format, and that no input ever produces a stack trace.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { minimal, minimalPath, minimalText, mutated, positionOf } from '../scenario/fixture.ts';
import { cli, problemLine as line, stackTrace } from '../support/cli.ts';

let dir = '';
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'oversight-validate-'));
});

describe('validate', () => {
  it('exit 0 and "FILE: ok" for a valid file; warnings in the same line format', async () => {
    const warned = file(
      'warned.json',
      mutated((s) => (s.agreement.count = 2)),
    );
    const run = await cli('validate', minimalPath, warned);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${minimalPath}: ok`);
    expect(lines[1]).toMatch(line);
    expect(lines[1]?.match(line)?.groups).toMatchObject({
      file: warned,
      severity: 'warning',
      code: 'W_AGREEMENT_COUNT_IGNORED',
      path: '$.agreement.count',
    });
    expect(lines[2]).toBe(`${warned}: ok`);
  }, 30_000);

  it('exit 1 with one compiler-style line per problem', async () => {
    const text = mutated((s) => {
      s.roles[0].colour = 'blue';
      s.place.text = '';
    });
    const bad = file('bad.json', text);
    const run = await cli('validate', bad);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const place = positionOf(text, '""');
    const colour = positionOf(text, '"blue"');
    expect(run.stdout).toBe(
      `${bad}:${place.line}:${place.column}: error E_LENGTH at $.place.text: This text is empty. Write something here.\n` +
        `${bad}:${colour.line}:${colour.column}: error E_FORMAT at $.roles[0].colour: "blue" is not in the right form: use a #rrggbb colour.\n`,
    );
  }, 30_000);

  it('never prints a stack trace, whatever the input', async () => {
    const valid = minimal();
    const files = [
      file('syntax.json', '{"formatVersion": 1,, }'),
      file('types.json', JSON.stringify({ ...valid, roles: 'many', rounds: [] })),
      file('proto.json', minimalText.replace('{', '{"__proto__": {"x": 1},')),
      file('binary.json', new Uint8Array([0x7b, 0x00, 0x01, 0x02, 0x7d])),
      file('empty.json', ''),
      file('latin1.json', new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d])),
      file('deep.json', '['.repeat(100_000) + ']'.repeat(100_000)),
      file('number.json', '1e999'),
    ];
    const bom = file('bom.json', `\ufeff${minimalText}`);
    const run = await cli('validate', ...files, bom);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(stackTrace);
    const lines = run.stdout.trimEnd().split('\n');
    for (const l of lines.slice(0, -1)) expect(l).toMatch(line);
    expect(lines.at(-1)).toBe(`${bom}: ok`);
    const reported = new Set(lines.map((l) => l.match(line)?.groups?.file));
    for (const f of files) expect(reported.has(f), f).toBe(true);
  }, 30_000);

  it('a 50 MB file', async () => {
    const draft = minimal();
    const template = draft.assurances[0];
    for (let i = 0; draft.assurances.length < 60_000; i++) {
      draft.assurances.push({
        ...template,
        id: `pad${i}`,
        title: { id: `pad${i}.title`, text: 'Padding' },
        summary: { id: `pad${i}.summary`, text: 'Padding' },
        text: { id: `pad${i}.text`, text: 'p'.repeat(400) },
      });
    }
    const big = file('big.json', JSON.stringify(draft, null, 2));
    const start = performance.now();
    const run = await cli('validate', big);
    console.info(`validate of a 50 MB file: ${((performance.now() - start) / 1000).toFixed(1)} s`);
    expect(run).toEqual({ code: 0, stdout: `${big}: ok\n`, stderr: '' });
  }, 120_000);

  it('exit 2 with a one-line message for files that cannot be read', async () => {
    const missing = join(dir, 'missing.json');
    const run = await cli('validate', missing, dir, minimalPath);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(`${minimalPath}: ok\n`);
    expect(run.stderr).toBe(
      `${missing}: cannot read: no such file.\n${dir}: cannot read: it is a directory. Give the path of a scenario .json file.\n`,
    );
  }, 30_000);
});

describe('usage', () => {
  it('--help prints usage and exits 0', async () => {
    const run = await cli('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^usage: npm run scenario -- <command>/);
    expect(run.stdout).toMatch(/validate FILE\.\.\./);
    const validateHelp = await cli('validate', '--help');
    expect(validateHelp.code).toBe(0);
    expect(validateHelp.stdout).toMatch(/^usage: npm run scenario -- validate FILE\.\.\./);
  }, 30_000);

  it.each([
    [[], /^usage:/],
    [['frobnicate'], /^unknown command "frobnicate"/],
    [['validate'], /^validate: no files given/],
    [['validate', '--strict', 'x.json'], /^validate: unknown option "--strict"/],
  ])(
    '%j is a usage error: exit 2',
    async (args, message) => {
      const run = await cli(...args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(stackTrace);
    },
    30_000,
  );
});
