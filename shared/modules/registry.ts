import type * as agenda from '../protocol/agenda.schema.js';
import type * as commands from '../protocol/commands.js';
import { assembleSession } from '../session/assemble.js';
import type { ItemKind } from '../session/module.js';
import type { ModuleType } from '../session/state.js';
import { boardModule } from './board/index.js';
import { flowModule } from './flow/index.js';
import { lateModule } from './late/index.js';
import { swotModule } from './swot/index.js';
import { visionModule } from './vision/index.js';

/**
 * The modules the toolkit runs, one line each, in the order their kinds of agenda item are offered. This is the one
 * place the server, the clients and the tests find modules: everything below is assembled from this list.
 */
export const MODULE_LIST = [
  boardModule, // presentation, discussion, note board
  flowModule, // the brainstorm flow SWOT and vision run
  swotModule,
  visionModule,
  lateModule,
] as const;

export const session = assembleSession(MODULE_LIST);

export const {
  kinds,
  Command,
  CommandBody,
  commandTypes,
  AgendaItemInput,
  AgendaItemPatch,
  AgendaTemplate,
  FACILITATOR_ONLY,
  emptyState,
  upgrade,
  apply,
  reduce,
  applyOrSkip,
  reduceOrSkip,
  decide,
  decideCommand,
  decideContext,
  can,
  canSend,
  canChangeNote,
  canMoveNote,
  eventFor,
  personalFor,
  stateFor,
} = session;

/** Every kind of agenda item, in the order they are offered. */
export const MODULE_TYPES = kinds.types;
/** A kind of agenda item: its label, whether it has a board, its default columns. */
export const kindOf = (type: ModuleType): ItemKind => kinds.kindOf(type);
export const columnsOf = kinds.columnsOf;
export type { ModuleType, ItemKind };
// The schemas' types under the schemas' names, as the protocol files declare them.
export type Command = commands.Command;
export type CommandBody = commands.CommandBody;
export type AgendaItemInput = agenda.AgendaItemInput;
export type AgendaItemPatch = agenda.AgendaItemPatch;
export type AgendaTemplate = agenda.AgendaTemplate;
