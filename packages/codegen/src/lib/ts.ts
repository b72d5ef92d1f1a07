/**
 * The small ts-morph helpers every emitter uses: one in-memory project, one way to print, one
 * header. Emitters build declarations as structures/AST nodes and print once here.
 */
import { IndentationText, NewLineKind, Project, QuoteKind, ts, type SourceFile } from 'ts-morph';

export function createProject(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Single,
      useTrailingCommas: true,
    },
    compilerOptions: { strict: true },
  });
}

/** The first line of every generated file. `source` is the spec's file name, not a path, so output is the same on every machine. */
export function header(source: string, extra: readonly string[] = []): string {
  return [`// generated from ${source} by @switchboard/codegen - do not edit`, ...extra].join('\n') + '\n';
}

/** Formats the file with the TypeScript formatter and returns header + text, ending in one newline. */
export function print(file: SourceFile, source: string, extraHeader: readonly string[] = []): string {
  file.formatText({
    indentSize: 2,
    tabSize: 2,
    convertTabsToSpaces: true,
    semicolons: ts.SemicolonPreference.Insert,
    insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces: true,
  });
  const body = file.getFullText().replace(/\n{3,}/g, '\n\n').trim();
  return `${header(source, extraHeader)}\n${body}\n`;
}

/** Text of a JSDoc comment body: trims each line and drops trailing blank lines. */
export function docText(...parts: (string | null | undefined)[]): string | undefined {
  const text = parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => p.trim().replace(/\*\//g, '*\\/'))
    .join('\n\n');
  return text === '' ? undefined : text;
}

/** A string literal as TypeScript source, e.g. for a property name that is not an identifier. */
export function literal(value: string | number): string {
  return typeof value === 'number' ? String(value) : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property name as TypeScript source: bare when it is an identifier, quoted otherwise. */
export function propertyName(name: string): string {
  return IDENTIFIER.test(name) ? name : literal(name);
}
