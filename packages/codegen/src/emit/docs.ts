/**
 * The docs emitter (AsyncAPI 3.0.0 "AsyncAPI Object" as a whole): a Markdown reference a third
 * party can build a client from, `docs/reference.md`, and a self-contained JSON Schema (draft 07)
 * of every message payload, `schemas/<key>.json`, with `schemas/index.json` listing them. The
 * parts live in `docs/`: what is derived first (`catalog`), fields in words (`fields`), the
 * sections (`connection`, `envelope`, `message-section`, `schema-section`, `reference`) and the
 * bundled schemas (`bundle`).
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Model } from '../model.js';
import type { EmitContext, EmitResult, Emitter, GeneratedFile } from './context.js';
import { buildCatalog } from './docs/catalog.js';
import { schemaFiles } from './docs/bundle.js';
import { referenceMarkdown } from './docs/reference.js';

export const REFERENCE_PATH = 'docs/reference.md';

export const docsEmitter: Emitter = {
  name: 'docs',
  emit(model: Model, ctx: EmitContext): EmitResult {
    const diagnostics: Diagnostic[] = [];
    const catalog = buildCatalog(model);
    const files: GeneratedFile[] = [
      { path: REFERENCE_PATH, content: referenceMarkdown(catalog, ctx.source) },
      ...schemaFiles(model, catalog.schemas, ctx.source, diagnostics),
    ];
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files, diagnostics };
  },
};
