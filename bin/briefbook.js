#!/usr/bin/env node
// Runs the bundled CLI (dist/cli.cjs, made by `npm run build`), and the libraries it keeps
// in files beside it (puppeteer for PDFs, docx for Word, yaml, Handlebars' compiler),
// through V8's code cache. Compiling them is a good part of a short command's start (and
// loading puppeteer, of a PDF build's path to its first print), and node 20 keeps no
// compiled code for any module; with the cache a run takes the compiled code from disk.
//
// The cache lives in briefbook's cache folder ($BRIEFBOOK_CACHE_DIR, else briefbook/ in
// $XDG_CACHE_HOME or ~/.cache; `off` turns it off — the rule of src/util/disk-cache.ts,
// repeated here because this runs before the bundle): one entry per file, node version and
// command, named by the file, a hash of its bytes and node's version, and the command, made
// after the first run of that command that had none. Per command, because an entry holds what the run that
// made it compiled: with one entry for all, whichever command ran first after an install
// decided it (an md + html build took ~8 % more CPU with the entry `list` had made); a
// command's first run borrows another's entry until it has its own (runBeside). An
// entry carries a hash of its own bytes and is written to a temp file and renamed, so a
// torn or altered entry is never used; V8 itself refuses data made for other code or flags. Any failure means
// "no cache": the CLI runs the same without it. The entries are code the CLI runs, so the
// folder must be as private as briefbook's own install.
//
// CommonJS (bin/package.json says so), not an ES module: node then runs it without
// starting its ES module loader, about 15-20 ms of CPU at every start.
'use strict';
const { createHash, randomBytes } = require('node:crypto');
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { homedir } = require('node:os');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const sha1 = (...parts) => parts.reduce((hash, part) => hash.update(part), createHash('sha1')).digest('hex');
const folder = cacheFolder(process.env);
const command = commandName(process.argv);
/** dist's files run so far, by name; and the scripts whose entry is to be written after the run. */
const loaded = new Map();
const unstored = [];

const cli = runBeside('cli');
cli.main().then(() => {
  // After the run, so an entry holds every function this command compiled, not just the top
  // level; but not after a bad command line (exit 2), which stopped before the command ran.
  // (Bad input, exit 1, still ran most of it: `validate` on a fact base with errors.)
  if (process.exitCode !== 2) for (const { entry, script } of unstored) writeEntry(entry, script.createCachedData());
});

/**
 * dist/NAME.cjs run as node runs a CommonJS module, compiled with its cached code: the CLI,
 * and the libraries it keeps beside itself (scripts/bundle.mjs: puppeteer, docx, yaml…),
 * which it requires as `./NAME.cjs` and which come here too. Each file's entry is named by
 * a hash of node's version and the file's bytes (hashed as bytes: hashing the decoded string
 * cost ~30 ms more for the 3 MB CLI, which is encoded again) and by the command.
 */
function runBeside(name) {
  if (loaded.has(name)) return loaded.get(name).exports;
  const file = join(dist, `${name}.cjs`);
  const bytes = readFileSync(file);
  // (The hash only with a cache folder: hashing the 4.8 MB puppeteer file is not free.)
  const prefix = folder && `${name}-${sha1(`${process.version}\0${process.arch}\0`, bytes)}-`;
  const entry = prefix && join(folder, `${prefix}${command}.v8`);
  const own = entry ? readEntry(entry) : undefined;
  // A command's first run (since briefbook or node changed) takes another command's entry
  // for the same file, when there is one: most of what one command compiles, another runs
  // too (the CLI's start, the project, the fact base; a first build after a `validate`
  // took ~145 ms less). Its own entry is written after the run, as without one.
  const cachedData = own ?? (entry ? otherEntry(prefix) : undefined);
  // The CommonJS wrapper node itself puts around a module. (The CLI makes no import() call,
  // which a vm script could only make through node's experimental loader hook:
  // scripts/bundle.mjs refuses to write one that does. puppeteer's file has two, in
  // cosmiconfig's asynchronous loaders; puppeteer reads its configuration synchronously.)
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  const module = { exports: {} };
  loaded.set(name, module); // as node does, so that a cycle gets the exports made so far
  try {
    script.runInThisContext()(module.exports, requireFor(file), module, file, dist);
  } catch (e) {
    loaded.delete(name);
    throw e;
  }
  if (entry && (!own || script.cachedDataRejected)) unstored.push({ entry, script });
  return module.exports;
}

/** node's `require` for a file of dist/, but a file beside it (`./NAME.cjs`) runs through runBeside. */
function requireFor(file) {
  const plain = createRequire(file);
  const require = (id) => {
    const beside = /^\.\/([a-z][a-z0-9-]*)\.cjs$/.exec(id);
    return beside ? runBeside(beside[1]) : plain(id);
  };
  return Object.assign(require, { resolve: plain.resolve, cache: plain.cache, main: plain.main, extensions: plain.extensions });
}

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

/** The largest sound entry of another command for the same file and node (`prefix`), if any. */
function otherEntry(prefix) {
  try {
    const sizes = readdirSync(folder)
      .filter((f) => f.startsWith(prefix) && f.endsWith('.v8'))
      .map((f) => join(folder, f))
      .map((path) => ({ path, size: statSync(path).size }))
      .sort((a, b) => b.size - a.size);
    for (const { path } of sizes) {
      const data = readEntry(path);
      if (data) return data;
    }
  } catch {
    // no folder yet: no entry
  }
  return undefined;
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
