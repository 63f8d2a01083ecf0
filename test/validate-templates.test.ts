// `validate` reads the templates as `build` would: every problem of every audience and its
// partials at once, each at the template's file:line:col, with a hint.
import { describe, expect, it } from 'vitest';
import { FRONT, fixtureProject } from './fixtures/render.js';
import { run } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';

type D = { file: string; line: number; column: number; message: string; hint: string; rule?: string };
const where = (d: D) => `${d.file}:${d.line}:${d.column}: ${d.message}`;

// FRONT is 5 lines and `sections` one more: the body starts on line 9.
const BROKEN = `---
${FRONT}
sections: [facts, later]
---
# Broken

{{#section "facts"}}
## Facts
{{#facts tag="campaign"}}
- {{fact id}}
{{/facts}}
{{/section}}

{{#events all=true}}{{name}}{{/events}}
{{factt "pub.alpha"}} and {{fact "int.secret"}}
{{> note}}
{{#section "later"}}
{{#facts "pub.beta" "pub.gamma"}}{{statement}}{{/facts}}
{{/section}}
`;

describe('validate: templates', () => {
  it('lists every template problem of every audience and partial at once; build reports the same', () => {
    const root = testdir(
      fixtureProject({
        'templates/audiences/broken.md': BROKEN,
        'templates/partials/note.hbs': 'A note: {{entity "person.nobody"}}\n',
      }),
    );
    const v = run(['validate', '--format', 'json'], { cwd: root });
    expect(v.code).toBe(1);
    const { errors, warnings } = JSON.parse(v.stdout) as { errors: D[]; warnings: D[] };
    expect(errors.map(where)).toEqual([
      'templates/audiences/broken.md:18:23: template: the item of this loop has no field "name"',
      'templates/audiences/broken.md:19:3: template: unknown name "factt" (neither a helper nor a value here)',
      'templates/audiences/broken.md:19:27: fact "int.secret" is internal, above this audience\'s sensitivity (public)',
      'templates/audiences/broken.md:22:1: unknown fact id "pub.gamma"',
      'templates/partials/note.hbs:1:9: unknown entity id "person.nobody"',
    ]);
    expect(errors[1]?.hint).toBe('did you mean "fact" or "facts"?');
    expect(errors[0]?.hint).toMatch(/The item's fields: id, date, end, title, facts\.$/);
    expect(warnings.filter((w) => w.file.startsWith('templates/')).map(where)).toEqual([
      'templates/audiences/broken.md:11:1: section "facts" renders empty',
      'templates/audiences/broken.md:13:1: tag "campaign" selects nothing: no item of facts has it',
    ]);

    const b = run(['build', '-f', 'md'], { cwd: root });
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('packet broken failed; written: press, staff');
    const listed = b.stderr.split('\n').filter((l) => /^templates\/.*: error: /.test(l));
    expect(listed.map((l) => l.replace(': error: ', ': '))).toEqual(errors.map(where));
  });

  it('--no-templates checks the fact base alone (a quick check of a large one)', () => {
    const root = testdir(fixtureProject({ 'templates/audiences/broken.md': BROKEN }));
    const v = run(['validate', '--no-templates', '--format', 'json'], { cwd: root });
    const { errors, warnings } = JSON.parse(v.stdout) as { errors: D[]; warnings: D[] };
    expect([v.code, errors]).toEqual([0, []]);
    expect(warnings.filter((w) => w.file.startsWith('templates/'))).toEqual([]);
  });
});
