// A build's rendered packets kept between runs (util/disk-cache.ts), as make keeps what it
// built: a build of a project that has not changed since the last one would render the
// same packets, so it need not render them again. An entry holds what one audience's
// render made — its Markdown and, rendered with HTML, the HTML body, the stylesheets and
// the headings' texts — and the lines of its PDF margins, keyed by everything its render
// reads:
//
// - what keys a template check (template-check-cache.ts: checkKeyBase): the code of the
//   checks, node's version and the locale variables, the fact files' digest, the project,
//   the build stamp, the as-of date, whether HTML is made, every partial and stylesheet of
//   the cascade;
// - the code of the build (__BRIEFBOOK_BUILD_CODE__: scripts/bundle.mjs bundles the build
//   command alone, with all it imports, the HTML page included, and hashes that code);
// - the audience as loaded: its file, front matter and body.
//
// A build of Markdown, HTML and PDF takes its packets from here: every file is made from
// the packet as from a fresh render (the HTML page and the PDF's page around the same
// body and stylesheets), and every PDF is still printed. Word output reads more of a
// render (its revision marks) and is never made from an entry. Only a packet that
// rendered and passed the leak guard is stored: a failing one renders again, and fails the
// same way. Packets over MAX_CHARS (Markdown, body and stylesheets together) are not kept:
// each state of the fact base leaves its own entries (pruned after 30 days unused,
// util/cache-prune.ts), and a big packet's render is long next to reading it anyway. Run
// from source (tests of the library), there is no code hash and nothing is kept.
import type { BuildStamp } from '../facts/stamp.js';
import { hashOf, lookup, store } from '../util/disk-cache.js';
import type { Format } from './formats.js';
import type { Packet } from './packet.js';
import type { RunningLines } from './print/pdf.js';
import { type CheckContext, checkKeyBase } from './template-check-cache.js';
import type { Audience } from './template-files/audiences.js';

declare const __BRIEFBOOK_BUILD_CODE__: string | undefined;

const BUILD_CODE = typeof __BRIEFBOOK_BUILD_CODE__ === 'string' ? __BRIEFBOOK_BUILD_CODE__ : undefined;

/** 1 MB of text: the shipped project's largest packet is about 150 kB, Markdown and HTML. */
export const MAX_CHARS = 1_000_000;

/** The formats made from a kept packet. */
const FROM_ENTRY: readonly Format[] = ['md', 'html', 'pdf'];

export interface PacketCache {
  /** The audience's packet from an earlier build with the same inputs, or undefined. */
  get(audience: Audience): Packet | undefined;
  /** Keeps a packet a render made, for the next build. */
  set(packet: Packet): void;
}

/** What an entry holds: a packet without what the key already says (its audience, the stamp) or what only a render reports. */
interface Entry {
  markdown: string;
  /** With HTML: the body, the stylesheets, the headings' texts. */
  html?: { body: string; css: string; headings: string[] };
  running?: RunningLines;
}

/** The cache for a build of `formats` in `ctx`; undefined when it cannot be used (Word, cache off, unbundled, --since). */
export async function packetCache(
  ctx: CheckContext,
  formats: readonly Format[],
  factDigest: string,
  code = BUILD_CODE,
): Promise<PacketCache | undefined> {
  if (code === undefined || !formats.every((f) => FROM_ENTRY.includes(f))) return undefined;
  const check = await checkKeyBase(ctx, factDigest);
  if (check === undefined) return undefined;
  // Whether HTML is rendered is in `check` already; an entry's shape must agree with it.
  const html = ctx.html !== false;
  const base = hashOf('packet', code, check);
  const key = (a: Audience) => hashOf(base, JSON.stringify(a));
  return {
    get: (audience) => {
      const entry = fromJson(lookup('packet', key(audience)));
      return entry && html === (entry.html !== undefined) ? packetOf(audience, ctx.stamp, entry) : undefined;
    },
    set: (p) => {
      const entry: Entry = {
        markdown: p.markdown,
        ...(p.withoutHtml ? {} : { html: { body: p.body, css: p.css, headings: [...p.headings] } }),
        ...(p.running ? { running: p.running } : {}),
      };
      if (p.markdown.length + p.body.length + p.css.length <= MAX_CHARS) store('packet', key(p.audience), JSON.stringify(entry));
    },
  };
}

function packetOf(audience: Audience, stamp: BuildStamp, e: Entry): Packet {
  const body = e.html ? { body: e.html.body, css: e.html.css, headings: e.html.headings } : { body: '', css: '', headings: [] };
  return {
    audience,
    markdown: e.markdown,
    ...body,
    ...(e.html ? {} : { withoutHtml: true as const }),
    stamp,
    ...(e.running ? { running: e.running } : {}),
  };
}

function fromJson(json: string | undefined): Entry | undefined {
  if (json === undefined) return undefined;
  try {
    const data = JSON.parse(json) as Partial<Entry> | null;
    if (typeof data?.markdown !== 'string') return undefined;
    const h = data.html;
    if (h !== undefined && (typeof h?.body !== 'string' || typeof h.css !== 'string' || !isStrings(h.headings))) return undefined;
    const r = data.running;
    if (r !== undefined && (typeof r !== 'object' || r === null || !Object.values(r).every((v) => typeof v === 'string'))) return undefined;
    return { markdown: data.markdown, ...(h ? { html: h } : {}), ...(r ? { running: r } : {}) };
  } catch {
    return undefined;
  }
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
