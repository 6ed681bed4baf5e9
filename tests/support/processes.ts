import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { tempDir } from './harness.js';

/**
 * Real server processes for the scale-out tests: `node --import tsx server/main.ts`, exactly as `npm start` runs it
 * (without the web client), each on a port of its own chosen up front so that a killed one restarts where the load
 * balancer expects it.
 */
export interface ServerProcess {
  /** PROCESS_NAME, which its /health says. */
  name: string;
  port: number;
  url: string;
  /** Its log lines (pino's JSON and anything else it printed). */
  output: string[];
  /** Ends it with this signal and waits for it to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port with the same settings. */
  restart(): Promise<void>;
  /** SIGSTOP (a process hung: its connections stay open, it answers nothing), or SIGCONT. */
  hang(hung: boolean): void;
  readonly running: boolean;
}

export interface ProcessesOptions {
  count: number;
  /** Passed to every process (REDIS_URL, REDIS_PREFIX, DATABASE_URL and DATABASE_SCHEMA, limits...). */
  env: Record<string, string | undefined>;
  /** One SQLite folder for them all unless DATABASE_URL is given (default: a fresh temp dir). */
  dataDir?: string;
}

const ROOT = path.resolve('.');

/** A loopback port nothing listens on right now. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function healthy(url: string, child: ChildProcess, output: string[], timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`server process exited (${child.exitCode ?? child.signalCode}):\n${output.slice(-20).join('\n')}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - start > timeoutMs) throw new Error(`server process at ${url} not healthy:\n${output.slice(-20).join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts `count` processes and waits until each answers /health. Stop them with `stopProcesses`. The first starts
 * alone: it creates the store's tables (a fresh PostgreSQL schema's migrations), the others then open them.
 */
export async function startProcesses(opts: ProcessesOptions): Promise<ServerProcess[]> {
  // Only the store the test names: a DATABASE_URL exported in the shell (as .ci/run does) is not inherited, or they
  // would all write to its `public` schema.
  const env = { ...opts.env, DATABASE_URL: opts.env.DATABASE_URL, DATA_DIR: opts.dataDir ?? tempDir('ft-procs-') };
  const first = await startOne('p1', await freePort(), env);
  const rest = await Promise.all(Array.from({ length: opts.count - 1 }, async (_, i) => startOne(`p${i + 2}`, await freePort(), env)));
  return [first, ...rest];
}

function startOne(name: string, port: number, env: Record<string, string | undefined>): Promise<ServerProcess> {
  let child: ChildProcess;
  const output: string[] = [];
  const url = `http://127.0.0.1:${port}`;
  const launch = async (): Promise<void> => {
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', SERVE_CLIENT: 'false', PROCESS_NAME: name, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer): void => {
      output.push(...chunk.toString().split('\n').filter(Boolean));
      if (output.length > 500) output.splice(0, output.length - 500);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    await healthy(url, child, output);
  };
  const proc: ServerProcess = {
    name,
    port,
    url,
    output,
    get running() {
      return child.exitCode === null && child.signalCode === null;
    },
    hang: (hung) => void child.kill(hung ? 'SIGSTOP' : 'SIGCONT'),
    kill: async (signal = 'SIGTERM') => {
      if (!proc.running) return;
      child.kill('SIGCONT'); // a hung one ends too
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill(signal);
      await exited;
    },
    restart: async () => {
      await proc.kill();
      await launch();
    },
  };
  return launch().then(() => proc);
}

/** Ends every process still running (SIGTERM: they close their connections). */
export async function stopProcesses(procs: ServerProcess[]): Promise<void> {
  await Promise.all(procs.map((p) => p.kill('SIGTERM')));
}

/** Which process answered a request from this source address through the load balancer (its /health says). */
export async function processBehind(url: string, localAddress: string): Promise<string> {
  const http = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}/health`, { localAddress }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => {
        const parsed = JSON.parse(body) as { process?: unknown };
        if (typeof parsed.process === 'string') resolve(parsed.process);
        else reject(new Error(`no process named in ${body}`));
      });
    });
    req.on('error', reject);
  });
}
