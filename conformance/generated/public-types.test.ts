/**
 * The published types of @switchboard/protocol carry no `any`: every public declaration is
 * typed from the spec. (The ajv module, `validators/compiled.ts`, is `@ts-nocheck` machine
 * code; only its exports are public, and those are typed `CompiledValidator`.)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Project, SyntaxKind } from 'ts-morph';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../generated/src/', import.meta.url));
const project = new Project({ skipAddingFilesFromTsConfig: true });
const files = project.addSourceFilesAtPaths(path.join(SRC, '**/*.ts'));

describe('generated public types', () => {
  it.each(['index.ts', 'messages.ts', 'types.ts', 'validators.ts'])('%s has no `any`', (name) => {
    const file = files.find((f) => f.getBaseName() === name && path.dirname(f.getFilePath()) === SRC.replace(/\/$/, ''));
    expect(file).toBeDefined();
    expect(file?.getDescendantsOfKind(SyntaxKind.AnyKeyword).map((n) => n.getParentOrThrow().getText())).toEqual([]);
  });

  it('every export of the compiled validators is typed CompiledValidator', () => {
    const compiled = files.find((f) => f.getFilePath().endsWith('/validators/compiled.ts'));
    const exported = compiled?.getVariableStatements().filter((s) => s.hasExportKeyword()).flatMap((s) => s.getDeclarations()) ?? [];
    expect(exported.length).toBeGreaterThan(0);
    expect(exported.filter((d) => d.getTypeNode()?.getText() !== 'CompiledValidator').map((d) => d.getName())).toEqual([]);
  });
});
