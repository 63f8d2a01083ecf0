// The programmatic API. No side effects on import.

export { build } from './commands/build.js';
export { changesSince, diff, prepareChangesSince } from './commands/diff.js';
export { doctor } from './commands/doctor.js';
export { importLegislators } from './commands/import-legislators.js';
export { init } from './commands/init.js';
export { list } from './commands/list.js';
export { newAudience } from './commands/new-audience.js';
export { validate } from './commands/validate.js';
export { watch } from './commands/watch.js';
export { UsageError, UserError } from './errors.js';
export type { FactBase } from './facts/factbase.js';
export { loadFactBase, loadFromFiles } from './facts/load.js';
export * from './facts/schema.js';
export { openProject } from './project.js';
export { listAudiences } from './render/audiences.js';
