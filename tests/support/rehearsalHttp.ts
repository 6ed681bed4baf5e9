import type { RehearsalStatus } from '../../server/rehearsalRules.js';
import type { Created } from './harness.js';

/** The rehearsal's HTTP routes of one server, as its facilitator calls them (the key as the bearer). */
export function rehearsalHttp(app: { url: string }) {
  const auth = (s: Created) => ({ authorization: `Bearer ${s.facilitatorKey}`, 'content-type': 'application/json' });
  const at = (s: Created, path = '') => `${app.url}/api/sessions/${s.sessionId}/rehearsal${path}`;
  return {
    auth,
    /** The running rehearsal's status, or null when the server answers anything but 200. */
    async status(s: Created): Promise<RehearsalStatus | null> {
      const res = await fetch(at(s), { headers: auth(s) });
      return res.status === 200 ? ((await res.json()) as RehearsalStatus) : null;
    },
    change: (s: Created, body: object) => fetch(at(s), { method: 'POST', headers: auth(s), body: JSON.stringify(body) }),
    drive: (s: Created) => fetch(at(s, '/drive'), { method: 'POST', headers: auth(s), body: '{}' }),
  };
}
