/**
 * The small ts-morph helpers every emitter uses: one in-memory project, one way to print, one
 * header. Emitters build declarations as structures/AST nodes and print once here.
 */
import { IndentationText, NewLineKind, Project, QuoteKind, type SourceFile, type WriterFunction } from 'ts-morph';

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

/**
 * Returns header + the file's text, ending in one newline. Structures are printed by ts-morph's
 * writer with the project's indentation, so no formatter pass is needed (the TypeScript formatter
 * cost about half a second per large file).
 */
export function print(file: SourceFile, source: string, extraHeader: readonly string[] = []): string {
  const body = file.getFullText().replace(/\n{3,}/g, '\n\n').trim();
  return `${header(source, extraHeader)}\n${body}\n`;
}

/**
 * A top-level `export const name = { ... }<suffix>;` with one member a line, written whole: as a
 * variable structure, ts-morph gives the initializer a hanging indent.
 */
export function constObject(
  name: string,
  doc: string,
  members: readonly { key: string; value: string; doc?: string | undefined }[],
  suffix = '',
): WriterFunction {
  return (writer) => {
    writer.blankLineIfLastNot().writeLine(`/** ${doc} */`);
    writer.write(`export const ${name} = {`).newLine();
    writer.indent(() => {
      for (const m of members) {
        if (m.doc) writer.writeLine(`/** ${m.doc.replace(/\n/g, ' ')} */`);
        writer.writeLine(`${m.key}: ${m.value},`);
      }
    });
    writer.write(`}${suffix};`).newLine();
  };
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
  if (typeof value === 'number') return String(value);
  const escaped = value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")
    .replace(/[\u0000-\u001f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${escaped}'`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property name as TypeScript source: bare when it is an identifier, quoted otherwise. */
export function propertyName(name: string): string {
  return IDENTIFIER.test(name) ? name : literal(name);
}
