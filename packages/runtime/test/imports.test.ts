/**
 * The runtime's modules import one way: no import circle anywhere in src/, and no module but the
 * server's index imports the server core (server/server.ts), whose parts reach each other only
 * through parts.ts. Read from the sources' import statements.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : [],
  );
}

/** Each file's relative imports (type-only ones included: a circle of types is a circle too). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/^(?:import|export)[^'"]*from '(\.{1,2}\/[^']+)\.js';/gm)].map((m) =>
      path.relative(SRC, path.resolve(path.dirname(file), `${m[1]}.ts`)),
    );
    graph.set(path.relative(SRC, file), targets);
  }
  return graph;
}

/** The first circle found, as the files around it, or null. */
function findCircle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === 'done') return null;
    if (state.get(file) === 'open') return [...trail.slice(trail.indexOf(file)), file];
    state.set(file, 'open');
    trail.push(file);
    for (const next of graph.get(file) ?? []) {
      const circle = visit(next);
      if (circle) return circle;
    }
    trail.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of graph.keys()) {
    const circle = visit(file);
    if (circle) return circle;
  }
  return null;
}

describe('runtime imports', () => {
  const graph = importGraph();

  it('form no circle', () => {
    expect(graph.size).toBeGreaterThan(30);
    expect(findCircle(graph)).toBeNull();
  });

  it('reach the server core only from the server index', () => {
    const importers = [...graph].filter(([, targets]) => targets.includes(path.join('server', 'server.ts'))).map(([file]) => file);
    expect(importers).toEqual([path.join('server', 'index.ts')]);
  });
});
