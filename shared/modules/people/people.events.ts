import type { CommandOf, CommandType } from '../../protocol/commands.js';

declare module '../../session/events.js' {
  interface ModuleEvents {
    people: PeopleEvent;
  }
}

export type PeopleCommand = CommandOf<Extract<CommandType, `people.${string}`>>;

/** A participant's new name; a participant the facilitator removed (their notes stay, without their name). */
export type PeopleEvent = { type: 'people.renamed'; participantId: string; name: string } | { type: 'people.removed'; participantId: string };
