import { clearError, useSession } from '../store.js';

/** The last refusal from the server, in its own words, until dismissed. */
export function ErrorBanner() {
  const error = useSession((s) => s.error);
  if (!error) return null;
  return (
    <div role="alert" className="error-banner">
      <span>{error.message}</span>
      <button type="button" className="link" onClick={clearError}>
        Dismiss
      </button>
    </div>
  );
}
