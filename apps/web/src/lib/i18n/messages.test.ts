import { compile } from '@inlang/paraglide-js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const webRoot = resolve(import.meta.dirname, '../../..');
/** A message with plural forms (inlang message format): `{n}` is shown, `count` chooses the form. */
interface PluralMessage {
  declarations: string[];
  selectors: string[];
  match: Record<string, string>;
}
type Message = string | PluralMessage[];
type Messages = Record<string, Message>;

/** The texts of a message: itself, or each of its plural forms. */
const textsOf = (message: Message): string[] =>
  typeof message === 'string' ? [message] : message.flatMap((v) => Object.values(v.match));

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
      for (const text of textsOf(value)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('give plural messages a form for one and a form for every other count, in both languages', () => {
    for (const [key, value] of [...Object.entries(en), ...Object.entries(fr)]) {
      if (typeof value === 'string') continue;
      expect(value, key).toHaveLength(1);
      expect(value[0].declarations, key).toContain('local countPlural = count: plural');
      expect(Object.keys(value[0].match).sort(), key).toEqual(['countPlural=*', 'countPlural=one']);
    }
  });

  it('use the same placeholders in both languages', () => {
    const all = (message: Message | undefined) =>
      [...new Set(textsOf(message ?? '').flatMap(placeholders))].sort();
    for (const key of Object.keys(en)) expect(all(fr[key]), key).toEqual(all(en[key]));
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
      for (const [key, message] of Object.entries(catalogue)) {
        const fn = compiled[key];
        expect(typeof fn, key).toBe('function');
        const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_match, name: string) => `<${name}>`);
        const params = Object.fromEntries(
          textsOf(message)
            .flatMap(placeholders)
            .map((name) => [name, `<${name}>`]),
        );
        if (typeof message === 'string') {
          expect(fn(params, { locale }), `${locale}.${key}`).toBe(fill(message));
          continue;
        }
        // 1 takes the "one" form and 2 the other one, in English and in French
        for (const [count, form] of [
          [1, 'countPlural=one'],
          [2, 'countPlural=*'],
        ] as const)
          expect(
            fn({ ...params, count: count as unknown as string }, { locale }),
            `${locale}.${key}(${count})`,
          ).toBe(fill(message[0].match[form]));
      }
    }
  });
});
