// The compiled code of briefbook's own templates (the shipped audiences and partials), made
// when the CLI is bundled: scripts/bundle.mjs replaces this module with one that maps each
// template's source text to Handlebars' precompiled code for it, written into the bundle
// as code. A project whose templates are the shipped ones then compiles none of them, on
// its first run too (compiling took ~70 ms of a first Markdown build, Handlebars' compiler
// running cold), and V8's code cache holds their code like the rest of the CLI. A template
// that differs in any character is not in the map and is compiled as before.
//
// Run from source (tests of the library), the map is empty.

/** Handlebars' version and the compile options the code was made with, as JSON; '' when there is none. */
export const BUILTIN_SPECS_MADE_WITH: string = '';

/** Template source → its precompiled spec (a function that builds the object, so that unused ones cost nothing). */
export const BUILTIN_SPECS: ReadonlyMap<string, () => unknown> = new Map();
