import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Feature folders of core must depend on each other one way: a cycle between two folders means neither can be
// understood, tested or moved alone. This test reads every import of core's source files and looks for cycles.

const SRC = dirname(fileURLToPath(import.meta.url));
/** Folders whose sub-folders are features of their own (assessment: gift ← bank ← attempt ← gradebook). */
const SPLIT = new Set(['assessment']);

/** The feature a source file belongs to: its top folder, or top/sub for split folders. */
export function featureOf(file: string): string {
  const parts = file.split('/');
  if (parts.length === 1) return parts[0];
  return SPLIT.has(parts[0]) && parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** Test code and test support may reach anywhere; only product code counts. */
const isProductCode = (file: string) =>
  /\.ts$/.test(file) && !/\.(test|testing|factory)\.ts$/.test(file) && !file.split('/').includes('testing');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : sourceFiles(path);
    return [relative(SRC, path)];
  });
}

/** Feature → features it imports (relative imports only; packages are not features of core). */
export function featureGraph(files: Record<string, string>): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [file, text] of Object.entries(files)) {
    const from = featureOf(file);
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = normalize(join(dirname(file), match[1]));
      const to = featureOf(target);
      if (to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** Every elementary cycle's first witness per strongly connected pair, as `a → b → … → a`. */
export function findCycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const cycles = new Set<string>();
  const walk = (node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) {
        const loop = path.slice(at);
        // One spelling per cycle: start at its smallest node.
        const start = loop.indexOf([...loop].sort()[0]);
        const canonical = [...loop.slice(start), ...loop.slice(0, start)];
        cycles.add([...canonical, canonical[0]].join(' → '));
      } else if (path.length < 12) walk(next, [...path, next]);
    }
  };
  for (const node of graph.keys()) walk(node, [node]);
  return [...cycles].sort();
}

describe('feature folders of core', () => {
  it('finds a cycle when there is one (the check can fail)', () => {
    const graph = featureGraph({
      'content/content.check.ts': "import { x } from '../assessment/bank/question-bank.ts';",
      'assessment/bank/question-bank.ts': "import { y } from '../../content/markdown.render.ts';",
      'cohorts/a.ts': "import { z } from '../shared/csv.ts';",
    });
    expect(findCycles(graph)).toEqual(['assessment/bank → content → assessment/bank']);
  });

  it('ignores imports inside one feature and from test code', () => {
    expect(featureOf('assessment/attempt/attempt.commands.ts')).toBe('assessment/attempt');
    expect(featureOf('learning/lesson-page.queries.ts')).toBe('learning');
    expect(isProductCode('learning/testing/learning-setup.ts')).toBe(false);
    expect(isProductCode('cohorts/roster.test.ts')).toBe(false);
  });

  it('import each other one way only (no cycles between folders)', () => {
    const files = Object.fromEntries(
      sourceFiles(SRC)
        .filter(isProductCode)
        .map((file) => [file, readFileSync(join(SRC, file), 'utf8')]),
    );
    expect(Object.keys(files).length).toBeGreaterThan(100);
    expect(findCycles(featureGraph(files))).toEqual([]);
  });
});
