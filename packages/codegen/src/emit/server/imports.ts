/**
 * The named imports from types.ts of one generated file. A spec may name a schema like something
 * the file declares or imports itself (`Handlers`, `Client`, `Reply`): such a type is imported
 * under an alias (`Handlers as HandlersType`) instead of clashing.
 */
import type { ImportSpecifierStructure, OptionalKind } from 'ts-morph';

export class TypeImports {
  readonly #taken: Set<string>;
  readonly #aliases = new Map<string, string>();

  /** `reserved`: the names the file declares or imports from elsewhere. */
  constructor(reserved: Iterable<string>) {
    this.#taken = new Set(reserved);
  }

  /** The local name of the types.ts type `name`, recorded for import. */
  readonly use = (name: string): string => {
    const known = this.#aliases.get(name);
    if (known !== undefined) return known;
    let alias = name;
    for (let n = 1; this.#taken.has(alias); n++) alias = `${name}Type${n === 1 ? '' : n}`;
    this.#taken.add(alias);
    this.#aliases.set(name, alias);
    return alias;
  };

  /** The import specifiers, sorted by imported name (as the other emitters sort theirs). */
  specifiers(): OptionalKind<ImportSpecifierStructure>[] {
    return [...this.#aliases]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, alias]) => (alias === name ? { name } : { name, alias }));
  }
}
