// YAML read the quick way, for text that is almost always plain: js-yaml with YAML 1.2's
// core schema (no timestamps, as `yaml` reads it). `yaml`'s parseDocument locates every
// problem but costs several times as much, most of it its code running cold in a short
// command. Anything unusual — anchors and aliases (their expansion must be counted), tags,
// tabs, a parse error — is NOT_QUICK: the caller then reads the text with `yaml`, which
// enforces the limits and says where the problem is.
import * as jsYaml from 'js-yaml';

export const NOT_QUICK: unique symbol = Symbol('not quick');

export function quickYaml(text: string): unknown {
  // Checked on the raw text, quotes and comments included: over-eager is only slower.
  if (/[&*!\t]/.test(text)) return NOT_QUICK;
  try {
    return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false });
  } catch {
    return NOT_QUICK;
  }
}
