import { useSession } from '../store.js';

/** On every screen of a rehearsal (console, board, phone): this is practice with simulated participants. */
export function RehearsalBanner({ className = '' }: { className?: string }) {
  const rehearsal = useSession((s) => s.state.rehearsal === true);
  if (!rehearsal) return null;
  return (
    <p className={`rehearsal-banner ${className}`} role="note" data-testid="rehearsal-banner">
      <strong>Rehearsal</strong> · simulated participants, not a real session
    </p>
  );
}
