import { defineModule } from '../../session/module.js';
import type { PeopleCommand, PeopleEvent } from './people.events.js';
import { applyPeople, decidePeople, PEOPLE } from './people.logic.js';

/** The people in the room: a participant renames themself, the facilitator removes a participant. */
export const peopleModule = defineModule<PeopleCommand, PeopleEvent>({
  name: PEOPLE,
  // Loaded on demand: the schemas (zod) stay out of the phone's first load.
  commands: async () => (await import('./people.commands.js')).PEOPLE_COMMANDS,
  facilitatorOnly: ['people.remove'],
  apply: applyPeople,
  decide: (s, actor, cmd) => decidePeople(s, actor, cmd),
});
