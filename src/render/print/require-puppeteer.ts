// puppeteer as the installed package. This is what runs from source and in the library;
// the CLI bundle replaces this module (scripts/bundle.mjs, puppeteerBeside) with one that
// takes puppeteer from dist/puppeteer.cjs — the installed puppeteer bundled into one file
// at build time, which bin/briefbook.js runs through V8's code cache — whenever the
// installed puppeteer is the version that file was made from, and otherwise does this.
import { createRequire } from 'node:module';

/** The puppeteer module; throws when the package is not installed. */
export function requirePuppeteer(): unknown {
  return createRequire(import.meta.url)('puppeteer');
}
