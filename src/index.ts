// The programmatic API. No side effects on import.

export { list } from './commands/list.js';
export { validate } from './commands/validate.js';
export { UsageError, UserError } from './errors.js';
export type { FactBase } from './facts/factbase.js';
export { loadFactBase, loadFromFiles } from './facts/load.js';
export * from './facts/schema.js';
export { openProject } from './project.js';
