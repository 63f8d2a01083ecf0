#!/usr/bin/env node
// Runs the bundled CLI (dist/cli.cjs, made by `npm run build`) through V8's code cache.
// Compiling the 3 MB bundle is a good part of a short command's start, and node 20 keeps
// no compiled code for ES modules; with the cache a run takes the compiled code from disk.
//
// The cache lives in briefbook's cache folder ($BRIEFBOOK_CACHE_DIR, else briefbook/ in
// $XDG_CACHE_HOME or ~/.cache; `off` turns it off — the rule of src/util/disk-cache.ts,
// repeated here because this runs before the bundle): one entry per bundle, node version and
// command, named by a hash of the first two and the command's name, made after the first
// run of that command that had none. Per command, because an entry holds what the run that
// made it compiled: with one entry for all, whichever command ran first after an install
// decided it (an md + html build took ~8 % more CPU with the entry `list` had made). An
// entry carries a hash of its own bytes and is written to a temp file and renamed, so a
// torn or altered entry is never used; V8 itself refuses data made for other code or flags. Any failure means
// "no cache": the CLI runs the same without it. The entries are code the CLI runs, so the
// folder must be as private as briefbook's own install.
//
// CommonJS (bin/package.json says so), not an ES module: node then runs it without
// starting its ES module loader, about 15-20 ms of CPU at every start.
'use strict';
const { createHash, randomBytes } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { homedir } = require('node:os');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const file = join(__dirname, '..', 'dist', 'cli.cjs');
// Hashed as bytes: hashing the decoded 3 MB string cost ~30 ms more (it is encoded again).
const bytes = readFileSync(file);
const source = bytes.toString('utf8');
const sha1 = (...parts) => parts.reduce((hash, part) => hash.update(part), createHash('sha1')).digest('hex');

const folder = cacheFolder(process.env);
const entry = folder && join(folder, `cli-${sha1(`${process.version}\0${process.arch}\0`, bytes)}-${commandName(process.argv)}.v8`);
const cachedData = entry ? readEntry(entry) : undefined;

// The CommonJS wrapper node itself puts around a module, compiled with the cached code.
// (The bundle makes no import() call, which a vm script could only make through node's
// experimental loader hook: scripts/bundle.mjs refuses to write one that does.)
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(file), cli, file, dirname(file));

cli.exports.main().then(() => {
  // After the run, so the entry holds every function this command compiled, not just the top
  // level; but not after a bad command line (exit 2), which stopped before the command ran.
  // (Bad input, exit 1, still ran most of it: `validate` on a fact base with errors.)
  if (entry && (!cachedData || script.cachedDataRejected) && process.exitCode !== 2) writeEntry(entry, script.createCachedData());
});

/** The command's name, fit for a file name: the first word, past the global option -C DIR. */
function commandName(argv) {
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-C' || args[i] === '--root') i++;
    else if (/^[a-z][a-z-]{0,31}$/.test(args[i])) return args[i];
  }
  return 'none';
}

function cacheFolder(env) {
  if (env.BRIEFBOOK_CACHE_DIR === 'off') return undefined;
  return env.BRIEFBOOK_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'briefbook');
}

/** The entry's code, or undefined when it is missing or does not match its own hash. */
function readEntry(path) {
  try {
    const raw = readFileSync(path);
    const data = raw.subarray(40);
    return raw.subarray(0, 40).toString('latin1') === sha1(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

function writeEntry(path, data) {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, Buffer.concat([Buffer.from(sha1(data), 'latin1'), data]));
    renameSync(temp, path);
  } catch {
    rmSync(temp, { force: true });
  }
}
