import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

/** Which peers may tell us the real client address (X-Forwarded-For) and host (X-Forwarded-Host). */
export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * `TRUST_PROXY`: unset or "false" trusts no one; "true" trusts every peer (only when the server can be reached
 * through the proxy alone); otherwise a comma-separated list of proxy addresses or CIDR ranges, or "loopback".
 * The same function serves fastify (HTTP) and the socket handshake, so both see the same client address.
 */
export function trustProxyFrom(setting: string | undefined): TrustProxy {
  const value = (setting ?? '').trim();
  if (value === '' || value === 'false') return () => false;
  if (value === 'true') return () => true;
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  try {
    return proxyAddr.compile(list);
  } catch {
    throw new Error(`TRUST_PROXY must be "true", "false" or a comma-separated list of addresses or ranges (it is "${value}").`);
  }
}

/** The client's address: the peer's, or behind a trusted proxy the one it forwarded. */
export const clientAddress = (req: IncomingMessage, trust: TrustProxy): string => proxyAddr(req, trust);

const lastEntry = (header: string): string => header.slice(header.lastIndexOf(',') + 1).trim();

/** The host the client asked for, as fastify's `request.host` reads it. */
export function requestedHost(req: IncomingMessage, trust: TrustProxy): string {
  const forwarded = req.headers['x-forwarded-host'];
  const peer = req.socket?.remoteAddress;
  if (typeof forwarded === 'string' && forwarded && peer !== undefined && trust(peer, 0)) return lastEntry(forwarded);
  return req.headers.host ?? '';
}

export type OriginVerdict = { ok: true } | { ok: false; origin: string };

/**
 * Whether a request may come from the page that sent it. A request without an Origin header is not a browser page
 * of another site (curl, a script, a same-origin GET): it is let through. A page's origin passes when its host is
 * the host it asked for (same site, whatever the scheme a TLS proxy added) or it is in `allowed` (ALLOWED_ORIGINS).
 */
export function checkOrigin(req: IncomingMessage, allowed: ReadonlySet<string>, trust: TrustProxy): OriginVerdict {
  const origin = req.headers.origin;
  if (origin === undefined) return { ok: true };
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return { ok: false, origin };
  }
  if (allowed.has(parsed.origin)) return { ok: true };
  const host = requestedHost(req, trust);
  return host !== '' && parsed.host === host.toLowerCase() ? { ok: true } : { ok: false, origin };
}

/** `ALLOWED_ORIGINS`: comma-separated origins such as https://workshops.example.org, normalised as browsers send them. */
export function allowedOriginsFrom(setting: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const raw of (setting ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Error(`ALLOWED_ORIGINS holds "${raw}", which is not an origin like https://workshops.example.org.`);
    }
    out.add(url.origin);
  }
  return out;
}
