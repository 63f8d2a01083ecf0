// The banner follows the packet's sensitivity: derived unless set, never claiming clearance
// nobody gave, and never a lower marking than what the packet prints (packet.test.ts).
import { describe, expect, it } from 'vitest';
import { UserError } from '../../errors.js';
import { parseAudience } from './audiences.js';
import { bannerMarking, checkBannerCovers } from './banner.js';

const parse = (front: string) =>
  parseAudience('x', 'templates/audiences/x.md', `---\ntitle: T\naudience: A\ngenre: brief\n${front}\n---\nbody\n`);

function problems(front: string) {
  try {
    parse(front);
  } catch (e) {
    if (e instanceof UserError) return e.diagnostics.map((d) => ({ line: d.line, message: d.message, hint: d.hint }));
    throw e;
  }
  throw new Error('expected front matter errors');
}

describe('banner', () => {
  it('is derived from the sensitivity when not set: a public packet is a draft until cleared', () => {
    expect(parse('sensitivity: public').front.banner).toBe('Public — draft, not yet cleared for release');
    expect(parse('sensitivity: internal').front.banner).toBe('Internal — not for public release');
    expect(parse('sensitivity: restricted').front.banner).toMatch(/^Restricted — /);
    const cleared = parse('sensitivity: public\nclearance: { by: "J. Doe, Press Secretary", date: "2026-06-20" }');
    expect(cleared.front.banner).toBe('Public — cleared for release by J. Doe, Press Secretary on 2026-06-20');
  });

  it.each([
    [
      'says "cleared" with nobody recorded',
      'sensitivity: public\nbanner: Public — cleared for release',
      6,
      /says the packet is cleared, but the front matter does not record who cleared it/,
    ],
    ['is public, uncleared and does not say draft', 'sensitivity: public\nbanner: Public', 6, /does not say the packet is a draft/],
    [
      'does not start with a marking',
      'sensitivity: internal\nbanner: Committee sensitive',
      6,
      /does not start with its marking \(Public, Internal, Restricted\)/,
    ],
    [
      'is cleared for release while internal',
      'sensitivity: internal\nclearance: { by: "J. Doe", date: "2026-06-20" }',
      6,
      /only a public packet is cleared for release; this one is internal/,
    ],
  ])('is refused when it %s', (_, front, line, message) => {
    const [p] = problems(front);
    expect(p?.line).toBe(line);
    expect(p?.message).toMatch(message);
    expect(p?.hint).toMatch(/clearance|banner|sensitivity/);
  });

  it('accepts a cleared banner when the clearance is recorded, and a draft one', () => {
    expect(
      parse('sensitivity: public\nbanner: Public — cleared for release\nclearance: { by: "J. Doe", date: "2026-06-20" }').front.banner,
    ).toBe('Public — cleared for release');
    expect(parse('sensitivity: public\nbanner: "PUBLIC DRAFT"').front.banner).toBe('PUBLIC DRAFT');
  });

  it('reads the marking from the first word', () => {
    expect(bannerMarking('Internal — committee sensitive — not for public release')).toBe('internal');
    expect(bannerMarking('**PUBLIC** draft')).toBe('public');
    expect(bannerMarking('Not for public release')).toBeUndefined();
  });

  it('may not claim less than the packet prints', () => {
    const a = parse('sensitivity: internal\nbanner: Public draft');
    expect(() => checkBannerCovers(a, { level: 'public', what: 'x' })).not.toThrow();
    expect(() => checkBannerCovers(a, { level: 'internal', what: 'analysis "a.one"' })).toThrow(
      'templates/audiences/x.md:6:1: x: the banner "Public draft" claims public, but the packet prints internal material (analysis "a.one"); nothing was written for it',
    );
  });
});
