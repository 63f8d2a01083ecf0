// What a packet's tracked changes may show (`build --since REV -f docx`): per sensitivity
// level, each changed fact as the level saw it at REV, and the facts it saw that are gone.
// The same withholding as the "Changes since" section (changes-view.ts): a fact that left
// the level's view but still exists is not shown as removed, and earlier text that lives
// on in a fact now hidden from the level is not shown at all. The leak guard checks every
// earlier text the packet carries afterwards.
import type { Since } from '../../diff/since.js';
import type { FactBase } from '../../facts/factbase.js';
import type { Sensitivity } from '../../facts/kinds.js';
import type { Fact } from '../../facts/schema.js';
import { excludedFacts } from '../../facts/select.js';
import { squash } from '../../util/text.js';
import type { Revisions } from './marks.js';

export function revisionsFor(since: Since, factBase: FactBase): (max: Sensitivity) => Revisions {
  const memo = new Map<Sensitivity, Revisions>();
  return (max) => {
    let revisions = memo.get(max);
    if (!revisions) {
      revisions = levelRevisions(since, factBase, max);
      memo.set(max, revisions);
    }
    return revisions;
  };
}

function levelRevisions(since: Since, factBase: FactBase, max: Sensitivity): Revisions {
  const result = since.forLevel(max);
  const earlier = since.earlier(max).facts;
  const hidden = new Set(excludedFacts(factBase, max).flatMap((x) => x.texts.map(squash)));
  const showable = (f: Fact | undefined): f is Fact =>
    f !== undefined && ![f.statement, ...f.variants.map((v) => v.statement)].some((t) => hidden.has(squash(t)));

  const before = new Map<string, Fact | null>();
  for (const c of result.changed) {
    const was = earlier.get(c.id);
    if (c.kind === 'facts' && showable(was)) before.set(c.id, was);
  }
  for (const a of result.added) if (a.kind === 'facts') before.set(a.id, null);
  const removed = new Map<string, Fact>();
  for (const r of result.removed) {
    const was = earlier.get(r.id);
    if (r.kind === 'facts' && !factBase.facts.has(r.id) && showable(was)) removed.set(r.id, was);
  }
  return { before: (id) => before.get(id), removed };
}
