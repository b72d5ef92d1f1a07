/**
 * How to connect: the servers (AsyncAPI 3.0.0 "Server Object": host, protocol, pathname and the
 * security it accepts), the channels ("Channel Object": address, and the URL on each server) and
 * how to authenticate ("Security Scheme Object": `type`, `in`, `name`, `scheme`, `bearerFormat`).
 */
import type { SecuritySchemeModel, ServerModel } from '../../model.js';
import { block, code, heading, inline, link, list, table, text } from '../../lib/markdown.js';
import type { Catalog } from './catalog.js';

function serverUrl(s: ServerModel): string {
  return `${s.protocol}://${s.host}${s.pathname ?? ''}`;
}

/** A server's accepted schemes as links; the ones the model could not name are counted. */
export function serverSecurity(s: ServerModel, cat: Catalog, securityAnchor: string): string {
  if (s.security.length === 0) return 'none';
  const known = s.security.filter((k) => cat.anchors.security.has(k));
  const links = [...new Set(known)].map((k) => link(text(k), cat.anchors.security.get(k) ?? ''));
  const unnamed = s.security.length - known.length;
  const see = `see ${link('Security', securityAnchor)}`;
  if (links.length === 0) return `any of ${unnamed} scheme${unnamed === 1 ? '' : 's'} (${see})`;
  return `any of ${links.join(', ')}${unnamed > 0 ? ` and ${unnamed} more (${see})` : ''}`;
}

export function serversSection(cat: Catalog, securityAnchor: string): string {
  const rows = cat.model.servers.map((s) => [
    code(s.key),
    code(s.host),
    code(s.protocol),
    s.pathname === null ? '' : code(s.pathname),
    serverSecurity(s, cat, securityAnchor),
    s.description ? inline(s.description) : '',
  ]);
  return table(['server', 'host', 'protocol', 'pathname', 'security', 'description'], rows);
}

/** A table of the channels, then each channel's description (often several paragraphs, so not in a cell). */
export function channelsSection(cat: Catalog): string {
  const servers = cat.model.servers;
  const rows = cat.model.channels.map((c) => [
    code(c.key),
    c.address === null ? '' : code(c.address),
    ...(servers.length > 0 ? [servers.map((s) => code(`${serverUrl(s)}${c.address ?? ''}`)).join(', ')] : []),
    String(c.messages.length),
  ]);
  const header = ['channel', 'address', ...(servers.length > 0 ? ['URL per server'] : []), 'messages'];
  const parts = [table(header, rows)];
  for (const c of cat.model.channels) if (c.description) parts.push(`**${code(c.key)}:**\n\n${block(c.description, 2)}`);
  return parts.join('\n\n');
}

/** Where a scheme carries its credentials, in words: `query parameter token`, `header Authorization: Bearer <token>`. */
export function credentialsText(s: SecuritySchemeModel): string {
  if ((s.type === 'httpApiKey' || s.type === 'apiKey') && s.in) {
    const where = s.in === 'query' ? 'query parameter' : s.in;
    return s.name ? `${text(where)} ${code(s.name)}` : text(where);
  }
  if (s.type === 'http' && s.scheme) {
    const scheme = s.scheme.toLowerCase();
    if (scheme === 'bearer') {
      return `header ${code('Authorization: Bearer <token>')}${s.bearerFormat ? `, token format ${text(s.bearerFormat)}` : ''}`;
    }
    if (scheme === 'basic') return `header ${code('Authorization: Basic <credentials>')}`;
    return `HTTP ${code(s.scheme)} authentication`;
  }
  return code(s.type);
}

function schemeSection(s: SecuritySchemeModel, cat: Catalog): string {
  const props: [string, string | null][] = [
    ['type', s.type], ['in', s.in], ['name', s.name], ['scheme', s.scheme], ['bearerFormat', s.bearerFormat],
  ];
  const parts = [
    heading(3, text(s.key), [cat.anchors.security.get(s.key) ?? '']),
    table(['property', 'value'], props.filter((p): p is [string, string] => p[1] !== null).map(([k, v]) => [code(k), code(v)])),
  ];
  const servers = cat.model.servers.filter((srv) => srv.security.includes(s.key));
  if (servers.length > 0) {
    parts.push(`Accepted by: ${servers.map((srv) => code(srv.key)).join(', ')}.`);
  }
  if (s.description) parts.push(block(s.description, 3));
  return parts.join('\n\n');
}

export function securitySection(cat: Catalog): string {
  const schemes = cat.model.securitySchemes;
  return [
    'The security schemes of the spec, and where each carries the credentials:',
    list(schemes.map((s) => `${link(text(s.key), cat.anchors.security.get(s.key) ?? '')}: ${credentialsText(s)}`)),
    ...schemes.map((s) => schemeSection(s, cat)),
  ].join('\n\n');
}
