import { openProject, type Project } from '../project.js';

export interface GlobalArgs {
  root?: string;
}

export function projectFrom(argv: GlobalArgs): Project {
  return openProject(argv.root);
}
