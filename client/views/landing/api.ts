import type { AgendaItemInput } from '../../../shared/protocol/agenda.schema.js';

export interface TemplateSummary {
  id: string;
  title: string;
  description: string;
  /** The source document, as the template names it. */
  source?: string;
  /** Saved from a session on this server (not one of the files in sessions/). */
  saved?: boolean;
  items: AgendaItemInput[];
}

export interface CreatedSession {
  sessionId: string;
  joinCode: string;
  facilitatorKey: string;
  facilitatorUrl: string;
  joinUrl: string;
  boardUrl: string;
}

/** The server's own sentence from an error answer, or the status line. */
export async function errorOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: string };
    if (body.error) return body.error;
  } catch {
    // not JSON: fall through to the status line
  }
  return `The server answered ${res.status} ${res.statusText}.`;
}

export async function fetchTemplates(): Promise<TemplateSummary[]> {
  const res = await fetch('/api/templates');
  if (!res.ok) throw new Error(await errorOf(res));
  return (await res.json()) as TemplateSummary[];
}

/** A new session: from a template or blank; a rehearsal adds its simulated participants and their pace. */
export type CreateBody = ({ templateId: string; templateKey?: string } | { title: string } | { agendaFrom: string }) & {
  rehearsal?: { participants: number; pace: number };
};

/** Creates a session; `facilitatorKey`: the key of the session named by `agendaFrom` (a rehearsal of its agenda). */
export async function createSession(body: CreateBody, facilitatorKey?: string): Promise<CreatedSession> {
  let res: Response;
  try {
    res = await fetch('/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(facilitatorKey ? { authorization: `Bearer ${facilitatorKey}` } : {}) },
      body: JSON.stringify(body),
    });
  } catch {
    throw new Error('Could not reach the server. Check the connection and try again.');
  }
  if (!res.ok) throw new Error(await errorOf(res));
  return (await res.json()) as CreatedSession;
}
