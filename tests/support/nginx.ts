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
  /** What `nginx -t` said (its warnings). */
  checked: string;
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

/** Debian's nginx configuration, which the README's steps change (the Debian layout below copies it). */
export const DEBIAN_NGINX = process.env.NGINX_CONF_DIR ?? '/etc/nginx';
export const debianSkipReason: string | null =
  nginxSkipReason ?? (fs.existsSync(path.join(DEBIAN_NGINX, 'nginx.conf')) ? null : `Debian nginx layout test skipped: no ${DEBIAN_NGINX}/nginx.conf.`);

/**
 * Debian's /etc/nginx as installed, copied into `dir` (its paths, pid and logs moved there, port 80 made `port` on
 * the loopback), then the README's steps: its default site removed (unless `keepDefaultSite`), docs/nginx.conf in
 * conf.d/. Returns the main file's name.
 */
function debianLayout(dir: string, toolkitConf: string, port: number, keepDefaultSite: boolean): string {
  const etc = path.join(dir, 'etc');
  fs.cpSync(DEBIAN_NGINX, etc, { recursive: true, dereference: true });
  const local = (text: string): string =>
    text
      .replace(/^user [^;]*;/m, '')
      .replace(/^pid [^;]*;/m, `pid ${dir}/nginx.pid;`)
      .replace(/\/var\/log\/nginx\//g, `${dir}/`)
      .replaceAll(`${DEBIAN_NGINX}/`, `${etc}/`)
      .replace(/listen \[::\]:80[^;]*;/g, '')
      .replace(/listen 80( default_server)?;/g, `listen 127.0.0.1:${port}$1;`);
  const main = path.join(etc, 'nginx.conf');
  fs.writeFileSync(main, local(fs.readFileSync(main, 'utf8')));
  const sites = path.join(etc, 'sites-enabled');
  for (const f of fs.existsSync(sites) ? fs.readdirSync(sites) : []) fs.writeFileSync(path.join(sites, f), local(fs.readFileSync(path.join(sites, f), 'utf8')));
  // The README: sudo rm -f /etc/nginx/sites-enabled/default; sudo cp docs/nginx.conf /etc/nginx/conf.d/toolkit.conf
  if (!keepDefaultSite) fs.rmSync(path.join(sites, 'default'), { force: true });
  fs.mkdirSync(path.join(etc, 'conf.d'), { recursive: true });
  fs.writeFileSync(path.join(etc, 'conf.d', 'toolkit.conf'), toolkitConf);
  fs.writeFileSync(path.join(etc, 'conf.d', '00-temp-paths.conf'), tempPaths(dir));
  return main;
}

const tempPaths = (dir: string): string =>
  ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};\n`).join('');

export interface NginxOptions {
  /** Debian's own configuration with the README's steps, rather than an http block of ours around docs/nginx.conf. */
  debian?: { keepDefaultSite?: boolean };
}

export async function startNginx(ports: number[], opts: NginxOptions = {}): Promise<Nginx> {
  const dir = tempDir('ft-nginx-');
  const port = await freePort();
  for (const t of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(path.join(dir, t));
  const main = opts.debian ? debianLayout(dir, nginxConfig(ports, port), port, !!opts.debian.keepDefaultSite) : minimalLayout(dir, nginxConfig(ports, port));
  return runNginx(dir, main, port);
}

/** An http block of our own around docs/nginx.conf. */
function minimalLayout(dir: string, toolkitConf: string): string {
  fs.writeFileSync(path.join(dir, 'toolkit.conf'), toolkitConf);
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${dir}/access.log;
  ${tempPaths(dir).trimEnd().replaceAll('\n', '\n  ')}
  include ${dir}/toolkit.conf;
}
`,
  );
  return path.join(dir, 'nginx.conf');
}

async function runNginx(dir: string, main: string, port: number): Promise<Nginx> {
  const check = spawnSync(NGINX, ['-p', dir, '-c', main, '-t'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t: ${check.stderr}`);
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', main, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
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
    checked: check.stderr,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGQUIT');
      await exited;
    },
  };
}
