import { fail } from '../../protocol/results.js';
import type { Decision } from '../../session/decide.js';
import { keyedDelete, keyedSet } from '../../session/keyed.js';
import { allNotes, participantById } from '../../session/notes.js';
import type { Actor } from '../../session/permissions.js';
import type { Participant, SessionState } from '../../session/state.js';
import type { PeopleCommand, PeopleEvent } from './people.events.js';
import { participantLeaving } from '../workgroup/workgroup.membership.js';
import { authorRenamed } from '../workgroup/workgroup.apply.js';
import { scribeLeaving } from '../ecomap/ecomap.logic.js';

/** The module's name: the prefix of its commands and events. */
export const PEOPLE = 'people';

export const REMOVED = 'The facilitator removed you from this session: your notes stay, without your name.';

export function decidePeople(s: SessionState, actor: Actor, cmd: PeopleCommand): Decision {
  if (cmd.type === 'people.rename') {
    if (actor.role !== 'participant') return fail('forbidden', 'A participant changes their own name, from their phone.');
    if (!participantById(s, actor.participantId)) return fail('forbidden', REMOVED);
    return { ok: true, events: [{ type: 'people.renamed', participantId: actor.participantId, name: cmd.payload.name }] };
  }
  const { participantId } = cmd.payload;
  if (!participantById(s, participantId)) return fail('not_found', 'That participant is not in this session.');
  // They leave their work group first (a group they led is left without a leader), and stop being an eco-map's scribe.
  return { ok: true, events: [...participantLeaving(s, participantId), ...scribeLeaving(s, participantId), { type: 'people.removed', participantId }] };
}

/**
 * A rename changes the name on the participant and on their notes where this screen reads it; a removal keeps the
 * notes without a name (their privacy as it was: the id stays, and a removed participant can send nothing more).
 */
export function applyPeople(s: SessionState, e: PeopleEvent): SessionState {
  const who = participantById(s, e.participantId);
  if (!who) return s;
  let notes = s.notes;
  for (const n of allNotes(s)) {
    if (n.authorId !== e.participantId || !n.authorName) continue;
    notes = keyedSet(notes, n.id, { ...n, authorName: e.type === 'people.renamed' ? e.name : '' });
  }
  const participants =
    e.type === 'people.renamed' ? keyedSet(s.participants, who.id, { ...who, name: e.name }) : keyedDelete(s.participants, who.id);
  return authorRenamed({ ...s, participants, notes }, who.id, e.type === 'people.renamed' ? e.name : '');
}

/**
 * The names the console shows: a name given twice gets its order of joining ("Sam", "Sam (2)"), so the facilitator
 * can tell people apart.
 */
export function displayNames(people: readonly Participant[]): Map<string, string> {
  const seen = new Map<string, number>();
  const out = new Map<string, string>();
  for (const p of [...people].sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id))) {
    const key = p.name.trim().toLocaleLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    out.set(p.id, n === 1 ? p.name : `${p.name.trim()} (${n})`);
  }
  return out;
}
