/**
 * Which side of the conversation a document describes (AsyncAPI 3.0.0 "Operation Object": `action`
 * is "the operation from the point of view of the application" the document describes). Most
 * documents describe a server; some describe a client of one (a frontend, an SDK), and their
 * `send` operations are what the server receives. Decided, first that applies:
 *
 * 1. the generator's `role` option (`--role client|server`);
 * 2. `x-switchboard-role: client | server` on the info object, or at the root of the document;
 * 3. the title: one that names the application a client, a frontend or a browser app (and not a
 *    server) is a client's document, `Website WebSocket Client`, `RPC Client Example`;
 * 4. otherwise the server.
 */
import type { SourceLocator, Diagnostic } from '../diagnostics.js';
import type { JsonValue, RoleModel, SpecPath } from '../model.js';

export type Side = RoleModel['side'];
export const ROLE_EXTENSION = 'x-switchboard-role';

/** Words of a title that name the application the client of a server. */
const CLIENT_TITLE = /\b(client|frontend|front-end|browser app|web app)\b/i;
const SERVER_TITLE = /\b(server|service|backend|back-end|broker|hub)\b/i;

export interface RoleInput {
  /** The `role` option, when the generator was given one. */
  readonly option: Side | undefined;
  readonly title: string;
  /** `x-switchboard-role` of the info object and of the root, as written. */
  readonly onInfo: JsonValue | undefined;
  readonly onRoot: JsonValue | undefined;
}

/**
 * The side the document describes. A `x-switchboard-role` that is neither `client` nor `server`
 * is an error at its place; a side read from the title is a warning there (say it with
 * `x-switchboard-role` to be sure), and a declared client an informational finding.
 */
export function roleOf(input: RoleInput, locator: SourceLocator, diagnostics: Diagnostic[]): RoleModel {
  if (input.option !== undefined) return { side: input.option, reason: `the role option says ${input.option}`, source: 'option', path: [] };
  const declared: [JsonValue | undefined, SpecPath][] = [[input.onInfo, ['info', ROLE_EXTENSION]], [input.onRoot, [ROLE_EXTENSION]]];
  for (const [value, path] of declared) {
    if (value === undefined) continue;
    if (value === 'client' || value === 'server') {
      const role: RoleModel = { side: value, reason: `its ${ROLE_EXTENSION} says ${value}`, source: 'extension', path };
      if (value === 'client') diagnostics.push(locator.diagnostic('info', 'document-role', describeRole(role), path));
      return role;
    }
    diagnostics.push(locator.diagnostic('error', 'invalid-role', `${ROLE_EXTENSION} must be "client" or "server", not ${JSON.stringify(value)}`, path));
  }
  if (CLIENT_TITLE.test(input.title) && !SERVER_TITLE.test(input.title)) {
    const role: RoleModel = { side: 'client', reason: `its title, ${JSON.stringify(input.title)}, names a client`, source: 'title', path: ['info', 'title'] };
    diagnostics.push(locator.diagnostic('warning', 'document-role',
      `${describeRole(role)}; write ${ROLE_EXTENSION}: client (or server) in the info object to say so`, role.path));
    return role;
  }
  return { side: 'server', reason: `nothing says it is a client's (no role option, ${ROLE_EXTENSION} or client title)`, source: 'default', path: [] };
}

/** One sentence on the side assumed and what follows for the generated server and client. */
export function describeRole(role: RoleModel): string {
  return role.side === 'client'
    ? `the document is read as a client's, as ${role.reason}: its send operations are what the generated client sends and the server receives, its receive operations what the server sends`
    : `the document is read as the server's, as ${role.reason}: its receive operations are what the server receives, its send operations what it sends`;
}
