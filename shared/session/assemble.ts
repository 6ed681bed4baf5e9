import { sessionRules } from './decide.js';
import { lateRules } from './late.js';
import type { DecideContext, SessionModule } from './module.js';
import { moduleTable } from './modules.js';
import { canChangeNote, permissions } from './permissions.js';
import { reducer } from './reducer.js';
import { visibility } from './visibility.js';

/**
 * The session with these modules: the schemas every command and agenda is checked against, the reducer, the
 * decisions, the permissions and per-viewer visibility. The registry (shared/modules/registry.ts) calls it once with
 * its list; the server, the clients and the tests use what it returns.
 */
export function assembleSession(list: readonly SessionModule[]) {
  const m = moduleTable(list);
  const rules = permissions(m);
  const context = (now: number, newId: () => string): DecideContext => ({
    now,
    newId,
    kinds: m.kinds,
    decide: (s, actor, cmd) => decide(s, actor, cmd, now, newId),
    closedStep: (s, actor, input) => late.closedStep(s, actor, input, context(now, newId)),
    isLateInput: (cmd) => late.isLateInput(cmd),
  });
  const { decide } = sessionRules(m, rules.can, context);
  const late = lateRules(m, decide, context);
  return {
    modules: list,
    kinds: m.kinds,
    notePolicy: m.notePolicy,
    FACILITATOR_ONLY: m.facilitatorOnly,
    /** Whether a command is anonymous (see SessionModule.anonymous). */
    isAnonymous: (type: string): boolean => m.anonymous.has(type as never),
    ...rules,
    canChangeNote,
    ...reducer(m),
    ...visibility(m),
    decide,
    decideCommand: late.decideCommand,
    decideContext: context,
  };
}

export type AssembledSession = ReturnType<typeof assembleSession>;

/**
 * The schemas every command and agenda is checked against, with the core's commands and these modules'. Loaded on
 * demand (the server and the console load them; a phone never does): the validation library is most of their size.
 */
export async function assembleProtocol(list: readonly SessionModule[], kinds: AssembledSession['kinds']) {
  const [{ agendaSchemas }, { commandSchemas }, moduleCommands] = await Promise.all([
    import('../protocol/agenda.schema.js'),
    import('../protocol/commands.js'),
    Promise.all(list.map((mod) => mod.commands?.() ?? [])),
  ]);
  const agenda = agendaSchemas(kinds.types);
  return { ...agenda, ...commandSchemas(agenda, moduleCommands.flat()) };
}
export type Protocol = Awaited<ReturnType<typeof assembleProtocol>>;
