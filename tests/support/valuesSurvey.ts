import { expect } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { surveyOf, type ValuesSurvey } from '../../shared/modules/values/values.state.js';
import type { SessionEvent } from '../../shared/session/events.js';
import { client, createSession, waitFor, type Created } from './harness.js';

type App = Parameters<typeof client>[0];

/** A session with a core-values survey of these values, open, and its facilitator's console. */
export async function openSurvey(app: App, names: string[]): Promise<{ s: Created; fac: SessionClient; itemId: string; valueIds: string[] }> {
  const s = await createSession(app);
  const fac = client(app);
  await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
  const added = await fac.send({ type: 'agenda.addItem', payload: { item: { title: 'Core values survey', plannedMinutes: 30, moduleType: 'values' } } });
  expect(added.ok).toBe(true);
  await waitFor(() => fac.snap.state.agenda.some((i) => i.moduleType === 'values'), 'the survey item');
  const itemId = fac.snap.state.agenda.find((i) => i.moduleType === 'values')!.id;
  expect((await fac.send({ type: 'values.addValues', payload: { itemId, values: names.map((name) => ({ name })) } })).ok).toBe(true);
  expect((await fac.send({ type: 'values.setPhase', payload: { itemId, phase: 'open' } })).ok).toBe(true);
  await waitFor(() => surveyOf(fac.snap.state, itemId).phase === 'open', 'the survey open');
  return { s, fac, itemId, valueIds: surveyOf(fac.snap.state, itemId).order };
}

export const surveyOn = (c: SessionClient, itemId: string): ValuesSurvey => surveyOf(c.snap.state, itemId);

/** Every frame a client receives, as sent. */
export function frames(c: SessionClient): SessionEvent[][] {
  const out: SessionEvent[][] = [];
  c.onEvents((events) => out.push(events));
  return out;
}

export const ratedIn = (all: SessionEvent[][]) =>
  all.flat().filter((e): e is Extract<SessionEvent, { type: 'values.rated' }> => e.type === 'values.rated');
