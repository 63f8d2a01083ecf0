// Compiled template code kept between runs (util/disk-cache.ts), keyed by the source, the
// compile options and the Handlebars version that compiled it: parsing and compiling the
// templates is a good part of a small build's start-up, and the code is the same every time.
import Handlebars from 'handlebars/runtime';
import { cached, hashOf } from '../../util/disk-cache.js';

export function cachedSpec(source: string, options: object, compile: () => string): string {
  return cached('hbs', hashOf(Handlebars.VERSION, JSON.stringify(options), source), compile);
}
