import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The French that core writes itself — mails, certificate texts, organisation types, schedule errors — follows the
// same typography as the web messages: ’, a narrow no-break space (U+202F) before : ; ? ! and inside « ».
const SRC = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(path.join(dir, entry.name))
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
        ? [path.join(dir, entry.name)]
        : [],
  );
}

/** `locale === 'fr'`, `'fr' === locale`, or a flag named `fr`. */
function saysFrench(node: ts.Node): boolean {
  if (ts.isIdentifier(node)) return node.text === 'fr';
  return (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken &&
    [node.left, node.right].some((side) => ts.isStringLiteral(side) && side.text === 'fr')
  );
}

/** The texts of the string and template literals of a file that are French: under a key `fr`, or in the French branch. */
function frenchTexts(file: string): Array<{ line: number; text: string }> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Array<{ line: number; text: string }> = [];
  const add = (node: ts.Node, text: string) =>
    found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
  const collect = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) add(node, node.text);
    else if (ts.isTemplateExpression(node)) {
      add(node.head, node.head.text);
      for (const span of node.templateSpans) add(span.literal, span.literal.text);
    }
    ts.forEachChild(node, collect);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && node.name.getText() === 'fr') collect(node.initializer);
    else if (ts.isIfStatement(node) && saysFrench(node.expression)) {
      collect(node.thenStatement);
      if (node.elseStatement) visit(node.elseStatement);
    } else if (ts.isConditionalExpression(node) && saysFrench(node.condition)) {
      collect(node.whenTrue);
      visit(node.whenFalse);
    } else ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function mistakes(text: string): string[] {
  const prose = text.replace(/https?:\/\/\S+/g, 'lien');
  const found: string[] = [];
  if (/[A-Za-zÀ-ÿœ]'[A-Za-zÀ-ÿœ]/.test(prose)) found.push('straight apostrophe');
  if (/[ \u00a0][:;?!](\s|$)/.test(prose)) found.push('ordinary space before : ; ? !');
  if (/\p{L}:(\s|$)|[\p{L}\d)»][;?!](\s|$)/u.test(prose)) found.push('no space before : ; ? !');
  if (/« |(?<=\S) »/.test(prose)) found.push('ordinary space inside « »');
  return found;
}

describe('the French written by core', () => {
  it('tells right from wrong', () => {
    expect(mistakes('Motif\u202f: «\u202fici\u202f» l’équipe\u202f? https://a.org/x?y=1')).toEqual([]);
    expect(mistakes("Motif : « ici » l'équipe?")).toHaveLength(4);
  });

  it('uses ’ and U+202F before : ; ? ! and inside « » in every French text', () => {
    const found = sourceFiles(SRC).flatMap((file) =>
      frenchTexts(file).flatMap(({ line, text }) =>
        mistakes(text).map(
          (mistake) => `${path.relative(SRC, file)}:${line} ${mistake}: ${JSON.stringify(text)}`,
        ),
      ),
    );
    expect(found).toEqual([]);
  });
});
