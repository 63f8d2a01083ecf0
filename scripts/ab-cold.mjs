// Builds of briefbook compared on a first run: a Markdown + HTML build of the shipped
// project with every cache empty (the bench's cold row), each variant run in turn, round
// after round. What a change is worth to a first run is often 1-3 % of it, and this
// machine's speed drifts by a fifth between minutes; so the variants alternate, each
// round's figures are paired, and the report gives the mean difference from the first
// variant with its standard error, for the wall time and for the CPU time of node's main
// thread (read from /proc as the process exits). The main thread is a build's critical
// path; V8's compiler and collector threads and libuv's pool, on the other core, are not,
// but a change that moves work onto them shows up in the wall time.
//
//   node scripts/ab-cold.mjs --snapshot DIR         copy this checkout's built CLI to DIR
//   node scripts/ab-cold.mjs [--rounds N] DIR...    compare the CLIs in DIR... (the first is the reference)
//
// A snapshot holds what the published package does (bin/, dist/, templates/, schema/) and
// links this checkout's node_modules; run `npm run build` before taking one. Linux only (/proc).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = fileURLToPath(new URL('..', import.meta.url));

// Appends "<main-thread CPU ms>" to $AB_COLD_CLOCK when the process exits. utime and stime
// are fields 14 and 15 of /proc/PID/task/PID/stat, in clock ticks (100 a second on Linux).
const CLOCK = `const fs = require('node:fs');
process.on('exit', () => {
  const stat = fs.readFileSync('/proc/self/task/' + process.pid + '/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  fs.appendFileSync(process.env.AB_COLD_CLOCK, (Number(fields[11]) + Number(fields[12])) * 10 + '\\n');
});
`;

function usage(message) {
  process.stderr.write(`ab-cold: ${message}\nusage: node scripts/ab-cold.mjs --snapshot DIR | [--rounds N] DIR...\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ options: { snapshot: { type: 'string' }, rounds: { type: 'string', default: '20' } }, allowPositionals: true });
} catch (e) {
  usage(e.message);
}
const { values, positionals } = parsed;

if (values.snapshot !== undefined) {
  if (positionals.length > 0) usage('--snapshot takes one folder and nothing else');
  const dir = resolve(values.snapshot);
  if (!existsSync(join(REPO, 'dist', 'cli.cjs'))) {
    process.stderr.write('ab-cold: no dist/cli.cjs here: run `npm run build` first\n');
    process.exit(1);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // What the published package holds (package.json's "files"), as an install would have it.
  const { files } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  for (const part of ['package.json', ...files]) cpSync(join(REPO, part), join(dir, part), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  process.stdout.write(`${dir}\n`);
  process.exit(0);
}

const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 2) usage(`--rounds must be a whole number of at least 2, not "${values.rounds}"`);
if (positionals.length === 0) usage('name at least one folder made by --snapshot');
const variants = positionals.map((p) => ({ name: basename(resolve(p)), bin: join(resolve(p), 'bin', 'briefbook.js'), cpu: [], wall: [] }));
for (const v of variants) if (!existsSync(v.bin)) usage(`${v.bin} does not exist: make the folder with --snapshot`);

const work = mkdtempSync(join(tmpdir(), 'briefbook-ab-cold-'));
const clock = join(work, 'clock.cjs');
writeFileSync(clock, CLOCK);
try {
  for (let round = 0; round < rounds; round++) {
    for (const v of variants) {
      const cache = mkdtempSync(join(work, 'cache-'));
      const times = join(work, 'times');
      rmSync(times, { force: true });
      const started = process.hrtime.bigint();
      const r = spawnSync(
        process.execPath,
        ['--require', clock, v.bin, 'build', '-f', 'md', '-f', 'html', '-o', join(work, `out-${v.name}`), '-q'],
        {
          cwd: REPO,
          env: { ...process.env, BRIEFBOOK_CACHE_DIR: cache, AB_COLD_CLOCK: times },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      rmSync(cache, { recursive: true, force: true });
      if (r.status !== 0) throw new Error(`${v.name} failed (exit ${r.status}):\n${String(r.stderr).slice(-2000)}`);
      v.cpu.push(Number(readFileSync(times, 'utf8').trim()));
      v.wall.push(ms);
    }
  }
} catch (e) {
  process.stderr.write(`ab-cold: ${e.message}\n`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (process.exitCode !== 1) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const stderr = (xs) => Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1) / xs.length);
  const ms = (x) => `${Math.round(x)} ms`;
  const signed = (x) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(1)}`;
  const lines = [`${rounds} rounds, cold md + html build of the shipped project; medians:`];
  for (const v of variants) lines.push(`  ${v.name}: main-thread CPU ${ms(median(v.cpu))}, wall ${ms(median(v.wall))}`);
  const [ref, ...others] = variants;
  for (const v of others) {
    const cpu = v.cpu.map((x, i) => x - ref.cpu[i]);
    const wall = v.wall.map((x, i) => x - ref.wall[i]);
    lines.push(
      `  ${v.name} − ${ref.name}: main-thread CPU ${signed(mean(cpu))} ± ${stderr(cpu).toFixed(1)} ms, wall ${signed(mean(wall))} ± ${stderr(wall).toFixed(1)} ms (paired mean ± standard error)`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
