// The handling banner follows the packet's sensitivity. Unless the front matter sets one it
// is derived from `sensitivity` (and, for a public packet, `clearance`). A banner set by
// hand starts with its marking, says "cleared" only when the front matter records who
// cleared the packet and when, and may not claim less than the packet holds (checked once
// it is rendered: packet.ts).
import { type Diagnostic, UserError } from '../../errors.js';
import { SENSITIVITIES, type Sensitivity } from '../../facts/kinds.js';
import { above } from '../../facts/levels.js';
import type { Taint } from '../escape.js';

export const MARKINGS: Record<Sensitivity, string> = { public: 'Public', internal: 'Internal', restricted: 'Restricted' };

interface BannerFront {
  sensitivity: Sensitivity;
  banner?: string;
  clearance?: { by: string; date: string };
}

/** The banner a packet gets when its front matter sets none. */
export function derivedBanner(f: BannerFront): string {
  if (f.sensitivity === 'internal') return 'Internal — not for public release';
  if (f.sensitivity === 'restricted') return 'Restricted — named recipients only — not for further distribution';
  return f.clearance
    ? `Public — cleared for release by ${f.clearance.by} on ${f.clearance.date}`
    : 'Public — draft, not yet cleared for release';
}

/** The marking a banner claims: its first word, when that is one of the sensitivities. */
export function bannerMarking(banner: string): Sensitivity | undefined {
  const first = /^[\s*_"\u201C']*([A-Za-z]+)/.exec(banner)?.[1]?.toLowerCase();
  return SENSITIVITIES.find((s) => s === first);
}

/** Problems with the banner and clearance that the front matter alone shows. */
export function bannerProblems(f: BannerFront, at: (key: string, message: string, hint: string) => Diagnostic): Diagnostic[] {
  const out: Diagnostic[] = [];
  const markings = SENSITIVITIES.map((s) => MARKINGS[s]).join(', ');
  if (f.banner !== undefined && bannerMarking(f.banner) === undefined) {
    out.push(
      at(
        'banner',
        `the banner "${f.banner}" does not start with its marking (${markings})`,
        `start it with the packet's marking, e.g. "${derivedBanner(f)}", or leave \`banner\` out to get that one`,
      ),
    );
  }
  if (f.banner !== undefined && /\bclear(ed|ance)\b/i.test(f.banner) && !f.clearance) {
    out.push(
      at(
        'banner',
        `the banner says the packet is cleared, but the front matter does not record who cleared it and when`,
        'add `clearance: { by: "Name, role", date: YYYY-MM-DD }` once it is cleared; until then leave `banner` out (a public packet then says it is a draft)',
      ),
    );
  }
  if (f.banner !== undefined && f.sensitivity === 'public' && !f.clearance && !/\bdraft\b/i.test(f.banner)) {
    out.push(
      at(
        'banner',
        `the banner "${f.banner}" does not say the packet is a draft, and nobody is recorded as having cleared it`,
        `until it is cleared, say so ("${derivedBanner({ sensitivity: 'public' })}", or leave \`banner\` out); once cleared, add \`clearance: { by: "Name, role", date: YYYY-MM-DD }\``,
      ),
    );
  }
  if (f.clearance && f.sensitivity !== 'public') {
    out.push(
      at(
        'clearance',
        `only a public packet is cleared for release; this one is ${f.sensitivity}`,
        'remove `clearance`, or make the packet public (`sensitivity: public`) if it may go out',
      ),
    );
  }
  return out;
}

/** A rendered packet whose banner claims less than the most sensitive thing it printed is refused. */
export function checkBannerCovers(
  a: { name: string; file: string; front: { banner: string }; keyPositions: Record<string, { line: number; column: number }> },
  held: Taint,
): void {
  const claimed = bannerMarking(a.front.banner) ?? 'public';
  if (!above(held.level, claimed)) return;
  const where = a.keyPositions.banner ?? a.keyPositions.sensitivity ?? { line: 1, column: 1 };
  throw UserError.at(
    { file: a.file, ...where, path: 'banner' },
    `${a.name}: the banner "${a.front.banner}" claims ${claimed}, but the packet prints ${held.level} material (${held.what}); nothing was written for it`,
    `mark it "${MARKINGS[held.level]} — …" (or leave \`banner\` out to derive it from \`sensitivity\`), or remove the ${held.level} material`,
  );
}
