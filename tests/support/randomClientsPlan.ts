import { seededRng } from '../../shared/rehearsal/rng.js';

/**
 * The random clients' plan (tests/support/randomClients.ts): which screen does what at each step, with which command
 * id and text, drawn from the seed alone. Screen 0 is the console, 1.. the phones. A target is a note (its id is the
 * id of the command that added it: see decide's note.add) or, for a resend, an earlier command of the same screen.
 */
export type ActionKind =
  | 'add'
  | 'edit'
  | 'move'
  | 'delete'
  | 'lock'
  | 'resend'
  | 'twice'
  | 'drop'
  | 'flap'
  | 'offline'
  | 'online'
  | 'move-process';

export interface Action {
  step: number;
  screen: number;
  kind: ActionKind;
  /** The command id this action sends (unique in the plan), when it sends one. */
  id: string;
  /** The note (edit, move, delete) or earlier command (resend) it names. */
  target: string;
  text: string;
  /** A free choice (a column, locking or unlocking). */
  pick: number;
}

/** How often each kind is drawn, for a phone and for the console. */
const PHONE_WEIGHTS: [ActionKind, number][] = [
  ['add', 30],
  ['edit', 12],
  ['move', 10],
  ['delete', 6],
  ['resend', 8],
  ['twice', 5],
  ['drop', 6],
  ['flap', 3],
  ['offline', 4],
  ['online', 6],
  ['move-process', 8],
];
const CONSOLE_WEIGHTS: [ActionKind, number][] = [
  ['add', 6],
  ['move', 6],
  ['delete', 4],
  ['edit', 2],
  ['lock', 1],
  ['resend', 2],
  ['drop', 2],
  ['move-process', 1],
];

export function planOf(seed: number, steps: number, phones: number): Action[] {
  const rng = seededRng(seed);
  const weighted = (table: [ActionKind, number][]): ActionKind => {
    let n = rng.int(table.reduce((sum, [, w]) => sum + w, 0));
    for (const [kind, w] of table) if ((n -= w) < 0) return kind;
    return table[0]![0];
  };
  /** Notes each screen added (the console may act on anyone's), and each screen's commands. */
  const notes: string[][] = Array.from({ length: phones + 1 }, () => []);
  const commands: string[][] = Array.from({ length: phones + 1 }, () => []);
  const plan: Action[] = [];
  for (let step = 0; step < steps; step++) {
    const screen = rng.int(phones + 1);
    let kind = weighted(screen === 0 ? CONSOLE_WEIGHTS : PHONE_WEIGHTS);
    const own = screen === 0 ? notes.flat() : notes[screen]!;
    if ((kind === 'edit' || kind === 'move' || kind === 'delete') && own.length === 0) kind = 'add';
    if (kind === 'resend' && commands[screen]!.length === 0) kind = 'add';
    const id = `rc${seed.toString(36)}-${step}-${screen}`;
    const target = kind === 'resend' ? rng.pick(commands[screen]!) : own.length ? rng.pick(own) : '';
    const text = `s${seed} step ${step} by ${screen === 0 ? 'console' : `phone ${screen}`}`;
    const action: Action = { step, screen, kind, id, target, text, pick: rng.int(1000) };
    if (kind === 'add' || kind === 'twice') notes[screen]!.push(id);
    if (['add', 'edit', 'move', 'delete', 'lock', 'twice'].includes(kind)) commands[screen]!.push(id);
    plan.push(action);
  }
  return plan;
}
