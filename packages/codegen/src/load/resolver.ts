/**
 * Remote `$ref`s (`http`, `https`) through a map from URL prefixes to local copies, so that a
 * document whose references point at a web site generates offline and reproducibly from vendored
 * files. A URL the map does not cover is fetched; one that cannot be read is reported by the
 * parser as an invalid reference naming it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** URL prefix -> local path: a file for a whole URL, a directory for a prefix ending in `/`. */
export type ResolveMap = Readonly<Record<string, string>>;

interface UriLike {
  toString(): string;
}

interface Resolver {
  readonly schema: string;
  readonly order: number;
  readonly canRead: boolean;
  read(uri: UriLike): Promise<string>;
}

/** The local file for `url`, by the longest matching prefix; `null` when none matches. */
export function localCopy(url: string, map: ResolveMap): string | null {
  const prefix = Object.keys(map).filter((p) => url === p || (p.endsWith('/') && url.startsWith(p))).sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return null;
  const target = path.resolve(map[prefix] ?? '');
  return url === prefix ? target : path.join(target, ...url.slice(prefix.length).split('#')[0]?.split('/') ?? []);
}

async function read(url: string, map: ResolveMap): Promise<string> {
  const local = localCopy(url, map);
  if (local !== null) return readFile(local, 'utf8');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

/** The parser's resolvers for `http` and `https`, reading through `map`. */
export function remoteResolvers(map: ResolveMap): Resolver[] {
  return (['http', 'https'] as const).map((schema) => ({ schema, order: 1, canRead: true, read: (uri: UriLike) => read(uri.toString(), map) }));
}
