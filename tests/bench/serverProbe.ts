/**
 * Preloaded into the server process by the bench (`node --import tsx --import ./tests/bench/serverProbe.ts
 * server/main.ts`) to measure the server's own event-loop lag without touching server code. Answers requests on the
 * IPC channel: `{ id, type: 'lag', restart }` -> `{ id, sinceLast, sinceStart }`; `restart` starts the long window
 * over (the coordinator does that when the load phase begins).
 */
import { LoopLag, type LagFigures } from './stats.js';

export interface ProbeRequest {
  id: number;
  type: 'lag';
  restart: boolean;
}
export interface ProbeReply {
  id: number;
  sinceLast: LagFigures;
  sinceStart: LagFigures;
}

if (process.send) {
  const sinceLast = new LoopLag();
  const sinceStart = new LoopLag();
  sinceLast.start();
  sinceStart.start();
  process.on('message', (m: ProbeRequest) => {
    if (m?.type !== 'lag') return;
    if (m.restart) sinceStart.start();
    process.send!({ id: m.id, sinceLast: sinceLast.figures(), sinceStart: sinceStart.figures() } satisfies ProbeReply);
    sinceLast.start();
  });
  // The channel must not keep the server alive on its own.
  process.channel?.unref();
}
