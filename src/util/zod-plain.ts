// zod checks an object the first time by compiling a fast path for its schema: JavaScript
// written with `new Function`, which V8 then compiles and runs cold, and which no code
// cache keeps. That pays only over thousands of checks. In a first Markdown + HTML build of
// the shipped project (197 items, a config, six front matters) taking zod's plain path
// instead saved 20 ± 8 ms of ~720 (100 paired rounds, scripts/ab-cold.mjs); at 10,000 facts
// the compiled path saves ~10 µs an item. So a check that runs a few times a process takes
// the plain path, and the fact items take it for the first PLAIN_ITEMS a process checks
// (facts/parse-file.ts). Both paths give the same result — zod's contract, which
// facts/item-schemas.test.ts holds our item schemas to.

/** zod's parse options for its plain path (no compiled fast path). */
export const PLAIN = { jitless: true } as const;

/** The fact items a process checks on the plain path before zod compiles its fast path. */
export const PLAIN_ITEMS = 2_000;
