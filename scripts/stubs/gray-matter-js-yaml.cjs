// Stands in for js-yaml 3 inside gray-matter in the bundle. briefbook gives gray-matter its
// own YAML engine (render/template-files/audiences.ts, commands/new.ts), so gray-matter's
// default one is never called; loading it cost start-up time (js-yaml 3 and, through its
// `!!js/function` type, esprima). Anything that did reach it fails loudly instead of
// parsing YAML a second, different way.
const unused = () => {
  throw new Error("gray-matter's built-in YAML engine is not bundled: pass `engines: { yaml }`");
};
module.exports = { safeLoad: unused, safeDump: unused, load: unused, dump: unused };
