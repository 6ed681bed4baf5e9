import { fail } from '../../protocol/results.js';
import type { Decision } from '../../session/decide.js';
import type { DecideContext, KindTable } from '../../session/module.js';
import type { SessionState } from '../../session/state.js';
import { carriedForward } from '../flow/flow.results.js';
import type { CarryCommand, CarryEvent } from './carry.events.js';
import { initialCarry, MAX_CARRIED, MAX_IMPORTS, type CarriedItem, type CarryState } from './carry.state.js';

/** A carried item as a screen lists it: the session it came from (null: this one), and the item that carried it. */
export interface CarriedEntry extends CarriedItem {
  from: string | null;
  /** The agenda item of this session that marked it (null for an imported one). */
  itemId: string | null;
}

export const carryOf = (s: SessionState): CarryState => s.carry ?? initialCarry();

/** Most dots first; equal dots keep their order (the order marked, then the order imported). */
const ranked = <T extends CarriedItem>(items: T[]): T[] => [...items].sort((a, b) => b.dots - a.dots);

/** What this session carries forward itself (what a later session imports), ranked by dots. */
export const carriedOut = (s: SessionState, kinds: Pick<KindTable, 'columnsOf'>): CarriedItem[] =>
  ranked(carriedForward(s, kinds).map(({ label, column, dots }) => ({ label, column, dots })));

/** Everything carried into this session's later items: its own carried items, then each import's, ranked by dots. */
export function carriedIn(s: SessionState, kinds: Pick<KindTable, 'columnsOf'>): CarriedEntry[] {
  const own = carriedForward(s, kinds).map(({ label, column, dots, itemId }) => ({ label, column, dots, itemId, from: null }));
  const imported = carryOf(s).imports.flatMap((imp) => imp.items.map((i) => ({ ...i, itemId: null, from: imp.title })));
  return ranked([...own, ...imported]);
}

/** Where a carried item stands: its column, and the earlier session it came from ("Strengths, from Data retreat"). */
export const carriedWhere = (i: CarriedItem & { from?: string | null }): string => (i.from ? `${i.column}, from ${i.from}` : i.column);

/** A carried item as one line: "Strong foster families (Strengths, 7 dots)". */
export const carriedLine = (i: CarriedItem & { from?: string | null }): string =>
  `${i.label} (${carriedWhere(i)}, ${i.dots} dot${i.dots === 1 ? '' : 's'})`;

/** The session id a carry-forward code names (the part before the dot), or null when it is not shaped like one. */
export function codeSession(code: string): string | null {
  const dot = code.indexOf('.');
  return dot > 0 && dot < code.length - 1 ? code.slice(0, dot) : null;
}

export function decideCarry(s: SessionState, cmd: CarryCommand, ctx: Pick<DecideContext, 'newId'>): Decision {
  const carry = carryOf(s);
  switch (cmd.type) {
    case 'carry.makeCode':
      return { ok: true, events: [{ type: 'carry.codeMade', code: `${s.id}.${ctx.newId()}` }] };
    case 'carry.import':
      // The server finds the earlier session and sends `carry.receive` in its place; no other path reaches here.
      return fail('conflict', 'Carried items can only be imported through the server.');
    case 'carry.receive': {
      const { source } = cmd.payload;
      if (source.sessionId === s.id) return fail('conflict', 'That is this session’s own code: use it in a later session.');
      if (!source.items.length) return fail('conflict', 'That session has no items marked to carry forward yet.');
      const again = carry.imports.some((i) => i.sessionId === source.sessionId);
      if (!again && carry.imports.length >= MAX_IMPORTS) return fail('conflict', `A session can import from at most ${MAX_IMPORTS} earlier sessions.`);
      const items = source.items.slice(0, MAX_CARRIED);
      return { ok: true, events: [{ type: 'carry.imported', import: { id: ctx.newId(), ...source, items } }] };
    }
    case 'carry.removeImport':
      if (!carry.imports.some((i) => i.id === cmd.payload.importId)) return fail('not_found', 'That imported list is no longer there.');
      return { ok: true, events: [{ type: 'carry.importRemoved', importId: cmd.payload.importId }] };
    // Stryker disable next-line all: unreachable, every command type has its case (the compiler checks)
    default: {
      const never: never = cmd;
      return never;
    }
  }
}

/** Importing from the same session again replaces its earlier list, in place. */
export function applyCarry(s: SessionState, e: CarryEvent): SessionState {
  const carry = carryOf(s);
  switch (e.type) {
    case 'carry.codeMade':
      return { ...s, carry: { ...carry, code: e.code } };
    case 'carry.imported': {
      const at = carry.imports.findIndex((i) => i.sessionId === e.import.sessionId);
      const imports = at < 0 ? [...carry.imports, e.import] : carry.imports.map((i, n) => (n === at ? e.import : i));
      return { ...s, carry: { ...carry, imports } };
    }
    case 'carry.importRemoved':
      return { ...s, carry: { ...carry, imports: carry.imports.filter((i) => i.id !== e.importId) } };
    default:
      return s;
  }
}
