/**
 * The address a connection comes from, for the limits that count per address. Behind a reverse
 * proxy every client has the proxy's address; such a proxy says who it forwards for in
 * `X-Forwarded-For`, and that header is believed only from peers listed as trusted proxies
 * (anyone else could write anything in it).
 */
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/** Whether an address is one of the trusted proxies. */
export type AddressMatcher = (address: string) => boolean;

const IPV4_MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** The address in one form: an IPv4 address mapped into IPv6 is written as IPv4. `null` when not an IP. */
function normalize(address: string | undefined): string | null {
  if (address === undefined) return null;
  const trimmed = address.trim();
  const mapped = IPV4_MAPPED.exec(trimmed)?.[1];
  const candidate = mapped ?? trimmed;
  return isIP(candidate) === 0 ? null : candidate;
}

function family(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 6 ? 'ipv6' : 'ipv4';
}

/** An entry of `trustedProxies` as an address and a prefix length (`null` for one address). */
function parseEntry(entry: string): { readonly address: string; readonly bits: number | null } | null {
  const [base = '', prefix, ...rest] = entry.split('/');
  const address = normalize(base);
  if (address === null || rest.length > 0) return null;
  if (prefix === undefined) return { address, bits: null };
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : -1;
  const max = family(address) === 'ipv6' ? 128 : 32;
  return bits >= 0 && bits <= max ? { address, bits } : null;
}

/**
 * A matcher for addresses and CIDR ranges (`'10.0.0.1'`, `'10.0.0.0/8'`, `'fd00::/8'`).
 * @throws TypeError for an entry that is neither.
 */
export function trustedProxyMatcher(entries: readonly string[]): AddressMatcher {
  if (entries.length === 0) return () => false;
  const list = new BlockList();
  for (const entry of entries) {
    const parsed = parseEntry(entry);
    if (parsed === null) throw new TypeError(`options.trustedProxies: "${entry}" is not an IP address or a CIDR range`);
    if (parsed.bits === null) list.addAddress(parsed.address, family(parsed.address));
    else list.addSubnet(parsed.address, parsed.bits, family(parsed.address));
  }
  return (address) => list.check(address, family(address));
}

/**
 * What a per-address limit counts an address as: an IPv4 address itself, an IPv6 address its
 * /64 (`'2001:db8:0:1::/64'`), the block one subscriber usually gets whole, so that stepping
 * through addresses of one's own block does not multiply one's share.
 */
export function addressGroup(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.split('::');
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  // A dotted IPv4 tail stands for two groups.
  const written = left.length + right.reduce((count, group) => count + (group.includes('.') ? 2 : 1), 0);
  const full = [...left, ...Array.from({ length: tail === undefined ? 0 : 8 - written }, () => '0'), ...right];
  return `${full
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * The client's address: the peer's, unless the peer is a trusted proxy; then the last address
 * in `X-Forwarded-For` that is not itself a trusted proxy (each proxy appends the address it
 * got the request from, so the entries a client wrote itself are further left). An entry that
 * is not an address stops the walk at the proxy that passed it on. `null` when unknown.
 */
export function clientAddress(request: IncomingMessage, trusted: AddressMatcher): string | null {
  let client = normalize(request.socket.remoteAddress);
  const header = request.headers['x-forwarded-for'];
  if (client === null || !trusted(client) || header === undefined) return client;
  // Node joins repeated X-Forwarded-For headers with ', ': one split covers both forms.
  const hops = (Array.isArray(header) ? header.join(',') : header).split(',');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalize(hops[i]);
    if (hop === null) return client;
    client = hop;
    if (!trusted(hop)) return hop;
  }
  return client;
}
