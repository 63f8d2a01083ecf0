// The programmatic API. No side effects on import.

export { build } from './commands/build.js';
export { diff, formatDiff } from './commands/diff.js';
export { doctor } from './commands/doctor.js';
export { importLegislators } from './commands/import.js';
export { init } from './commands/init.js';
export { list, listAudiences } from './commands/list.js';
export { merge } from './commands/merge.js';
export { mergeDriver } from './commands/merge-driver.js';
export { newAudience } from './commands/new.js';
export { formatReport, validate } from './commands/validate.js';
export { watch } from './commands/watch.js';
export { changesSince, readSince } from './diff/since.js';
export { UsageError, UserError } from './errors.js';
export type { FactBase } from './facts/factbase.js';
export { eventInterval, factDates, lastChecked } from './facts/item-dates.js';
export * from './facts/kinds.js';
export { loadFactBase, loadFromFiles } from './facts/load.js';
export * from './facts/schema.js';
export { schemaJson } from './facts/schema-json.js';
export { mergeFactFile } from './merge/merge-file.js';
export { openProject } from './project.js';
export { dateWords } from './util/date-words.js';
export { compareDates, type DateInterval, parseDate } from './util/dates.js';
