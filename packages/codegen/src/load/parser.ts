/**
 * The @asyncapi/parser instance `load` uses, with one change: the two rules that check the whole
 * document against the AsyncAPI meta-schema (`asyncapi-document-resolved` / `-unresolved`) keep
 * their compiled validator from one parse to the next.
 *
 * Spectral's `schema` function keeps its ajv instances per parsed document, so every parse
 * compiles the AsyncAPI meta-schema again: ~0.35 s of CPU per save in `watch`, most of a
 * regeneration. The rules below are the parser's own (definition, function and messages), called
 * with one stable key for that cache; the meta-schema objects themselves are module-level
 * constants of the parser, so the compiled validators stay valid. The deep `require`s are of the
 * exact parser version pinned in package.json (3.6.3); a parser update that moves them fails
 * loudly here, at import.
 */
import { createRequire } from 'node:module';
import { Parser } from '@asyncapi/parser';
import type { ParserOptions } from '@asyncapi/parser/cjs/parser.js';

type RuleFunction = (input: unknown, options: unknown, context: { readonly documentInventory: object }) => unknown;
interface RuleDefinition {
  readonly then: { readonly function: RuleFunction; readonly functionOptions?: unknown };
  readonly [key: string]: unknown;
}

const require = createRequire(import.meta.url);
const { documentStructure } = require('@asyncapi/parser/cjs/ruleset/functions/documentStructure.js') as { documentStructure: RuleFunction };
const { coreRuleset } = require('@asyncapi/parser/cjs/ruleset/ruleset.js') as { coreRuleset: { rules: Record<string, RuleDefinition> } };

/** The one key the meta-schema validators are cached under, for every document. */
const SHARED_INVENTORY = Object.freeze({});

const cachedDocumentStructure: RuleFunction = (input, options, context) =>
  documentStructure(input, options, { ...context, documentInventory: SHARED_INVENTORY });

function withCachedValidator(name: string): RuleDefinition {
  const rule = coreRuleset.rules[name];
  if (!rule || rule.then.function !== documentStructure) {
    throw new Error(`@asyncapi/parser's core rule "${name}" is not what load/parser.ts expects; check it after a parser update`);
  }
  return { ...rule, then: { ...rule.then, function: cachedDocumentStructure } };
}

const RULES = {
  'asyncapi-document-resolved': withCachedValidator('asyncapi-document-resolved'),
  'asyncapi-document-unresolved': withCachedValidator('asyncapi-document-unresolved'),
};

/**
 * A new parser for every load: a reused one caches the files a spec `$ref`s, so an edit to one of
 * them would go unseen by `watch`. The compiled meta-schema is shared between them.
 */
export function createParser(): Parser {
  // The parser types `ruleset` as Spectral's RulesetDefinition, whose rule functions are typed more
  // narrowly than the parser's own rules above (they are the same objects the parser uses).
  return new Parser({ ruleset: { rules: RULES } as unknown as NonNullable<ParserOptions['ruleset']> });
}
