import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';

/**
 * What was moved last with the keyboard (a note's or a group's key). Moving draws the thing in another place (a new
 * element), so its menu there takes the focus back: the keyboard stays on what it just moved.
 */
let refocus: { key: string; until: number } | null = null;
/** How long after a move its new element may take the focus (a refused move leaves nothing to focus). */
const REFOCUS_MS = 5000;

export interface MoveChoiceProps {
  /** The note or group this menu moves, the same wherever it is drawn ("note:<id>", "group:<id>"). */
  focusKey: string;
  /** The menu's name for screen readers; the button's is "Move" with `what`. */
  label: string;
  what: string;
  /** The first option, that moves nothing ("Move to…"). */
  placeholder: string;
  /** The options, each value one choice. */
  children: ReactNode;
  onChoose: (value: string) => void;
  /** The button's word (default "Move"; "Merge" for a merge into another). */
  verb?: string;
}

/**
 * A "Move to…" menu that acts only on an explicit choice: the list can be browsed with the arrow keys without moving
 * anything, and the Move button acts. The focus stays on the menu, also once the move has drawn it elsewhere.
 */
export function MoveChoice({ focusKey, label, what, placeholder, children, onChoose, verb = 'Move' }: MoveChoiceProps) {
  const id = useId();
  const [choice, setChoice] = useState('');
  const select = useRef<HTMLSelectElement>(null);

  // On mount only: this menu is the moved thing drawn anew.
  useEffect(() => {
    if (refocus?.key !== focusKey || Date.now() > refocus.until) return;
    refocus = null;
    select.current?.focus();
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!choice) return;
    refocus = { key: focusKey, until: Date.now() + REFOCUS_MS };
    setChoice('');
    onChoose(choice);
    select.current?.focus();
  };

  return (
    <form className="move-to" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select id={id} ref={select} value={choice} onChange={(e) => setChoice(e.target.value)}>
        <option value="">{placeholder}</option>
        {children}
      </select>
      <button type="submit" className="small" disabled={!choice} aria-label={`${verb} ${what}`}>
        {verb}
      </button>
    </form>
  );
}
