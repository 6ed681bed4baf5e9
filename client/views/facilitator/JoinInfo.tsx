import { useSession } from '../../store.js';

/** What to tell the room: the join code, the join link and the projector link. */
export function JoinInfo() {
  const code = useSession((s) => s.state.joinCode);
  const origin = window.location.origin;
  const joinUrl = `${origin}/join/${code}`;
  const boardUrl = `${origin}/board/${code}`;
  return (
    <section className="card stack" aria-labelledby="join-info-heading">
      <h2 id="join-info-heading">Join</h2>
      <p>
        Code{' '}
        <strong className="join-code" data-testid="join-code">
          {code}
        </strong>
      </p>
      <p className="url-line">
        Participants: <a href={joinUrl}>{joinUrl}</a>
      </p>
      <p className="url-line">
        Projector:{' '}
        <a href={boardUrl} target="_blank" rel="noreferrer">
          Open the board
        </a>
      </p>
    </section>
  );
}
