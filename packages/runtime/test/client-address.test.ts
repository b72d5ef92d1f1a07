import type { IncomingMessage } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressGroup, clientAddress, trustedProxyMatcher } from '../src/server/client-address.js';
import { resolveServerOptions } from '../src/server/options.js';

/** Only what `clientAddress` reads of a request. */
function request(remoteAddress: string | undefined, forwardedFor?: string | string[]): IncomingMessage {
  const headers = forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor };
  return { socket: { remoteAddress }, headers } as unknown as IncomingMessage;
}

describe('trustedProxyMatcher', () => {
  it('matches addresses and CIDR ranges of both families, IPv4-mapped IPv6 as IPv4', () => {
    const trusted = trustedProxyMatcher(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);
    expect(['127.0.0.1', '10.1.2.3', 'fd12::1'].map(trusted)).toEqual([true, true, true]);
    expect(['127.0.0.2', '11.0.0.1', 'fe80::1'].map(trusted)).toEqual([false, false, false]);
    expect(trustedProxyMatcher([])('127.0.0.1')).toBe(false);
  });

  it.each(['localhost', '10.0.0.0/33', '10.0.0.0/', '10.0.0.0/8/8', 'fd00::/129', ''])('refuses "%s" with a TypeError naming it', (entry) => {
    expect(() => trustedProxyMatcher([entry])).toThrow(new TypeError(`options.trustedProxies: "${entry}" is not an IP address or a CIDR range`));
    expect(() => resolveServerOptions({ auth: { secret: 's' }, trustedProxies: [entry] })).toThrow(TypeError);
  });
});

describe('clientAddress', () => {
  const trusted = trustedProxyMatcher(['127.0.0.1', '10.0.0.0/8']);

  it.each([
    ['no proxy: the peer, header ignored', '203.0.113.9', '198.51.100.1', '203.0.113.9'],
    ['a trusted proxy: the address it forwards for', '127.0.0.1', '198.51.100.1', '198.51.100.1'],
    ['IPv4-mapped peer', '::ffff:127.0.0.1', '198.51.100.1', '198.51.100.1'],
    ['a chain of trusted proxies: the first untrusted from the right', '127.0.0.1', '198.51.100.1, 10.0.0.5', '198.51.100.1'],
    ['what the client wrote itself is left of its own address', '127.0.0.1', '6.6.6.6, 198.51.100.1', '198.51.100.1'],
    ['garbage stops the walk at the proxy that passed it', '127.0.0.1', 'garbage, 10.0.0.5', '10.0.0.5'],
    ['only trusted hops: the leftmost', '127.0.0.1', '10.0.0.7, 10.0.0.5', '10.0.0.7'],
    ['repeated headers', '127.0.0.1', ['198.51.100.1', '10.0.0.5'], '198.51.100.1'],
    ['a trusted proxy without the header: the proxy', '127.0.0.1', undefined, '127.0.0.1'],
  ] as const)('%s', (_name, peer, header, want) => {
    expect(clientAddress(request(peer, header === undefined ? undefined : (header as string | string[])), trusted)).toBe(want);
  });

  it('is null when the peer is unknown', () => {
    expect(clientAddress(request(undefined, '198.51.100.1'), trusted)).toBeNull();
  });

  it('never takes an address from the header of an untrusted peer (property)', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string()), { maxLength: 5 }), (peer, hops) => {
        fc.pre(!trusted(peer));
        expect(clientAddress(request(peer, hops.join(', ')), trusted)).toBe(peer);
      }),
    );
  });
});

describe('addressGroup', () => {
  it.each([
    ['198.51.100.7', '198.51.100.7'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:db8:0:1:aaaa:bbbb:cccc:dddd', '2001:db8:0:1::/64'],
    ['2001:0db8:0000:0001::', '2001:db8:0:1::/64'],
    ['::1', '0:0:0:0::/64'],
    ['64:ff9b::198.51.100.7', '64:ff9b:0:0::/64'],
  ])('%s counts as %s', (address, group) => {
    expect(addressGroup(address)).toBe(group);
  });

  it('puts every address of one /64 in one group, and addresses of other /64s in others (property)', () => {
    const group = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 4, maxLength: 4 });
    const hex = (groups: number[]) => groups.map((g) => g.toString(16)).join(':');
    fc.assert(
      fc.property(group, group, group, (prefix, a, b) => {
        expect(addressGroup(`${hex(prefix)}:${hex(a)}`)).toBe(addressGroup(`${hex(prefix)}:${hex(b)}`));
        const other = [...prefix.slice(0, 3), ((prefix[3] ?? 0) + 1) % 0x10000];
        expect(addressGroup(`${hex(other)}:${hex(a)}`)).not.toBe(addressGroup(`${hex(prefix)}:${hex(a)}`));
      }),
    );
  });
});
