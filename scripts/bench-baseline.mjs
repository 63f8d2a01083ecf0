#!/usr/bin/env node
// The raw baseline for `npm run bench`: the least a puppeteer script must do to print
// briefbook's HTML packets to PDF — one browser (same flags, over a pipe), two tabs kept
// open and reused, `setContent` + `page.pdf` with the page options the build uses, bytes
// written to disk. No fact base, no templates, no second pass for contents page numbers,
// no pdf-lib clean-up, no fresh sandboxed page per document. It is the floor the full
// build is measured against.
//
//   node scripts/bench-baseline.mjs [--html DIR (default out/)] [--out DIR] [--browser PATH [--shell]]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    html: { type: 'string', default: 'out' },
    out: { type: 'string', default: join(tmpdir(), 'briefbook-baseline') },
    browser: { type: 'string', default: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium' },
    // The browser is Chromium's headless shell (as briefbook starts it: `headless: 'shell'`).
    shell: { type: 'boolean', default: false },
  },
});

// The browser flags briefbook launches with: a data file, read without loading our code.
const ARGS = JSON.parse(readFileSync(new URL('../src/render/print/chromium-flags.json', import.meta.url), 'utf8'));

const FONT = "font-family: 'Liberation Sans', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
const text = (html, re) => re.exec(html)?.[1] ?? '';

// Mirrors pdfOptions() in src/render/print/pdf.ts: paper size, margins, running header and footer
// with banner, title and "Page X of Y", backgrounds, outline, tagged PDF. Title, banner and
// size are read back from the HTML page.
function pageOptions(html) {
  const title = text(html, /<title>([^<]*)<\/title>/);
  const banner = text(html, /<div class="banner banner-top">([^<]*)<\/div>/);
  const a4 = /<body class="[^"]*\bsize-a4\b/.test(html);
  const box = `${FONT}; font-size: 7.5pt; width: 100%; margin: 0 0.75in; color: #222; -webkit-print-color-adjust: exact;`;
  const mark = 'text-align: center; font-weight: bold; letter-spacing: 0.08em; text-transform: uppercase;';
  return {
    format: a4 ? 'a4' : 'letter',
    margin: { top: '0.9in', bottom: '0.85in', left: '0.75in', right: '0.75in' },
    displayHeaderFooter: true,
    headerTemplate: `<div style="${box}"><div style="${mark}">${banner}</div><div style="display: flex; justify-content: space-between; margin-top: 4pt; border-bottom: 0.5pt solid #777;"><span>${title}</span><span></span></div></div>`,
    footerTemplate: `<div style="${box}"><div style="display: flex; justify-content: space-between; border-top: 0.5pt solid #777;"><span>stamp</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div><div style="${mark} margin-top: 4pt;">${banner}</div></div>`,
    printBackground: true,
    outline: true,
    tagged: true,
    preferCSSPageSize: false,
  };
}

const files = readdirSync(values.html)
  .filter((f) => f.endsWith('.html'))
  .sort();
if (files.length === 0) {
  console.error(`no .html files in ${values.html}; build them first (briefbook build -f html)`);
  process.exit(1);
}
mkdirSync(values.out, { recursive: true });

// Through require, as briefbook loads it: puppeteer's CommonJS build loads faster than its ES modules.
const puppeteer = createRequire(import.meta.url)('puppeteer');
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const browser = await puppeteer.launch({
  executablePath: values.browser,
  headless: values.shell ? 'shell' : true,
  pipe: true,
  args: [...ARGS, ...(asRoot ? ['--no-sandbox'] : [])],
});
try {
  let next = 0;
  const worker = async () => {
    const page = await browser.newPage();
    while (next < files.length) {
      const name = files[next++];
      const html = readFileSync(join(values.html, name), 'utf8');
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf(pageOptions(html));
      writeFileSync(join(values.out, name.replace(/\.html$/, '.pdf')), pdf);
    }
    await page.close();
  };
  await Promise.all([worker(), worker()]);
} finally {
  await browser.close();
}
