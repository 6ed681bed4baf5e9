import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './harness.js';
import { freePort } from './processes.js';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** Why the nginx tests cannot run here, or null when they can. */
export const nginxSkipReason: string | null = fs.existsSync(NGINX)
  ? null
  : `nginx tests skipped: no nginx at ${NGINX} (sudo apt-get install nginx, or set NGINX_PATH; .ci/run installs it).`;
if (nginxSkipReason) console.warn(nginxSkipReason);

export interface Nginx {
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}

/**
 * The README's nginx configuration (docs/nginx.conf), with the upstream's servers replaced by `ports` and its listen
 * line by a free loopback port, run by the current user with everything (pid, logs, temp files) in a temp dir.
 */
export function nginxConfig(ports: number[], listenPort: number): string {
  const conf = fs.readFileSync(path.resolve('docs/nginx.conf'), 'utf8');
  const servers = ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n');
  const replaced = conf
    .replace(/(upstream toolkit \{[\s\S]*?)((?:\s*server 127\.0\.0\.1:\d+[^\n]*\n)+)/, `$1\n${servers}\n`)
    .replace(/listen 80;/, `listen 127.0.0.1:${listenPort};`);
  if (!replaced.includes(`listen 127.0.0.1:${listenPort};`) || !replaced.includes(servers)) throw new Error('docs/nginx.conf changed shape');
  return replaced;
}

export async function startNginx(ports: number[]): Promise<Nginx> {
  const dir = tempDir('ft-nginx-');
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'toolkit.conf'), nginxConfig(ports, port));
  for (const t of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(path.join(dir, t));
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/toolkit.conf;
}
`,
  );
  const check = spawnSync(NGINX, ['-p', dir, '-c', 'nginx.conf', '-t'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t: ${check.stderr}`);
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', 'nginx.conf', '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const start = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    try {
      await fetch(`${url}/health`);
      break;
    } catch {
      if (Date.now() - start > 10_000) throw new Error(`nginx not answering: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    port,
    dir,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGQUIT');
      await exited;
    },
  };
}
