import { LineCounter, isMap, isNode, isScalar, isSeq, parseDocument } from 'yaml';
import type { SpecPath } from './model.js';

export type Severity = 'error' | 'warning' | 'info';

/** One finding about the spec or the generated output, with where it is. */
export interface Diagnostic {
  readonly severity: Severity;
  /** A stable rule id: a parser/Spectral rule (e.g. `asyncapi-info-contact`) or `switchboard/<rule>`. */
  readonly rule: string;
  readonly message: string;
  readonly file: string;
  /** 1-based; 0 when the location is unknown. */
  readonly line: number;
  /** 1-based; 0 when the location is unknown. */
  readonly column: number;
  readonly path: SpecPath;
}

/** `file:line:column severity message [rule]`, the shape editors and CI annotators understand. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  return `${where} ${d.severity} ${d.message} [${d.rule}]`;
}

/** Thrown when the spec cannot be turned into a model; carries every error found. */
export class SpecError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(
      `${errors.length} error${errors.length === 1 ? '' : 's'} in the spec:\n` +
        errors.map(formatDiagnostic).join('\n'),
    );
    this.name = 'SpecError';
    this.diagnostics = diagnostics;
  }
}

/**
 * Maps a path inside the document to a line and column, by reading the YAML (or JSON) source
 * with the `yaml` package, which keeps node ranges. The parser reports its own ranges; this is
 * for findings of our own.
 */
export class SourceLocator {
  readonly #text: string;
  #parsed: { doc: ReturnType<typeof parseDocument>; lines: LineCounter } | undefined;
  readonly file: string;

  constructor(file: string, text: string) {
    this.file = file;
    this.#text = text;
  }

  /** Parsed on first use: most loads have nothing to locate, and parsing a large spec costs ~0.3 s. */
  get #source(): { doc: ReturnType<typeof parseDocument>; lines: LineCounter } {
    if (!this.#parsed) {
      const lines = new LineCounter();
      this.#parsed = { doc: parseDocument(this.#text, { lineCounter: lines, keepSourceTokens: false }), lines };
    }
    return this.#parsed;
  }

  /** The line and column of the key (or list item) at `path`; the nearest existing ancestor when it does not exist. */
  locate(path: SpecPath): { line: number; column: number } {
    for (let n = path.length; n > 0; n--) {
      const parent = this.#source.doc.getIn(path.slice(0, n - 1), true);
      const last = path[n - 1];
      let offset: number | undefined;
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
        if (pair && isNode(pair.key)) offset = pair.key.range?.[0];
      } else if (isSeq(parent) && typeof last === 'number') {
        const item = parent.items[last];
        if (isNode(item)) offset = item.range?.[0];
      }
      if (offset !== undefined) {
        const pos = this.#source.lines.linePos(offset);
        return { line: pos.line, column: pos.col };
      }
    }
    return { line: 0, column: 0 };
  }

  diagnostic(severity: Severity, rule: string, message: string, path: SpecPath): Diagnostic {
    return { severity, rule: `switchboard/${rule}`, message, file: this.file, ...this.locate(path), path };
  }
}
