import type { SessionState } from '../../session/state.js';
import { mapDict } from '../../session/dict.js';
import { plenaryOf } from './plenary.state.js';

/**
 * The large group following what changes in the work groups and among the people, so that nothing points at a group
 * that is gone and no removed participant's name stays: called from the work groups' and the people's events.
 */

/** A group merged into another: the one presenting, the order presented, the room's questions and the pulls go with it. */
export function plenaryGroupMerged(s: SessionState, fromId: string, intoId: string): SessionState {
  if (!s.plenary) return s;
  const p = plenaryOf(s);
  const to = (id: string): string => (id === fromId ? intoId : id);
  const presenting = p.presenting && { ...p.presenting, workGroupId: to(p.presenting.workGroupId) };
  return {
    ...s,
    plenary: {
      ...p,
      presenting,
      presented: [...new Set(p.presented.map(to))],
      reactions: p.reactions.map((r) => (r.workGroupId === fromId ? { ...r, workGroupId: intoId } : r)),
      // The link keeps the name the entry was pulled under: the report says where it came from.
      links: mapDict(p.links, (l) => (l.workGroupId === fromId ? { ...l, workGroupId: intoId } : l)),
    },
  };
}

/** A participant renamed (or removed: no name) on the questions and reactions they sent. */
export function plenaryAuthorRenamed(s: SessionState, participantId: string, name: string): SessionState {
  const p = s.plenary;
  if (!p?.reactions.some((r) => r.authorId === participantId && r.authorName !== name)) return s;
  return { ...s, plenary: { ...p, reactions: p.reactions.map((r) => (r.authorId === participantId ? { ...r, authorName: name } : r)) } };
}
