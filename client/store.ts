import { create } from 'zustand';
import { SessionClient, emptySnapshot, hasParticipantToken as storedToken, type ClientSnapshot, type JoinAs } from './net/sessionClient.js';
import type { CommandInput } from '../shared/protocol/commands.js';
import { fail, type CommandResult } from '../shared/protocol/results.js';
import type { JoinResult } from '../shared/protocol/join.js';
import type { Actor } from '../shared/session/permissions.js';

const initial: ClientSnapshot = emptySnapshot();

/**
 * The client's snapshot as a zustand store. The socket client updates it from outside React; components select
 * the narrow slice they draw (`useSession((s) => s.state.timer)`).
 */
export const useSession = create<ClientSnapshot>(() => initial);

let client: SessionClient | null = null;
/** Set by a replay page: it draws a session from its log and may never connect, join or send. */
let replaying = false;

/** Makes this page a replay: the store holds `snap` (and whatever the replay sets next), and nothing can be sent. */
export function startReplay(snap: ClientSnapshot): void {
  replaying = true;
  useSession.setState(snap, true);
}
const REPLAY_SENDS_NOTHING = fail('forbidden', 'This is a replay: it shows the session as it was and cannot change it.');

/** The one SessionClient of this page, made on first use. */
export function getClient(): SessionClient {
  if (replaying) throw new Error(REPLAY_SENDS_NOTHING.error.message);
  if (!client) {
    client = new SessionClient({ url: window.location.origin, storage: window.localStorage });
    useSession.setState(client.snap, true);
    client.subscribe((snap) => useSession.setState(snap, true));
  }
  return client;
}

/** Joins; a successful join clears the refusal of an earlier attempt (e.g. "Please enter your name."). */
export async function joinSession(who: JoinAs): Promise<JoinResult> {
  if (replaying) return REPLAY_SENDS_NOTHING;
  const c = getClient();
  const res = await c.join(who);
  if (res.ok) c.clearError();
  return res;
}
export const sendCommand = (body: CommandInput): Promise<CommandResult> =>
  replaying ? Promise.resolve(REPLAY_SENDS_NOTHING) : getClient().send(body);
export const clearError = (): void => client?.clearError();

/** Server time now, corrected for this device's clock skew. */
export const serverNow = (): number => Date.now() + useSession.getState().offsetMs;

/** Whether this device already joined session `code` as a participant (a refresh can resume without a name). */
export const hasParticipantToken = (code: string): boolean => storedToken(window.localStorage, code);

/** The permission actor for the current snapshot, for hiding controls the server would refuse. */
export function actorOf(s: Pick<ClientSnapshot, 'role' | 'participantId'>): Actor {
  if (s.role === 'facilitator') return { role: 'facilitator' };
  if (s.role === 'participant' && s.participantId) return { role: 'participant', participantId: s.participantId, name: '' };
  return { role: 'board' };
}

/** Lets go of a note the server refused for good (it is kept on the device until then). */
export const discardUnsent = (commandId: string): void => getClient().discardUnsent(commandId);
/** Sends a refused note again, as a new command. */
export const resendUnsent = (commandId: string): void => void getClient().resendUnsent(commandId);
