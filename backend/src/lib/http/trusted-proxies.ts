import { BlockList, isIP } from 'node:net';

// Which X-Forwarded-For entries the API believes (docs/decisions/0010). Express walks the
// chain from the right (the socket's peer, then each address a proxy appended) and takes
// the first address it does not trust as the client (req.ip).

export interface AddressRange {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/** "10.0.0.5", "10.0.0.0/8", "2001:db8::/32"; null when it is neither an address nor a range. */
export function parseAddressRange(text: string): AddressRange | null {
  const match = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(text.trim());
  if (!match) return null;
  const version = isIP(match[1]!);
  if (version === 0) return null;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  const max = version === 4 ? 32 : 128;
  const prefix = match[2] === undefined ? max : Number(match[2]);
  return prefix <= max ? { address: match[1]!, prefix, family } : null;
}

/** "::ffff:10.1.2.3" (IPv4 on a dual-stack socket) → "10.1.2.3". */
const unmapped = (address: string) =>
  /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address;

/**
 * Express's `trust proxy` function: the first hop (nginx, the socket's peer) is always
 * trusted, as before; further hops only when they come from one of `ranges`, the outer
 * proxies an operator listed in TRUSTED_PROXIES. With none, whatever a client wrote into
 * X-Forwarded-For itself is never believed.
 */
export function proxyTrust(ranges: readonly AddressRange[]) {
  const list = new BlockList();
  for (const r of ranges) list.addSubnet(r.address, r.prefix, r.family);
  return (address: string, hop: number): boolean => {
    if (hop === 0) return true;
    const a = unmapped(address);
    const version = isIP(a);
    return version !== 0 && list.check(a, version === 4 ? 'ipv4' : 'ipv6');
  };
}
