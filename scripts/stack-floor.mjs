// The bench's stack floor (scripts/bench.mjs, row 3): what the libraries briefbook is built
// on cost on their own, in a first run, doing the least a Markdown + HTML build of the same
// project asks of them. yargs parses the same command line; js-yaml reads every YAML file
// under data/ and zod checks every item in it against a small schema; gray-matter reads
// every template's front matter; Handlebars' runtime renders a precompiled list of the
// statements; marked turns the build's own Markdown packets into HTML, and the results are
// written as the build's are. None of briefbook's own work is here: its fact schema and
// cross-checks, the templates and helpers, the contents, the notes, the leak guard, the
// caches for the next run.
//
// The bench bundles this file as it bundles the CLI (one CommonJS file, run with no code
// cache), runs it from the project's folder, and reads the packets' Markdown from
// $BRIEFBOOK_FLOOR_MD (a folder a build of the same project wrote).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import Handlebars from 'handlebars/runtime';
import jsyaml from 'js-yaml';
import { Marked } from 'marked';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import * as z from 'zod';

// Precompiled by the bench (Handlebars.precompile of LIST_TEMPLATE), as the shipped templates are.
/* global __FLOOR_LIST_SPEC__ */
const LIST_SPEC = __FLOOR_LIST_SPEC__;

const Item = z.looseObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  statement: z.string().min(1).optional(),
  status: z.string().optional(),
  sensitivity: z.string().optional(),
  sources: z.array(z.unknown()).optional(),
});

async function main() {
  const argv = await yargs(hideBin(process.argv))
    .command('build', 'build packets', (y) =>
      y
        .option('format', { alias: 'f', type: 'string', array: true, choices: ['md', 'html', 'pdf', 'docx'] })
        .option('out', { alias: 'o', type: 'string', demandOption: true })
        .option('quiet', { alias: 'q', type: 'boolean' }),
    )
    .demandCommand(1)
    .strict()
    .help()
    .parseAsync();

  const items = [];
  const files = readdirSync('data', { recursive: true }).filter((f) => f.endsWith('.yaml'));
  for (const file of files.sort()) {
    const doc = jsyaml.load(readFileSync(join('data', file), 'utf8'));
    for (const list of Object.values(doc ?? {})) {
      if (!Array.isArray(list)) continue;
      for (const item of list) {
        const checked = Item.safeParse(item);
        if (checked.success) items.push(checked.data);
      }
    }
  }
  for (const folder of [join('templates', 'audiences'), join('templates', 'partials')])
    for (const name of readdirSync(folder)) matter(readFileSync(join(folder, name), 'utf8'));
  const list = Handlebars.template(LIST_SPEC)({ items });

  const source = process.env.BRIEFBOOK_FLOOR_MD;
  for (const name of readdirSync(source).filter((n) => n.endsWith('.md'))) {
    const markdown = readFileSync(join(source, name), 'utf8');
    const html = new Marked({ gfm: true }).parse(markdown, { async: false });
    writeFileSync(join(argv.out, name), markdown);
    writeFileSync(join(argv.out, name.replace(/\.md$/, '.html')), `<!doctype html><body>${html}</body>`);
  }
  if (list.length === 0 || items.length === 0) throw new Error('stack floor: no facts read');
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exitCode = 1;
});
