/**
 * Channel addresses with parameters (AsyncAPI 3.0.0 "Channel Object" `address`, "Parameter
 * Object"): `/rooms/{roomId}` matches `/rooms/42` with `{ roomId: '42' }`. A parameter takes one
 * path segment (percent-decoded), as a router would: `/` never belongs to a value.
 */
import type { ChannelParams, WireChannel } from './wire.js';

/** A compiled address: the pattern, and the parameter names in the order they appear. */
export interface AddressMatcher {
  readonly channel: WireChannel;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

const PARAMETER = /\{([^{}]+)\}/g;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Joins a base path and an address with exactly one `/` between them. */
export function joinPath(base: string, address: string): string {
  const left = base.replace(/\/+$/, '');
  const right = address.replace(/^\/+/, '');
  return `${left}/${right}`;
}

export function compileAddress(channel: WireChannel, basePath: string): AddressMatcher {
  const full = joinPath(basePath, channel.address);
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const m of full.matchAll(PARAMETER)) {
    source += escape(full.slice(last, m.index));
    source += '([^/]+)';
    names.push(m[1] ?? '');
    last = m.index + m[0].length;
  }
  source += escape(full.slice(last));
  return { channel, pattern: new RegExp(`^${source}/?$`), names };
}

/** Outcome of matching a request path against every channel. */
export type AddressMatch =
  | { readonly ok: true; readonly channel: WireChannel; readonly params: ChannelParams }
  | { readonly ok: false; readonly status: 400 | 404; readonly reason: string };

/**
 * The first channel whose address matches `pathname`, with its parameters; a parameter outside
 * the values the document lists is a 404, as no such channel exists.
 */
export function matchAddress(matchers: readonly AddressMatcher[], pathname: string): AddressMatch {
  for (const { channel, pattern, names } of matchers) {
    const m = pattern.exec(pathname);
    if (!m) continue;
    const params: Record<string, string> = {};
    for (const [i, name] of names.entries()) {
      let value: string;
      try {
        value = decodeURIComponent(m[i + 1] ?? '');
      } catch (error) {
        if (!(error instanceof URIError)) throw error;
        return { ok: false, status: 400, reason: `parameter ${name} is not valid percent-encoding` };
      }
      const allowed = channel.parameters[name];
      if (allowed && !allowed.includes(value)) return { ok: false, status: 404, reason: `parameter ${name} has no value ${JSON.stringify(value)}` };
      params[name] = value;
    }
    return { ok: true, channel, params };
  }
  return { ok: false, status: 404, reason: 'no channel has this address' };
}

/**
 * The address of `channel` with `params` filled in (percent-encoded).
 * @throws {TypeError} when a parameter of the address is missing.
 */
export function fillAddress(address: string, params: ChannelParams): string {
  return address.replace(PARAMETER, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`channel address ${address} needs the parameter ${name}`);
    return encodeURIComponent(value);
  });
}
