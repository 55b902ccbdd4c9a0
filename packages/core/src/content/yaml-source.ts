import { LineCounter, isMap, isPair, isScalar, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { contentError, type ContentError } from './content-error.ts';

type Path = readonly PropertyKey[];

/** A parsed YAML text that remembers where each value came from. */
export interface YamlSource {
  readonly file: string;
  readonly data: unknown;
  /** 1-based line of the value at `path` (or of its nearest existing parent). */
  lineOf(path: Path): number;
  /** 1-based line of the key `key` inside the mapping at `path`. */
  lineOfKey(path: Path, key: string): number;
}

/**
 * Parses YAML keeping source positions. `lineOffset` shifts lines for YAML embedded in another file
 * (front matter starts on line 2 of a lesson, so its offset is 1).
 */
export function parseYamlSource(
  text: string,
  file: string,
  lineOffset = 0,
): { ok: true; source: YamlSource } | { ok: false; errors: ContentError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((e) => {
      const line = lineCounter.linePos(e.pos[0]).line + lineOffset;
      return contentError(
        file,
        line,
        'content.yaml-syntax',
        `YAML syntax error: ${e.message.split('\n')[0]}`,
      );
    });
    return { ok: false, errors };
  }
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line + lineOffset;
  return { ok: true, source: makeSource(doc, file, lineAt) };
}

function makeSource(doc: Document, file: string, lineAt: (offset: number) => number): YamlSource {
  const nodeRangeStart = (path: Path): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
      if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range))
        return node.range[0];
    }
    return 0;
  };
  return {
    file,
    data: doc.toJS(),
    lineOf: (path) => lineAt(nodeRangeStart(path)),
    lineOfKey: (path, key) => {
      const node = path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true);
      if (isMap(node)) {
        for (const pair of node.items) {
          if (isPair(pair) && isScalar(pair.key) && pair.key.value === key && pair.key.range) {
            return lineAt(pair.key.range[0]);
          }
        }
      }
      return lineAt(nodeRangeStart(path));
    },
  };
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describePath(path: Path): string {
  return path.length === 0 ? 'the document' : `\`${path.map(String).join('.')}\``;
}

/** Validates a YAML source against a zod schema; every issue becomes a `file:line` ContentError. */
export function validateYaml<T extends z.ZodType>(
  schema: T,
  source: YamlSource,
): { ok: true; value: z.output<T> } | { ok: false; errors: ContentError[] } {
  const result = schema.safeParse(source.data);
  if (result.success) return { ok: true, value: result.data };
  const errors: ContentError[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const where = path.length ? ` in ${describePath(path)}` : '';
        errors.push(
          contentError(
            source.file,
            source.lineOfKey(path, key),
            'content.unknown-key',
            `unknown key \`${key}\`${where}`,
          ),
        );
      }
    } else if (issue.code === 'invalid_type' && valueAt(source.data, path) === undefined && path.length > 0) {
      const parent = path.slice(0, -1);
      const line = source.lineOf(parent);
      errors.push(
        contentError(source.file, line, 'content.missing-field', `missing field ${describePath(path)}`),
      );
    } else if (issue.code === 'invalid_type') {
      errors.push(
        contentError(
          source.file,
          source.lineOf(path),
          'content.wrong-type',
          `${describePath(path)}: expected ${issue.expected}, got ${typeName(valueAt(source.data, path))}`,
        ),
      );
    } else {
      errors.push(
        contentError(
          source.file,
          source.lineOf(path),
          'content.invalid-value',
          `${describePath(path)}: ${issue.message}`,
        ),
      );
    }
  }
  return { ok: false, errors };
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Parses YAML and validates it in one step; the source is returned for line look-ups. */
export function parseAndValidate<T extends z.ZodType>(
  schema: T,
  text: string,
  file: string,
  lineOffset = 0,
): { ok: true; value: z.output<T>; source: YamlSource } | { ok: false; errors: ContentError[] } {
  const parsed = parseYamlSource(text, file, lineOffset);
  if (!parsed.ok) return parsed;
  const valid = validateYaml(schema, parsed.source);
  return valid.ok ? { ok: true, value: valid.value, source: parsed.source } : valid;
}
