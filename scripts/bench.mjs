#!/usr/bin/env node
// `npm run bench`: one table from one run, medians of several runs, with the machine it
// ran on. Every measurement is a separate process started the way a user starts it
// (`node bin/briefbook.js …`), timed from spawn to exit. Peak memory is the process's own
// maximum resident set (GNU time's %M); for PDF builds a second figure sums the whole
// process tree (node + Chromium), sampled from /proc every 20 ms in a separate, untimed run.
// Pairs that form a ratio are run alternately, so a busy machine slows both sides alike.
//
//   node scripts/bench.mjs [--quick] [--sizes 1000,10000,50000] [--keep]
//     --quick  fewer runs, corpus sizes 1000 and 10000 only
//     --keep   keep the generated corpora in $TMPDIR/briefbook-bench, and reuse them next time
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { mdToPdf, pickedBrowser, stackFloor, watchEdits } from './bench-peers.mjs';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(REPO, 'bin', 'briefbook.js');
const WORK = join(tmpdir(), 'briefbook-bench');
const SIZES = (values.sizes ?? (values.quick ? '1000,10000' : '1000,10000,50000')).split(',').map(Number);
// The start-up rows run more often: their ratios divide by `node -e 0`, whose own time drifts
// by a quarter between minutes here, and five runs let one slow minute move the floor
// (a 6.0 × cold ratio in five runs was 7.0 × in twenty-one).
const RUNS = { fast: values.quick ? 3 : 5, startup: values.quick ? 3 : 11, pdf: values.quick ? 1 : 5, big: values.quick ? 1 : 3 };
const GNU_TIME = ['/usr/bin/time', '/bin/time'].find(
  (p) => existsSync(p) && spawnSync(p, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0,
);
// The browser briefbook picks (the raw baseline uses the same one), and the full Chromium
// md-to-pdf's users point it at.
const PICKED = pickedBrowser();
const BROWSER = PICKED?.path ?? '/usr/bin/chromium';
const CHROMIUM = process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium';
const ENV = { ...process.env, NO_COLOR: '1' };

const log = (msg) => process.stderr.write(`bench: ${msg}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const max = (xs) => Math.max(...xs);

/** One run: wall milliseconds and the process's peak RSS in kB (GNU time), or throws when it fails. */
function once(args, cwd = REPO, env = ENV) {
  const rssFile = join(WORK, `rss-${process.pid}.txt`);
  const [cmd, ...rest] = GNU_TIME ? [GNU_TIME, '-f', '%M', '-o', rssFile, process.execPath, ...args] : [process.execPath, ...args];
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, rest, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`failed (exit ${r.status}): node ${args.join(' ')}\n${String(r.stderr).slice(-2000)}`);
  const rss = GNU_TIME ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : Number.NaN;
  return { ms, rss };
}

/** Runs each command `n` times, alternating between them; medians of time, max of peak RSS. */
function alternate(n, ...commands) {
  const runs = commands.map(() => []);
  for (let i = 0; i < n; i++)
    commands.forEach((c, k) => {
      c.before?.();
      runs[k].push(once(c.args, c.cwd, c.env ? { ...ENV, ...c.env } : ENV));
    });
  return runs.map((r) => ({ ms: median(r.map((x) => x.ms)), rss: max(r.map((x) => x.rss)), runs: r.length }));
}

/**
 * `command` with its cache folder warm but no packet kept (every `packet-*` entry deleted
 * before each run): a Markdown/HTML build that renders every packet, as after any edit.
 */
function packetsRendered(command) {
  const rendered = { ...command };
  rendered.before = () => {
    const dir = command.env.BRIEFBOOK_CACHE_DIR;
    for (const f of readdirSync(dir)) if (f.startsWith('packet-')) rmSync(join(dir, f), { force: true });
  };
  return rendered;
}

/** `command` run with an empty start-up cache each time (a new folder before every run). */
function coldCache(command) {
  const cold = { ...command, env: { ...command.env } };
  cold.before = () => {
    cold.env.BRIEFBOOK_CACHE_DIR = mkdtempSync(join(WORK, 'cache-cold-'));
  };
  return cold;
}

/** Peak of the summed RSS of a process and all its descendants, sampled from /proc. */
function treePeak(args, cwd = REPO) {
  if (!existsSync('/proc/self/stat')) return Promise.resolve(Number.NaN);
  const page = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: ENV, stdio: 'ignore' });
    let peak = 0;
    const sample = () => {
      const parent = new Map();
      const rss = new Map();
      for (const name of readdirSync('/proc')) {
        if (!/^\d+$/.test(name)) continue;
        try {
          const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          parent.set(Number(name), Number(fields[1]));
          rss.set(Number(name), Number(fields[21]) * page);
        } catch {
          // the process ended while we looked
        }
      }
      let sum = 0;
      for (const [pid, bytes] of rss) {
        for (let p = pid; p > 1; p = parent.get(p) ?? 0) {
          if (p === child.pid) {
            sum += bytes;
            break;
          }
        }
      }
      peak = Math.max(peak, sum);
    };
    const timer = setInterval(sample, 20);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`failed (exit ${code}): node ${args.join(' ')}`));
      else resolve(peak / 1024);
    });
  });
}

function machine() {
  const cpu = readFileSafe('/proc/cpuinfo').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  let chromium = 'not found';
  try {
    chromium = execFileSync(BROWSER, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // reported as not found
  }
  return {
    cpu,
    cores: availableParallelism(),
    ram: `${(totalmem() / 1024 ** 3).toFixed(1)} GB`,
    node: process.version,
    chromium,
    load: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

function readFileSafe(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

const sec = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const mb = (kb) => (Number.isFinite(kb) ? `${Math.round(kb / 1024)} MB` : 'n/a');
const ok = (met) => (met ? 'met' : '**missed**');

// ---------------------------------------------------------------------------------------

mkdirSync(WORK, { recursive: true });
const out = mkdtempSync(join(WORK, 'out-'));
const rows = [];
const row = (what, runs, time, rss, target = '', result = '') => rows.push({ what, runs, time, rss, target, result });
const m = machine();
log(`${m.cpu}, ${m.cores} cores, ${m.ram}, node ${m.node}, ${m.chromium}; load ${m.load}`);

// 1 and 2: the full default build against the raw puppeteer baseline and md-to-pdf.
log('full build (md + html + pdf), the raw baseline, md-to-pdf');
const full = ['build', '-o', join(out, 'full'), '-q'];
const baseline = [
  join(REPO, 'scripts', 'bench-baseline.mjs'),
  '--html',
  join(out, 'full'),
  '--out',
  join(out, 'baseline'),
  '--browser',
  BROWSER,
  ...(PICKED?.shell ? ['--shell'] : []),
];
// Its own cache folder, filled by the first run: the build's packets are kept, so later runs
// print every PDF without rendering; the second command empties the packets first, as after an edit.
const fullEnv = { BRIEFBOOK_CACHE_DIR: mkdtempSync(join(WORK, 'cache-full-')) };
once([BIN, ...full], REPO, { ...ENV, ...fullEnv }); // warms the disk cache, the caches, and gives the peers their input
const peer = mdToPdf(join(WORK, 'md-to-pdf'), CHROMIUM);
const mdDir = join(out, 'md-to-pdf');
mkdirSync(mdDir);
const mdFiles = readdirSync(join(out, 'full')).filter((f) => f.endsWith('.md'));
for (const f of mdFiles) copyFileSync(join(out, 'full', f), join(mdDir, f));
const peerCmd = peer.bin && { args: [realpathSync(peer.bin), ...mdFiles.map((f) => join(mdDir, f)), ...peer.launch], env: peer.env };
if (peerCmd) once(peerCmd.args, REPO, { ...ENV, ...peerCmd.env }); // its first run, untimed, as for the others
const [b, bRendered, raw, md2pdf] = alternate(
  RUNS.pdf,
  { args: [BIN, ...full], env: fullEnv },
  packetsRendered({ args: [BIN, ...full], env: fullEnv }),
  { args: baseline },
  ...(peerCmd ? [peerCmd] : []),
);
const bTree = await treePeak([BIN, ...full]);
const rawTree = await treePeak(baseline);
const pdfs = readdirSync(join(out, 'full')).filter((f) => f.endsWith('.pdf')).length;
const browserName = PICKED?.shell ? 'headless shell' : 'Chromium';
row(
  `1. Full build, shipped project (${pdfs} audiences × md + html + pdf; ${browserName}; cache warm: every PDF printed, packets kept)`,
  b.runs,
  sec(b.ms),
  `${mb(b.rss)} node; ${mb(bTree)} with Chromium`,
);
row('   Full build, every packet rendered (as after an edit)', bRendered.runs, sec(bRendered.ms), mb(bRendered.rss));
row(
  `2. Raw puppeteer baseline (same HTML → PDF, one browser, two tabs; ${browserName})`,
  raw.runs,
  sec(raw.ms),
  `${mb(raw.rss)} node; ${mb(rawTree)} with Chromium`,
);
row('   Ratio build / baseline', '', `${(b.ms / raw.ms).toFixed(2)} ×`, '', '≤ 1.15 ×', ok(b.ms / raw.ms <= 1.15));
row(
  '   Ratio build, every packet rendered / baseline',
  '',
  `${(bRendered.ms / raw.ms).toFixed(2)} ×`,
  '',
  '≤ 1.15 ×',
  ok(bRendered.ms / raw.ms <= 1.15),
);
if (md2pdf) {
  row(
    `   md-to-pdf ${peer.version}, the same ${mdFiles.length} .md files, its defaults, full Chromium`,
    md2pdf.runs,
    sec(md2pdf.ms),
    mb(md2pdf.rss),
  );
  row('   Ratio build / md-to-pdf', '', `${(b.ms / md2pdf.ms).toFixed(2)} ×`, '', '≤ 0.5 ×', ok(b.ms / md2pdf.ms <= 0.5));
} else row(`   md-to-pdf: skipped — ${peer.skipped}`, '', '', '', '≤ 0.5 ×', 'not run');

// 3: Markdown + HTML against bare node start-up, with the start-up cache empty (cold: a new
// folder each run) and filled by an earlier run (warm); Word output beside them.
log('md + html build (cold and warm cache), node -e 0, md + html + docx build');
const warmCache = mkdtempSync(join(WORK, 'cache-warm-'));
const mdhtml = ['build', '-f', 'md', '-f', 'html', '-o', join(out, 'mdhtml'), '-q'];
once([BIN, ...mdhtml], REPO, { ...ENV, BRIEFBOOK_CACHE_DIR: warmCache });
// The stack floor: the libraries alone, first run, on the same inputs (scripts/stack-floor.mjs).
const stack = await stackFloor(REPO, join(out, 'stack-floor'));
const stackRun = stack.file && {
  args: [stack.file, 'build', '-f', 'md', '-f', 'html', '-o', join(out, 'stack-floor'), '-q'],
  env: { BRIEFBOOK_FLOOR_MD: join(out, 'mdhtml') },
};
const [mhWarm, mhRendered, floor, mhCold, word, stackCold] = alternate(
  RUNS.startup,
  { args: [BIN, ...mdhtml], env: { BRIEFBOOK_CACHE_DIR: warmCache } },
  packetsRendered({ args: [BIN, ...mdhtml], env: { BRIEFBOOK_CACHE_DIR: warmCache } }),
  { args: ['-e', '0'] },
  coldCache({ args: [BIN, ...mdhtml] }),
  { args: [BIN, 'build', '-f', 'md', '-f', 'html', '-f', 'docx', '-o', join(out, 'word'), '-q'] },
  ...(stackRun ? [stackRun] : []),
);
row('3. md + html build, shipped project, cache warm (second and later runs)', mhWarm.runs, sec(mhWarm.ms), mb(mhWarm.rss));
row('   md + html build, cache warm but every packet rendered (as after an edit)', mhRendered.runs, sec(mhRendered.ms), mb(mhRendered.rss));
row('   md + html build, cache cold (first run)', mhCold.runs, sec(mhCold.ms), mb(mhCold.rss));
row('   `node -e 0`', floor.runs, sec(floor.ms), mb(floor.rss));
row('   Ratio md + html / `node -e 0`, warm', '', `${(mhWarm.ms / floor.ms).toFixed(2)} ×`, '', '≤ 4 ×', ok(mhWarm.ms / floor.ms <= 4));
row('   Ratio md + html / `node -e 0`, cold', '', `${(mhCold.ms / floor.ms).toFixed(2)} ×`, '', '≤ 6 ×', ok(mhCold.ms / floor.ms <= 6));
row('   md + html + docx build (Word output added)', word.runs, sec(word.ms), mb(word.rss));
if (stackCold) {
  row(
    '   Stack floor, first run: the same libraries alone on the same inputs (yargs, js-yaml + zod, gray-matter, Handlebars, marked; scripts/stack-floor.mjs)',
    stackCold.runs,
    sec(stackCold.ms),
    mb(stackCold.rss),
  );
  row('   Ratio stack floor / `node -e 0`', '', `${(stackCold.ms / floor.ms).toFixed(2)} ×`, '', '', '');
  row(
    "   Ratio md + html cold / stack floor (briefbook's own first-run work)",
    '',
    `${(mhCold.ms / stackCold.ms).toFixed(2)} ×`,
    '',
    '',
    '',
  );
} else row(`   Stack floor: skipped — ${stack.skipped}`, '', '', '', '', 'not run');

// Watch mode: one fact edited, the member memo's PDF rewritten.
log('watch: one-fact edit → member memo PDF');
const edits = await watchEdits(BIN, join(out, 'watch'), RUNS.fast, ENV);
const wall = median(edits.map((e) => e.wall));
row(
  '   watch: one-fact edit → member memo PDF rewritten (from the write; watch’s own figure)',
  edits.length,
  `${sec(wall)} (${sec(median(edits.map((e) => e.own)))})`,
  '',
  '≤ 0.25 s',
  ok(wall <= 250),
);

// 4: generated corpora.
const per = {};
for (const n of SIZES) {
  const dir = join(WORK, `corpus-${n}`);
  if (!(values.keep && existsSync(join(dir, '.git')))) {
    log(`generating ${n} facts`);
    rmSync(dir, { recursive: true, force: true });
    execFileSync(process.execPath, [join(REPO, 'scripts', 'gen-corpus.mjs'), dir, '--facts', String(n), '--audiences', '50', '--git'], {
      stdio: 'ignore',
    });
  }
  const audiences = readdirSync(join(dir, 'templates', 'audiences')).length;
  const runs = n > 10_000 ? RUNS.big : RUNS.fast;
  log(`${n} facts: validate (cache warm and cold), md build of ${audiences} audiences, diff`);
  // The bench's own cache, filled by one untimed run: the user's is neither read nor written.
  const env = { BRIEFBOOK_CACHE_DIR: mkdtempSync(join(WORK, `cache-corpus-${n}-`)) };
  once([BIN, 'validate'], dir, { ...ENV, ...env });
  const validate = { args: [BIN, 'validate'], cwd: dir, env };
  const [v, vCold] = alternate(runs, validate, coldCache(validate));
  // Every packet rendered (none taken from the packet cache): the scale targets are about rendering.
  const [md] = alternate(runs, packetsRendered({ args: [BIN, 'build', '-f', 'md', '-o', join(out, `corpus-${n}`), '-q'], cwd: dir, env }));
  // Warm: the same diff again (its record of the pair kept); cold: an empty cache each run.
  const diff = { args: [BIN, 'diff', 'HEAD~1', 'HEAD'], cwd: dir, env };
  once(diff.args, dir, { ...ENV, ...env });
  const [d, dCold] = alternate(runs, diff, coldCache(diff));
  per[n] = { v, vCold, md, d, dCold, audiences };
}
const big = (t, limitMs, limitKb) => (t.ms <= limitMs && t.rss <= limitKb ? 'met' : '**missed**');
for (const n of SIZES) {
  const { v, vCold, md, d, dCold, audiences } = per[n];
  const at10k = n === 10_000;
  const k = `${n.toLocaleString('en')} facts`;
  const at50k = n === 50_000;
  row(
    `4. ${k}: validate, cache warm`,
    v.runs,
    sec(v.ms),
    mb(v.rss),
    at10k ? '≤ 0.4 s' : '',
    at10k ? big(v, 400, Number.POSITIVE_INFINITY) : '',
  );
  row(`   ${k}: validate, cache cold`, vCold.runs, sec(vCold.ms), mb(vCold.rss));
  row(
    `   ${k}: md build of ${audiences} audiences (every packet rendered)`,
    md.runs,
    sec(md.ms),
    mb(md.rss),
    at10k ? '≤ 2.5 s' : at50k ? '≤ 8 s, ≤ 500 MB' : '',
    at10k ? big(md, 2500, Number.POSITIVE_INFINITY) : at50k ? big(md, 8000, 500 * 1024) : '',
  );
  row(
    `   ${k}: diff of two revisions (1% changed), cache warm`,
    d.runs,
    sec(d.ms),
    mb(d.rss),
    at10k ? '≤ 0.35 s' : '',
    at10k ? big(d, 350, Number.POSITIVE_INFINITY) : '',
  );
  row(`   ${k}: diff, cache cold (the pair's first diff)`, dCold.runs, sec(dCold.ms), mb(dCold.rss));
}
// Growth: the marginal cost of 1,000 more facts between consecutive sizes (start-up and
// other fixed costs cancel out). Linear growth gives about the same figure at every step.
if (SIZES.length > 1) {
  const steps = SIZES.slice(1).map((n, i) => [SIZES[i], n]);
  const label = steps.map(([a, z]) => `${a / 1000}k→${z / 1000}k`).join(' / ');
  const marginal = (pick) =>
    steps
      .map(([a, z]) => {
        const k = (z - a) / 1000;
        return `${Math.round((pick(per[z]).ms - pick(per[a]).ms) / k)} ms, ${((pick(per[z]).rss - pick(per[a]).rss) / 1024 / k).toFixed(1)} MB`;
      })
      .join(' / ');
  row(
    `   Growth per 1,000 more facts, ${label}: validate`,
    '',
    marginal((p) => p.v),
    '',
    'linear: about equal',
    '',
  );
  row(
    '   … md build of all audiences',
    '',
    marginal((p) => p.md),
    '',
    'linear: about equal',
    '',
  );
  row(
    '   … diff',
    '',
    marginal((p) => p.d),
    '',
    'linear: about equal',
    '',
  );
}

const end = machine();
const lines = [
  `Machine: ${m.cpu}, ${m.cores} cores, ${m.ram} RAM; node ${m.node}; ${m.chromium}.`,
  `Load average at start ${m.load}, at end ${end.load}. Peak RSS: ${GNU_TIME ? 'GNU time %M of the node process' : 'n/a (no GNU time)'}.`,
  '',
  '| Measurement | Runs | Median time | Peak RSS | Target | Result |',
  '|:--|--:|--:|--:|:--|:--|',
  ...rows.map((r) => `| ${r.what} | ${r.runs} | ${r.time} | ${r.rss} | ${r.target} | ${r.result} |`),
];
process.stdout.write(`${lines.join('\n')}\n`);
rmSync(out, { recursive: true, force: true });
rmSync(warmCache, { recursive: true, force: true });
for (const d of readdirSync(WORK)) if (d.startsWith('cache-cold-')) rmSync(join(WORK, d), { recursive: true, force: true });
rmSync(join(WORK, `rss-${process.pid}.txt`), { force: true });
if (!values.keep) for (const n of SIZES) rmSync(join(WORK, `corpus-${n}`), { recursive: true, force: true });
