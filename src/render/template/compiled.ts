// Handlebars templates compiled once per source text, not once per packet. A compiled
// template spec holds no instance state (helpers and partials are looked up in the
// instance it is bound to when it runs), so one spec serves every packet's private
// instance. Compiling is still lazy, on the first run, so that a template's syntax error
// surfaces inside the render's error frame (template-errors.ts) exactly as before.
// The compiler, for templates that are not briefbook's own (the bundle holds those compiled):
// in the CLI a file of its own, loaded on first use (scripts/bundle.mjs); the rest of the
// render needs only Handlebars' runtime.
import Handlebars from 'handlebars';
import { BUILTIN_SPECS, BUILTIN_SPECS_MADE_WITH } from './builtin-specs.js';
import { cachedSpec } from './spec-cache.js';

type Hbs = typeof Handlebars;
type Spec = Parameters<Hbs['template']>[0];

const OPTIONS = { strict: true } as const;
const specs = new Map<string, Spec>();

/** `hbs.compile(source, { strict: true })`, sharing the compiled spec with every other instance. */
export function compileStrict(hbs: Hbs, source: string): Handlebars.TemplateDelegate {
  let run: Handlebars.TemplateDelegate | undefined;
  return (context, options) => {
    if (!run) run = hbs.template(specFor(hbs, source));
    return run(context, options);
  };
}

/** What BUILTIN_SPECS_MADE_WITH must say for its code to be what `specFor` would compile. */
const madeWith = (hbs: Hbs): string => JSON.stringify({ version: hbs.VERSION, options: OPTIONS });

function specFor(hbs: Hbs, source: string): Spec {
  let spec = specs.get(source);
  if (spec) return spec;
  const builtin = BUILTIN_SPECS_MADE_WITH === madeWith(hbs) ? BUILTIN_SPECS.get(source) : undefined;
  if (builtin) spec = builtin() as Spec;
  else {
    // precompile copies its options (and adds data: true, as compile does); the code it makes
    // is the same for any instance (helpers and partials are looked up when it runs).
    const code = cachedSpec(source, OPTIONS, () => String(Handlebars.precompile(source, { ...OPTIONS })));
    // The code is Handlebars' own output for a template of ours (or read back from our cache,
    // keyed by its hash): an object literal of functions, as `compile` evaluates it internally.
    spec = new Function(`return ${code};`)() as Spec;
  }
  specs.set(source, spec);
  return spec;
}
