import { compile } from '@inlang/paraglide-js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const webRoot = resolve(import.meta.dirname, '../../..');
/** A message with plural forms (inlang message format): its variants by selector, e.g. `countPlural=one`. */
type Variants = [{ declarations: string[]; selectors: string[]; match: Record<string, string> }];
type Messages = Record<string, string | Variants>;
/** Every text of a message: the message itself, or each of its variants. */
const textsOf = (value: string | Variants): string[] =>
  typeof value === 'string' ? [value] : Object.values(value[0].match);

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

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en))
      if (typeof en[key] === 'string')
        expect(placeholders(String(fr[key] ?? '')), key).toEqual(placeholders(en[key]));
  });

  it('give plural messages a form for one and for other in both languages, counting with {count} (or {n})', () => {
    for (const [key, value] of [...Object.entries(en), ...Object.entries(fr)]) {
      if (typeof value === 'string') continue;
      // Counted with {count}; other values (sizes, totals) may join the text when declared as inputs.
      const declarations: string[] = value[0].declarations;
      expect(declarations, key).toContain('input count');
      expect(declarations, key).toContain('local countPlural = count: plural');
      const inputs = declarations.filter((d) => d.startsWith('input ')).map((d) => d.slice(6));
      expect(declarations.length - inputs.length, key).toBe(1);
      expect(Object.keys(value[0].match).sort(), key).toEqual(['countPlural=one', 'countPlural=other']);
      for (const text of textsOf(value))
        expect(
          placeholders(text).filter((p) => !inputs.includes(p)),
          key,
        ).toEqual([]);
      // The count is shown as {count}, or as {n} when the caller formats it (e.g. 10,288 rows).
      expect(value[0].match['countPlural=other'], key).toMatch(/\{(count|n)\}/);
    }
  });

  it('never write a literal 1 in a French form for one, which French also uses for 0 ("0 point", not "1 point")', () => {
    const literal = Object.entries(fr)
      .filter(([, value]) => typeof value !== 'string')
      .filter(([, value]) => /(^|[^\d.,{])1(?![\d.,])/.test((value as Variants)[0].match['countPlural=one']))
      .map(([key]) => key);
    expect(literal).toEqual([]);
  });
});

/** What French typography asks of a text; each finding names the mistake. */
function frenchTypographyMistakes(text: string): string[] {
  const found: string[] = [];
  // Outside placeholders, which hold values such as times (12:30) that are not text.
  const plain = text.replace(/\{\w+\}/g, '0');
  if (/[A-Za-zÀ-ÿœ]'[A-Za-zÀ-ÿœ]/.test(plain)) found.push('straight apostrophe (use ’)');
  if (/[ \u00a0][:;?!]/.test(plain)) found.push('ordinary space before : ; ? ! (use U+202F)');
  if (/[\p{L}\d)»][;?!]/u.test(plain)) found.push('no space before ; ? ! (use U+202F)');
  if (/\p{L}:(\s|$)/u.test(plain)) found.push('no space before : (use U+202F)');
  if (/«(?!\u202f)|(?<!\u202f)»/.test(plain)) found.push('« » without U+202F inside');
  if (
    /(^|[^.!?]\s)(Anglais|Français|Espagnol|Arabe|Portugais|Allemand|Russe)\b|^(Anglais|Français)$/.test(
      plain,
    )
  )
    found.push('capitalised language name');
  return found;
}

/**
 * A text that shows a count with a noun after it ("{count} learners", "of {total} lessons"), which reads wrongly for
 * 1 unless the message has plural forms; and "(s)" plurals.
 */
function countedWithoutPluralForms(text: string): boolean {
  const counted =
    /\{(count|n|minutes|hours|weeks|days|total|done|max|min|limit|used|allowed|rows|capacity|marks|seconds)\}\s+(?:[a-zà-ÿ]+\s+)?[a-zà-ÿ]+s\b/;
  return counted.test(text) || /\(s\)|\(es\)|\(x\)/.test(text);
}

describe('message wording', () => {
  it('follows French typography in every French text', () => {
    const mistakes = Object.entries(fr).flatMap(([key, value]) =>
      textsOf(value).flatMap((text) => frenchTypographyMistakes(text).map((what) => `${key}: ${what}`)),
    );
    expect(mistakes).toEqual([]);
  });

  it('gives every message that shows a count with a noun its plural forms (no "(s)")', () => {
    const missing = [...Object.entries(en), ...Object.entries(fr)]
      .filter(([, value]) => typeof value === 'string' && countedWithoutPluralForms(value))
      .map(([key]) => key);
    expect(missing).toEqual([]);
  });

  it('tells typography mistakes and counted strings apart from correct ones', () => {
    expect(
      frenchTypographyMistakes('Rôle\u202f: l’équipe\u202f; «\u202fici\u202f» en anglais\u202f?'),
    ).toEqual([]);
    expect(frenchTypographyMistakes("Rôle : l'équipe")).toEqual([
      'straight apostrophe (use ’)',
      'ordinary space before : ; ? ! (use U+202F)',
    ]);
    expect(frenchTypographyMistakes('Qui? Rôle: «ici»')).toEqual([
      'no space before ; ? ! (use U+202F)',
      'no space before : (use U+202F)',
      '« » without U+202F inside',
    ]);
    expect(frenchTypographyMistakes('Langue\u202f: Anglais')).toEqual(['capitalised language name']);
    expect(frenchTypographyMistakes('Anglais')).toEqual(['capitalised language name']);
    expect(frenchTypographyMistakes('Ouvert à {time}')).toEqual([]);
    expect(countedWithoutPluralForms('{count} attempts')).toBe(true);
    expect(countedWithoutPluralForms('{done} of {total} lessons done')).toBe(true);
    expect(countedWithoutPluralForms('{count} point(s)')).toBe(true);
    expect(countedWithoutPluralForms('Attempts: {count}')).toBe(false);
    expect(countedWithoutPluralForms('Review of {title}')).toBe(false);
  });
});

describe('compiled paraglide output', () => {
  let outdir = '';
  type MessageFn = (params: Record<string, unknown>, options: { locale: 'en' | 'fr' }) => string;
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
        if (typeof message !== 'string') continue;
        const params = Object.fromEntries(placeholders(message).map((name) => [name, `<${name}>`]));
        const expected = message.replace(/\{(\w+)\}/g, (_match: string, name: string) => `<${name}>`);
        expect(fn(params, { locale }), `${locale}.${key}`).toBe(expected);
      }
    }
  });

  it('picks the plural form of each language (French counts 0 and 1 as one)', () => {
    const fn = compiled['forums_replies_count']!;
    expect([0, 1, 2].map((count) => fn({ count }, { locale: 'en' }))).toEqual([
      '0 replies',
      '1 reply',
      '2 replies',
    ]);
    expect([0, 1, 2].map((count) => fn({ count }, { locale: 'fr' }))).toEqual([
      '0 réponse',
      '1 réponse',
      '2 réponses',
    ]);
  });
});
