// All helpers of one render, bound to its state. Registered on a private
// Handlebars.create() instance, never on the global one.
import type { RenderState } from '../state.js';
import type { Helper } from './args.js';
import { blockHelpers } from './blocks.js';
import { citationHelpers } from './citations.js';
import { factHelpers } from './facts.js';
import { figureHelpers } from './figure.js';
import { layoutHelpers } from './layout.js';
import { listHelpers } from './lists.js';
import { profileHelpers } from './profiles.js';
import { timeHelpers } from './time.js';

export function helpers(s: RenderState): Record<string, Helper> {
  return {
    ...factHelpers(s),
    ...listHelpers(s),
    ...blockHelpers(s),
    ...figureHelpers(s),
    ...profileHelpers(s),
    ...layoutHelpers(s),
    ...timeHelpers(s),
    ...citationHelpers(s),
  };
}
