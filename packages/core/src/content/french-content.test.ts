import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const CONTENT = fileURLToPath(new URL('../../../../content', import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? yamlFiles(path.join(dir, entry.name))
      : /\.ya?ml$/.test(entry.name)
        ? [path.join(dir, entry.name)]
        : [],
  );
}

/** Every string under a key `fr` (at any depth), with where it is. */
function frenchTexts(node: unknown, where: string, inFrench = false): Array<{ where: string; text: string }> {
  if (typeof node === 'string') return inFrench ? [{ where, text: node }] : [];
  if (Array.isArray(node)) return node.flatMap((item, i) => frenchTexts(item, `${where}[${i}]`, inFrench));
  if (node !== null && typeof node === 'object')
    return Object.entries(node).flatMap(([key, value]) =>
      frenchTexts(value, `${where}.${key}`, inFrench || key === 'fr'),
    );
  return [];
}

/** French typography of punctuation: a narrow no-break space (U+202F) before : ; ? ! — not an ordinary one, not none — and inside « ». */
export function punctuationMistakes(text: string): string[] {
  const found: string[] = [];
  const prose = text.replace(/https?:\/\/\S+/g, 'lien');
  for (const m of prose.matchAll(/.{0,12}[ \u00a0][:;?!]/g)) found.push(`ordinary space: “${m[0]}”`);
  for (const m of prose.matchAll(/.{0,12}[\p{L}\d)»][;?!]/gu)) found.push(`no space: “${m[0]}”`);
  for (const m of prose.matchAll(/.{0,12}\p{L}:(?=\s|$)/gu)) found.push(`no space: “${m[0]}”`);
  for (const m of prose.matchAll(/.{0,12}(«(?!\u202f)|(?<!\u202f)»)/g))
    found.push(`« » without U+202F: “${m[0]}”`);
  return found;
}

describe('French in the course content', () => {
  it('tells right from wrong punctuation spacing', () => {
    expect(
      punctuationMistakes('Rôle\u202f: l’équipe\u202f; pourquoi\u202f? voir https://ilo.org/a:b'),
    ).toEqual([]);
    expect(punctuationMistakes('Rôle : x')).toHaveLength(1);
    expect(punctuationMistakes('Rôle: x ; y?')).toHaveLength(3);
    expect(punctuationMistakes('un «\u202ftravail\u202f» et un « emploi »')).toHaveLength(2);
  });

  it('puts a narrow no-break space before : ; ? ! and inside « » in every French text of the content files', () => {
    const mistakes = yamlFiles(CONTENT).flatMap((file) =>
      frenchTexts(parse(readFileSync(file, 'utf8')), path.relative(CONTENT, file)).flatMap(
        ({ where, text }) => punctuationMistakes(text).map((mistake) => `${where}: ${mistake}`),
      ),
    );
    expect(mistakes).toEqual([]);
  });
});
