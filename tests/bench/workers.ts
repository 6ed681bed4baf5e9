/** The coordinator's side of the phone workers: fork them, ask them things (one reply per request), stop them. */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Replies, ReplyEnvelope, Request } from './ipc.js';
import { killTree, ROOT } from './server.js';

export class Worker {
  private child: ChildProcess;
  private nextId = 0;
  private waiters = new Map<number, { resolve: (r: Replies[keyof Replies]) => void; reject: (e: Error) => void }>();
  private exited = false;
  readonly pid: number;

  constructor(
    readonly index: number,
    nodeFlags: string[],
  ) {
    this.child = fork(path.join(ROOT, 'tests', 'bench', 'phones.ts'), [], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx', ...nodeFlags],
      serialization: 'advanced', // structured clone: typed arrays go as they are
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.pid = this.child.pid!;
    this.child.on('message', (m: ReplyEnvelope) => {
      const w = this.waiters.get(m.id);
      this.waiters.delete(m.id);
      if ('error' in m) w?.reject(new Error(`worker ${index}: ${m.error}`));
      else w?.resolve(m.reply);
    });
    this.child.once('exit', (code, signal) => {
      this.exited = true;
      for (const w of this.waiters.values()) w.reject(new Error(`worker ${index} exited (code ${code}, signal ${signal})`));
      this.waiters.clear();
    });
  }

  ask<T extends Request>(req: T, timeoutMs = 60_000): Promise<Replies[T['type']]> {
    return new Promise((resolve, reject) => {
      if (this.exited) return reject(new Error(`worker ${this.index} is gone`));
      const id = ++this.nextId;
      const t = setTimeout(() => {
        this.waiters.delete(id);
        reject(new Error(`worker ${this.index} did not answer '${req.type}' within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(id, {
        resolve: (r) => {
          clearTimeout(t);
          resolve(r as Replies[T['type']]);
        },
        reject: (e) => {
          clearTimeout(t);
          reject(e);
        },
      });
      this.child.send({ id, req });
    });
  }

  /** Asks the worker to close its phones and exit; kills it if it has not within `ms`. */
  async stop(ms = 5000): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((r) => this.child.once('exit', () => r()));
    await this.ask({ type: 'close' }, ms).catch(() => {});
    const t = setTimeout(() => killTree(this.pid), ms);
    await gone;
    clearTimeout(t);
  }
}
