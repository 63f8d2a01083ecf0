// The seam for "what changed since the last packet". The renderer only displays a
// `Changes` value (the `changes` partial, under `{{#if changes}}`); computing one from
// git is another module's job, which passes `build()` a provider. The provider gets the
// audience's highest sensitivity and must leave out anything above it; the leak guard
// still checks the rendered output afterwards.
import type { Sensitivity } from '../facts/schema.js';

export interface ChangedField {
  path: string;
  from?: unknown;
  to?: unknown;
}

export interface Changes {
  /** The revisions compared, as the user named them (e.g. "v1", "HEAD~3") or short hashes. */
  from: string;
  to: string;
  added: { kind: string; id: string; summary?: string }[];
  removed: { kind: string; id: string; summary?: string }[];
  renamed: { kind: string; from: string; to: string }[];
  changed: { kind: string; id: string; fields: ChangedField[] }[];
}

/** Called once per audience; return undefined for "no changes section". */
export type ChangesProvider = (maxSensitivity: Sensitivity) => Changes | undefined | Promise<Changes | undefined>;
