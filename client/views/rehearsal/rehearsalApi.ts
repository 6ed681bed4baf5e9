/** What the server says of a running rehearsal (server/rehearsalRules.ts). */
export interface RehearsalStatus {
  participants: number;
  pace: number;
  paused: boolean;
  actions: number;
  refusals: number;
}

/** One call to the rehearsal's routes with the facilitator key: the answer, or the server's refusal in its own words. */
export async function rehearsalCall<T>(sessionId: string, key: string, path: '' | '/drive', body?: object): Promise<T | { error: string }> {
  try {
    const res = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/rehearsal${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      cache: 'no-store',
    });
    const answer = (await res.json()) as T | { error?: string };
    if (res.ok) return answer as T;
    const error = (answer as { error?: string }).error;
    return { error: error ?? 'The rehearsal did not answer as expected. Try again in a moment.' };
  } catch {
    return { error: 'The rehearsal could not be reached: the server did not answer. Check the connection and try again.' };
  }
}
