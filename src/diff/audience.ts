// The sensitivity an audience is cleared for, from its template's front matter.
import type { Sensitivity } from '../facts/schema.js';
import type { Project } from '../project.js';

export async function audienceSensitivity(project: Project, name: string): Promise<Sensitivity> {
  // The renderer's loader: one place validates front matter and refuses executable front matter.
  const { loadAudiences } = await import('../render/audiences.js');
  const [audience] = await loadAudiences(project, [name]);
  return (audience as { front: { sensitivity: Sensitivity } }).front.sensitivity;
}
