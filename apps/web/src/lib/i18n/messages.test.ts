import { compile } from '@inlang/paraglide-js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const webRoot = resolve(import.meta.dirname, '../../..');
type Messages = Record<string, string>;

const settings = JSON.parse(readFileSync(join(webRoot, 'project.inlang', 'settings.json'), 'utf8')) as {
  'plugin.inlang.messageFormat': { pathPattern: string | string[] };
};
const patterns = [settings['plugin.inlang.messageFormat'].pathPattern].flat();

/**
 * Reads every message file of a locale (one per path pattern of the inlang settings, e.g. the learning pages' and
 * the quiz pages' catalogues) without their `$schema` entries. A key defined in two files is an error: the compiler
 * would silently keep one of them.
 */
function readMessages(locale: 'en' | 'fr'): Messages {
  const merged: Messages = {};
  for (const pattern of patterns) {
    const file = join(webRoot, pattern.replace('{locale}', locale));
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Messages;
    const { $schema: _schema, ...messages } = raw;
    for (const [key, value] of Object.entries(messages)) {
      if (key in merged) throw new Error(`${file}: message "${key}" is already defined in another file`);
      merged[key] = value;
    }
  }
  return merged;
}

const en = readMessages('en');
const fr = readMessages('fr');
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogues', () => {
  it('have the same keys in English and French', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('have a non-empty value for every key in both languages', () => {
    for (const [key, value] of [...Object.entries(en), ...Object.entries(fr)]) {
      expect(value.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en))
      expect(placeholders(fr[key] ?? ''), key).toEqual(placeholders(en[key]));
  });
});

describe('compiled paraglide output', () => {
  let outdir = '';
  type MessageFn = (params: Record<string, string>, options: { locale: 'en' | 'fr' }) => string;
  let compiled: Record<string, MessageFn> = {};

  beforeAll(async () => {
    outdir = mkdtempSync(join(tmpdir(), 'labmig-paraglide-'));
    // Compiles from the real settings.json: a wrong plugin path would compile zero messages.
    await compile({ project: join(webRoot, 'project.inlang'), outdir, emitTsDeclarations: false });
    compiled = (await import(/* @vite-ignore */ join(outdir, 'messages.js'))) as Record<string, MessageFn>;
  }, 60_000);

  afterAll(() => {
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });

  it('contains every message, rendering the catalogue text in each language', () => {
    for (const [locale, catalogue] of [
      ['en', en],
      ['fr', fr],
    ] as const) {
      for (const [key, text] of Object.entries(catalogue)) {
        const fn = compiled[key];
        expect(typeof fn, key).toBe('function');
        const params = Object.fromEntries(placeholders(text).map((name) => [name, `<${name}>`]));
        const expected = text.replace(/\{(\w+)\}/g, (_match, name: string) => `<${name}>`);
        expect(fn(params, { locale }), `${locale}.${key}`).toBe(expected);
      }
    }
  });
});
