// A Markdown and HTML build's packets kept between runs (util/disk-cache.ts), as make keeps
// what it built: a build of a project that has not changed since the last one writes the
// same bytes, so it need not render them again. An entry holds one audience's Markdown
// and HTML page, keyed by everything its render reads:
//
// - what keys a template check (template-check-cache.ts: checkKeyBase): the code of the
//   checks, node's version and the locale variables, the fact files' digest, the project,
//   the build stamp, the as-of date, whether HTML is made, every partial and stylesheet of
//   the cascade;
// - the code of the build (__BRIEFBOOK_BUILD_CODE__: scripts/bundle.mjs bundles the build
//   command alone, with all it imports, the HTML page included, and hashes that code);
// - the audience as loaded: its file, front matter and body.
//
// Only a build of Markdown and HTML alone takes its packets from here (a PDF or Word file is
// made from the rendered packet), and only a packet that rendered and passed the leak guard
// is stored: a failing one renders again, and fails the same way. Packets over MAX_CHARS
// (Markdown and HTML together) are not kept: each state of the fact base leaves its own
// entries (pruned after 30 days unused, util/cache-prune.ts), and a big packet's render is
// long next to reading it anyway. Run
// from source (tests of the library), there is no code hash and nothing is kept.
import { hashOf, lookup, store } from '../util/disk-cache.js';
import type { Format } from './formats.js';
import { type CheckContext, checkKeyBase } from './template-check-cache.js';
import type { Audience } from './template-files/audiences.js';

declare const __BRIEFBOOK_BUILD_CODE__: string | undefined;

const BUILD_CODE = typeof __BRIEFBOOK_BUILD_CODE__ === 'string' ? __BRIEFBOOK_BUILD_CODE__ : undefined;

/** 1 MB of text: the shipped project's largest packet is about 150 kB, Markdown and HTML. */
export const MAX_CHARS = 1_000_000;

/** What a Markdown and HTML build writes for one audience. */
export interface PacketTexts {
  markdown: string;
  /** The HTML page; absent when the build makes none. */
  html?: string;
}

export interface PacketCache {
  /** The audience's texts from an earlier build with the same inputs, or undefined. */
  get(audience: Audience): PacketTexts | undefined;
  /** Keeps the texts a render made, for the next build. */
  set(audience: Audience, texts: PacketTexts): void;
}

/** The cache for a build of `formats` in `ctx`; undefined when it cannot be used (other formats, cache off, unbundled, --since). */
export async function packetCache(
  ctx: CheckContext,
  formats: readonly Format[],
  factDigest: string,
  code = BUILD_CODE,
): Promise<PacketCache | undefined> {
  if (code === undefined || !formats.every((f) => f === 'md' || f === 'html')) return undefined;
  const check = await checkKeyBase(ctx, factDigest);
  if (check === undefined) return undefined;
  const html = formats.includes('html');
  const base = hashOf('packet', code, check, JSON.stringify(html));
  const key = (a: Audience) => hashOf(base, JSON.stringify(a));
  return {
    get: (audience) => {
      const texts = fromJson(lookup('packet', key(audience)));
      return texts && html === (texts.html !== undefined) ? texts : undefined;
    },
    set: (audience, texts) => {
      if (texts.markdown.length + (texts.html?.length ?? 0) <= MAX_CHARS) store('packet', key(audience), JSON.stringify(texts));
    },
  };
}

function fromJson(json: string | undefined): PacketTexts | undefined {
  if (json === undefined) return undefined;
  try {
    const data = JSON.parse(json) as Partial<PacketTexts> | null;
    if (typeof data?.markdown !== 'string' || (data.html !== undefined && typeof data.html !== 'string')) return undefined;
    return { markdown: data.markdown, ...(data.html !== undefined ? { html: data.html } : {}) };
  } catch {
    return undefined;
  }
}
