import { usePlenary } from './usePlenary.js';

/** The questions and reactions a group received (a phone receives only its own group's and its own). */
export function ReactionList({ workGroupId, heading }: { workGroupId: string; heading: string }) {
  const reactions = usePlenary().reactions.filter((r) => r.workGroupId === workGroupId);
  return (
    <section className="plenary-reactions" aria-label={heading}>
      <h3>{heading}</h3>
      {reactions.length ? (
        <ul>
          {reactions.map((r) => (
            <li key={r.id}>
              <span className="plenary-reaction-kind">{r.kind === 'question' ? 'Question' : 'Reaction'}</span> {r.text}
              <span className="muted"> · {r.authorName}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No questions or reactions yet.</p>
      )}
    </section>
  );
}
