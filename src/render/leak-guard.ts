// The leak guard's second half (the first is selectForAudience): after rendering, no
// statement of a fact above the audience's sensitivity may appear anywhere in its
// output — whatever path it took (a hard-coded sentence, a partial, a changes section).
import { UserError } from '../errors.js';
import type { FactBase } from '../facts/factbase.js';
import { excludedFacts } from '../facts/select.js';
import { squash } from '../util/text.js';
import { htmlText, unescapeMarkdown } from './escape.js';
import type { Audience } from './template-files/audiences.js';

/** Shorter texts ("Yes.") would match by accident; statements are sentences. */
const MIN_LENGTH = 12;

export function checkNoLeak(audience: Audience, factBase: FactBase, outputs: { markdown: string; html: string }): void {
  const excluded = excludedFacts(factBase, audience.front.sensitivity);
  if (excluded.length === 0) return;
  const haystacks = [squash(unescapeMarkdown(outputs.markdown)), squash(htmlText(outputs.html))];
  const leaks = excluded.filter((x) => x.texts.some((t) => t.trim().length >= MIN_LENGTH && haystacks.some((h) => h.includes(squash(t)))));
  if (leaks.length === 0) return;
  throw new UserError(
    `${audience.name}: its output contains the statement of ${leaks.length === 1 ? 'a fact' : 'facts'} above its sensitivity (${
      audience.front.sensitivity
    }): ${leaks.map((l) => `"${l.id}"`).join(', ')}; nothing was written for it`,
    {
      hint: `the text reaches the output without a fact helper (hard-coded in ${audience.file} or a partial, or via a changes section); remove it`,
    },
  );
}
