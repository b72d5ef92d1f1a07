/**
 * The string formats of JSON Schema draft 07 that ajv-formats does not ship: `iri` and
 * `iri-reference` (RFC 3987), `idn-hostname` (IDNA2008: RFC 5890-5893, with UTS #46 mapping) and
 * `idn-email` (RFC 6531). Generated validator modules import them from
 * `@switchboard/runtime/validation/formats`, only when a schema names one of them: the IDNA tables
 * of `idn-hostname` are some 175 kB, which a bundle of validators that never check a hostname
 * should not carry (`@switchboard/runtime/validation` itself imports nothing).
 *
 * The grammars come from maintained libraries: `@hyperjump/uri` (RFC 3986/3987 parsing) and
 * `idn-hostname` (the IDNA2008 rules, contextual and bidi rules included); what is written here is
 * the RFC 6531 mailbox around a domain.
 */
import { isIri, isIriReference, isUri } from '@hyperjump/uri';
import idn from 'idn-hostname';
import type { StringFormat } from './validation.js';

/**
 * Whether `hostname` is an internationalized host name. `idn-hostname` says why one is not by
 * throwing a `SyntaxError` (an empty label, a label over 63 octets once encoded, a disallowed code
 * point, a broken contextual or bidi rule, ...): that is the verdict `false`. Anything else it
 * throws is a fault, and is not turned into a verdict.
 */
function isIdnHostname(hostname: string): boolean {
  try {
    return idn.isIdnHostname(hostname);
  } catch (error) {
    if (error instanceof SyntaxError) return false;
    throw error;
  }
}

// RFC 5321 section 4.1.2 with RFC 6531 section 3.3: `atext` and `qtextSMTP` also admit any
// non-ASCII scalar value (UTF8-non-ascii; with the `u` flag a lone surrogate is not one).
const NON_ASCII = '[\\u0080-\\uD7FF\\uE000-\\u{10FFFF}]';
const ATEXT = `(?:[A-Za-z0-9!#$%&'*+/=?^_\`{|}~-]|${NON_ASCII})`;
const DOT_STRING = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const QUOTED_STRING = `"(?:[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]|${NON_ASCII}|\\\\[\\x20-\\x7E])*"`;
const MAILBOX = new RegExp(`^(?:${DOT_STRING}|${QUOTED_STRING})@(?<domain>[^@]+)$`, 'u');

const DEC_OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${DEC_OCTET}(?:\\.${DEC_OCTET}){3}$`);
// RFC 5321 section 4.1.3: `Standardized-tag ":" 1*dcontent`, dcontent being printable ASCII but `[`, `\`, `]`.
const GENERAL_LITERAL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?:[\x21-\x5A\x5E-\x7E]+$/;

/** RFC 5321 `address-literal`, without its brackets: an IPv4 address, `IPv6:` and an IPv6 address, or a general one. */
function isAddressLiteral(literal: string): boolean {
  if (IPV4.test(literal)) return true;
  // RFC 5321's IPv6 grammar is RFC 3986's IPv6address, which `isUri` checks inside `[...]`
  // (a `v` there would be RFC 3986's IPvFuture, which is no IPv6 address).
  if (/^IPv6:[^vV]/.test(literal)) return isUri(`x://[${literal.slice(5)}]`);
  return !literal.startsWith('IPv6:') && GENERAL_LITERAL.test(literal);
}

/** RFC 6531 `Mailbox`: a local part of atoms or a quoted string, `@`, and an IDN domain or an address literal. */
function isIdnEmail(email: string): boolean {
  const domain = MAILBOX.exec(email)?.groups?.['domain'];
  if (domain === undefined) return false;
  if (domain.startsWith('[') && domain.endsWith(']')) return isAddressLiteral(domain.slice(1, -1));
  // A mail domain has no root label: `user@example.com.` is not an address.
  return !/[.\uFF0E\u3002\uFF61]$/.test(domain) && isIdnHostname(domain);
}

/** The `iri` format: an absolute IRI (RFC 3987), `http://ƒøø.ßår/?∂éœ=πîx#πîüx`. */
export const iriFormat: StringFormat = { validate: isIri };
/** The `iri-reference` format: an IRI or a relative reference (RFC 3987), `//ƒøø.ßår/?∂éœ=πîx`, `#ƒrägmênt`. */
export const iriReferenceFormat: StringFormat = { validate: isIriReference };
/** The `idn-hostname` format: a host name of IDNA2008 labels, `실례.테스트`. */
export const idnHostnameFormat: StringFormat = { validate: isIdnHostname };
/** The `idn-email` format: an RFC 6531 mailbox, `실례@실례.테스트`. */
export const idnEmailFormat: StringFormat = { validate: isIdnEmail };

/** Each format by its name in JSON Schema, with the name of its export here. */
export const EXTRA_FORMATS: Readonly<Record<string, { readonly format: StringFormat; readonly exportName: string }>> = Object.freeze({
  'iri': { format: iriFormat, exportName: 'iriFormat' },
  'iri-reference': { format: iriReferenceFormat, exportName: 'iriReferenceFormat' },
  'idn-hostname': { format: idnHostnameFormat, exportName: 'idnHostnameFormat' },
  'idn-email': { format: idnEmailFormat, exportName: 'idnEmailFormat' },
});
