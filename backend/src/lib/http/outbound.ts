import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import type https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

// Outgoing requests to addresses an admin typed in (webhooks): the SSRF guard, a timeout and
// a cap on what is read back. docs/decisions/0017 says why each is what it is.

/** Public unicast only: loopback, private, link-local (cloud metadata), ULA, CGNAT… refused. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'unicast';
}

export class BlockedAddressError extends Error {
  readonly code = 'EBLOCKED';
  constructor(message: string) {
    super(message);
  }
}

/** dns.lookup that refuses a name when any of its addresses is not public. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const bad = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (bad)
        return callback(
          new BlockedAddressError(
            `${hostname} resolves to ${bad.address}, a private or local address (refused)`,
          ),
          '',
          0,
        );
      const first = addresses[0]!;
      if (options.all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}

let httpsModule: typeof https | undefined;
/**
 * node:https (and with it tls) loads with the first https target: an API that sends no webhook
 * never holds it (issue 12, idle memory: ~1 MB of the binary's pages and heap in the image).
 */
function httpsClient(): typeof https {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
  return (httpsModule ??= require('node:https') as typeof https);
}

/** Refuses before connecting: literal addresses never reach the lookup. */
export function checkUrlTarget(url: URL, allowPrivate: boolean): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http or https URL';
  if (url.username || url.password) return 'must not contain a user name or password';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && ipaddr.isValid(host) && !isPublicAddress(host))
    return `${host} is a private or local address; allow private webhook targets in the settings to use it`;
  return null;
}

export interface OutboundResult {
  status: number;
  body: string;
}

export interface OutboundOptions {
  allowPrivate: boolean;
  timeoutMs: number;
  maxBytes: number;
  headers: Record<string, string>;
  /** Aborts the request (e.g. on shutdown). */
  signal?: AbortSignal;
}

/**
 * POSTs `body`; never follows redirects (a 3xx is an answer like any other, so a redirect to
 * an internal address cannot be used). Reads at most `maxBytes` of the answer.
 */
export function postJson(
  target: string,
  body: string,
  o: OutboundOptions,
): Promise<OutboundResult> {
  const url = new URL(target);
  const refused = checkUrlTarget(url, o.allowPrivate);
  if (refused) return Promise.reject(new BlockedAddressError(`${url.hostname}: ${refused}`));
  const client = url.protocol === 'https:' ? httpsClient() : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        lookup: guardedLookup(o.allowPrivate),
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Stockroom-Webhooks/1',
          ...o.headers,
        },
        timeout: o.timeoutMs,
        agent: false,
        signal: o.signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size >= o.maxBytes) return;
          chunks.push(chunk);
          size += chunk.length;
          // Enough read: the rest is not worth the memory or the wait.
          if (size >= o.maxBytes) res.destroy();
        });
        const finish = () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).subarray(0, o.maxBytes).toString('utf8'),
          });
        res.on('end', finish);
        res.on('close', finish);
        res.on('error', () => finish());
      },
    );
    // One deadline for the whole exchange, not only for idle sockets.
    const deadline = setTimeout(
      () => req.destroy(new Error(`no answer within ${o.timeoutMs} ms`)),
      o.timeoutMs,
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${o.timeoutMs} ms`)));
    req.on('error', reject);
    req.on('close', () => clearTimeout(deadline));
    req.end(body);
  });
}
