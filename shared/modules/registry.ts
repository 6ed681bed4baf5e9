import { assembleProtocol, assembleSession, type Protocol } from '../session/assemble.js';
import type { ItemKind } from '../session/module.js';
import type { ModuleType } from '../session/state.js';
import { boardModule } from './board/index.js';
import { carryModule } from './carry/index.js';
import { ecoMapModule } from './ecomap/index.js';
import { flowModule } from './flow/index.js';
import { lateModule } from './late/index.js';
import { peopleModule } from './people/index.js';
import { plenaryModule } from './plenary/index.js';
import { rehearsalModule } from './rehearsal/index.js';
import { shareModule } from './share/index.js';
import { spotlightModule } from './spotlight/index.js';
import { swotModule } from './swot/index.js';
import { valuesModule } from './values/index.js';
import { visionModule } from './vision/index.js';
import { workGroupModule } from './workgroup/index.js';

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
  shareModule, // a report shared with the room
  carryModule, // carried items across sessions
  peopleModule, // renaming, removing a participant
  spotlightModule, // the board's spotlight and paging
  workGroupModule, // PIP themes and theme work groups
  plenaryModule, // report-outs, the large-group synthesis, next steps
  valuesModule, // the core-values survey
  ecoMapModule, // the stakeholder eco-map and engagement plan
  rehearsalModule, // a rehearsal's pace and pause
] as const;

export const session = assembleSession(MODULE_LIST);

export const {
  kinds,
  FACILITATOR_ONLY,
  isAnonymous,
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
  personalTo,
  stateFor,
} = session;

/** Every kind of agenda item, in the order they are offered. */
export const MODULE_TYPES = kinds.types;
/** A kind of agenda item: its label, whether it has a board, its default columns. */
export const kindOf = (type: ModuleType): ItemKind => kinds.kindOf(type);
export const columnsOf = kinds.columnsOf;
export type { ModuleType, ItemKind };

let loaded: Protocol | null = null;
let loading: Promise<Protocol> | null = null;

/**
 * Loads the command and agenda schemas of every module (the server does at start, a test before it parses). They are
 * loaded on demand so that a phone, which validates nothing, never downloads the validation library.
 */
export function loadProtocol(): Promise<Protocol> {
  loading ??= assembleProtocol(MODULE_LIST, kinds).then((p) => (loaded = p));
  return loading;
}

/** The schemas, once `loadProtocol` has resolved. */
export function protocol(): Protocol {
  if (!loaded) throw new Error('The command schemas are not loaded yet: await loadProtocol() first.');
  return loaded;
}
