// `new audience` copies carry their front matter explained; the data must not change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../../../test/helpers/cli.js';
import { parseAudience } from './audiences.js';
import { explainFrontMatter } from './explain-front-matter.js';
import { FRONT_MATTER_KEYS } from './front-matter.js';

describe('explainFrontMatter', () => {
  it('explains every key: above the ones set, commented out for the rest, without changing the data', () => {
    const text = readFileSync(join(REPO, 'templates/audiences/briefing-book.md'), 'utf8');
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
    const explained = explainFrontMatter(yaml);
    for (const key of FRONT_MATTER_KEYS) expect(explained).toMatch(new RegExp(`^(# )?${key}:`, 'm'));
    const body = text.slice(text.indexOf('\n---\n') + 5);
    const a = parseAudience('a', 'a', text);
    const b = parseAudience('b', 'b', `---\n${explained}---\n${body}`);
    expect(b.front).toEqual(a.front);
  });
});
