import { dictGet } from '../../../shared/session/dict.js';
import { notesOfItem } from '../../../shared/session/notes.js';
import type { AgendaItem, SessionState } from '../../../shared/session/state.js';
import { clip } from '../flow/model.js';

/** A note or a cluster of an earlier item the facilitator can promote to a theme. */
export interface Promotable {
  /** "note:<id>" or "group:<id>", the theme's source. */
  source: string;
  title: string;
  label: string;
}

export interface PromotableItem {
  item: AgendaItem;
  options: Promotable[];
}

/**
 * The notes and clusters of the items before this one (the findings discussion, a SWOT), each item's clusters first
 * then its notes in no cluster. Withheld and unreadable notes are left out. At most `cap` per item.
 */
export function promotable(s: SessionState, itemId: string, cap = 60): PromotableItem[] {
  const at = s.agenda.findIndex((i) => i.id === itemId);
  const earlier = at < 0 ? s.agenda : s.agenda.slice(0, at);
  return earlier
    .map((item) => {
      const groups = Object.values(dictGet(s.flows, item.id)?.groups ?? {}).filter((g) => g.itemId === item.id);
      const notes = notesOfItem(s, item.id).filter((n) => !n.hidden && !n.withheld);
      const options: Promotable[] = [
        ...groups.map((g) => ({ source: `group:${g.id}`, title: g.name, label: `Cluster: ${clip(g.name, 60)}` })),
        ...notes.filter((n) => !n.groupId).map((n) => ({ source: `note:${n.id}`, title: n.text, label: clip(n.text, 70) })),
      ].filter((o) => o.title.trim() !== '');
      return { item, options: options.slice(0, cap) };
    })
    .filter((p) => p.options.length > 0);
}
