// Kept apart from commands/build.ts so the CLI can name the formats without loading the renderer.
export const FORMATS = ['md', 'html', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];
