// The shipped templates come compiled in the bundle (scripts/bundle.mjs, builtinSpecs): a
// project whose templates are the shipped ones renders from that code. It must render the
// same bytes as code Handlebars compiles at run time. Each template is made different in
// a way that prints nothing (a Handlebars comment after its last line), so that none is found in the
// bundle and all are compiled; the packets must be byte for byte the same.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { shippedProject } from './helpers/project.js';
import { testdir } from './helpers/testdir.js';

const built = (files: Record<string, string>) => {
  const root = testdir(files);
  // Cache off: every template compiled here or taken from the bundle, none from an earlier run.
  const r = run(['build', '-f', 'md', '-f', 'html', '-o', 'out', '-q'], {
    cwd: root,
    env: { BRIEFBOOK_CACHE_DIR: 'off', SOURCE_DATE_EPOCH: '1782000000' },
  });
  expect([r.code, r.stderr]).toEqual([0, '']);
  const out = join(root, 'out');
  return Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
};

describe('shipped templates compiled in the bundle', () => {
  it('render the same packets as the same templates compiled at run time', () => {
    const files = shippedProject();
    const changed = Object.fromEntries(
      Object.entries(files).map(([path, text]) =>
        /^templates\/(partials\/.*\.hbs|audiences\/.*\.md)$/.test(path) ? [path, `${text}{{!-- compiled at run time --}}`] : [path, text],
      ),
    );
    expect(Object.keys(changed).filter((p) => changed[p] !== files[p]).length).toBeGreaterThanOrEqual(14);
    const fromBundle = built(files);
    expect(Object.keys(fromBundle)).toHaveLength(12);
    expect(built(changed)).toEqual(fromBundle);
  }, 120_000);
});
