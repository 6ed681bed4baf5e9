import net from 'node:net';

export interface RawAnswer {
  /** The whole answer as received, or '' when the server closed without one. */
  text: string;
  status: number | null;
  ms: number;
}

/**
 * Sends `request` as is over a plain TCP connection to loopback (fetch would normalise the path first) and reads
 * the answer until the server closes or `waitMs` passes.
 */
export function rawRequest(port: number, request: string, waitMs = 3000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const started = Date.now();
    const sock = net.connect(port, '127.0.0.1', () => sock.write(request));
    let text = '';
    const done = (): void => {
      clearTimeout(timer);
      sock.destroy();
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ text, status: m ? Number(m[1]) : null, ms: Date.now() - started });
    };
    const timer = setTimeout(done, waitMs);
    sock.on('data', (d) => {
      text += d.toString('utf8');
      // One whole answer is enough: the status line, the headers and a body of the announced length.
      const head = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text);
      if (head >= 0 && length && Buffer.byteLength(text.slice(head + 4)) >= Number(length[1])) done();
    });
    sock.on('end', done);
    sock.on('error', done);
  });
}

/** A GET of `path` exactly as written, closing the connection after the answer. */
export const rawGet = (port: number, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> =>
  rawRequest(
    port,
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}Connection: close\r\n\r\n`,
  );
