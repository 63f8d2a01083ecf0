// {{profiles "committee.id"}}: member profiles — each committee member's prior statements
// and positions on the issue (an entity's `statements`), in the order of questioning, each
// with a note to its sources. Members with none are left out; with none at all, it prints
// nothing, so a who's who never pads itself with empty profiles.
import { itemProvenance } from '../../../facts/provenance.js';
import { escapeMarkdown as md, raw } from '../../escape.js';
import { formatRange } from '../format.js';
import { memberName, questioningOrder, rosters } from '../roster.js';
import type { RenderState } from '../state.js';
import { type Helper, safe, split } from './args.js';
import { documentsNote } from './blocks.js';

export function profileHelpers(s: RenderState): Record<string, Helper> {
  return {
    profiles: (...args) => {
      const [params, o] = split(args);
      const committee = params.length > 0 ? s.entity(raw(params[0]), o.loc).id : undefined;
      const members = rosters(s.fb, committee).flatMap((r) => questioningOrder(r));
      const seen = new Set<string>();
      const blocks = members.flatMap((m) => {
        if (seen.has(m.entity.id) || m.entity.statements.length === 0) return [];
        seen.add(m.entity.id);
        s.holdItem('entities', m.entity);
        const lines = m.entity.statements.map((st) => {
          const when = st.date ? ` (${md(formatRange(st.date, undefined, false, false))})` : '';
          return `- ${md(st.text)}${when}${documentsNote(s, itemProvenance(s.fb, st.sources, []))}`;
        });
        return [`**${md(memberName(m.entity))}${m.title ? `, ${md(m.title)}` : ''}**\n\n${lines.join('\n')}`];
      });
      return safe(blocks.join('\n\n'));
    },
  };
}
