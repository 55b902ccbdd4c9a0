import { parseCalculatedBlock } from './gift-calculated.parser.ts';
import {
  parseChoices,
  parseMatchingPairs,
  parseNumericalAnswers,
  parseShortAnswers,
  parseTrueFalse,
  readFormat,
  type Anchor,
} from './gift-answers.parser.ts';
import {
  failAt,
  findSequence,
  findUnescaped,
  scanBlocks,
  textOf,
  trimChars,
  type Ch,
} from './gift-scanner.ts';
import type { MissingWord, Question, TextFormat } from './gift.types.ts';

const PLACEHOLDER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TRUE_FALSE = new Set(['T', 'TRUE', 'F', 'FALSE']);

interface Group {
  readonly open: number;
  readonly close: number;
}

/** Finds the top-level `{…}` groups of a question; nested or unbalanced braces are errors. */
function findGroups(chars: readonly Ch[], at: Anchor): Group[] {
  const groups: Group[] = [];
  let open = -1;
  chars.forEach((ch, i) => {
    if (ch.esc) return;
    if (ch.c === '{') {
      if (open >= 0)
        failAt(
          'gift.several-answer-blocks',
          ch,
          at,
          `"{" inside the answer block opened at line ${chars[open].line}, column ${chars[open].col}; close that block with "}" first, or write a literal brace as \\{`,
        );
      open = i;
    } else if (ch.c === '}') {
      if (open < 0)
        failAt(
          'gift.unexpected-close-brace',
          ch,
          at,
          '"}" without an opening "{"; write a literal brace as \\}',
        );
      groups.push({ open, close: i });
      open = -1;
    }
  });
  if (open >= 0)
    failAt(
      'gift.unclosed-answers',
      chars[open],
      at,
      'the answer block is not closed; add "}" at its end (or write a literal brace as \\{)',
    );
  return groups;
}

function isCalcBlock(chars: readonly Ch[]): boolean {
  const inner = trimChars(chars);
  return inner[0]?.c === '#' && !inner[0].esc && /^#calc(\s|$)/.test(textOf(inner.slice(0, 6)));
}

/** Picks the answer block: the only group, or the `{#calc …}` group among `{variable}` placeholders. */
function pickAnswerGroup(chars: readonly Ch[], groups: readonly Group[], at: Anchor): Group | undefined {
  if (groups.length <= 1) return groups[0];
  const calc = groups.filter((g) => isCalcBlock(chars.slice(g.open + 1, g.close)));
  const others = groups.filter((g) => !calc.includes(g));
  const stray =
    calc.length === 1
      ? others.find((g) => !PLACEHOLDER.test(textOf(chars.slice(g.open + 1, g.close))))
      : groups[1];
  if (stray)
    failAt(
      'gift.several-answer-blocks',
      chars[stray.open],
      at,
      'a question has only one answer block; write literal braces as \\{ and \\}',
    );
  return calc[0];
}

function defaultName(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= 80 ? flat : `${flat.slice(0, 77)}...`;
}

/** Parses the answer block into the type-specific fields of a question. */
function parseAnswers(inner: readonly Ch[], at: Anchor): Record<string, unknown> {
  const body = trimChars(inner);
  if (body.length === 0) return { type: 'essay' };
  if (isCalcBlock(body)) return { type: 'calculated', ...parseCalculatedBlock(body.slice(5), at) };
  if (body[0].c === '#' && !body[0].esc)
    return { type: 'numerical', answers: parseNumericalAnswers(body.slice(1), at) };
  if (findUnescaped(body, '~') >= 0) return { type: 'multichoice', ...parseChoices(body, at) };
  if (findUnescaped(body, '=') >= 0 && findSequence(body, '->') >= 0)
    return { type: 'matching', pairs: parseMatchingPairs(body, at) };
  const hash = findUnescaped(body, '#');
  if (TRUE_FALSE.has(textOf(trimChars(hash < 0 ? body : body.slice(0, hash))).toUpperCase()))
    return { type: 'truefalse', ...parseTrueFalse(body) };
  if (body[0].c === '=' && !body[0].esc) return { type: 'shortanswer', answers: parseShortAnswers(body, at) };
  return failAt(
    'gift.bad-answer',
    body[0],
    at,
    'cannot tell the question type from the answers: start right answers with =, wrong ones with ~, numbers with #, write TRUE or FALSE, or leave the braces empty for an essay',
  );
}

function splitGeneralFeedback(inner: readonly Ch[]): { answers: readonly Ch[]; generalFeedback: string } {
  let last = -1;
  for (let i = findSequence(inner, '####'); i >= 0; i = findSequence(inner, '####', i + 1)) last = i;
  if (last < 0) return { answers: inner, generalFeedback: '' };
  return { answers: inner.slice(0, last), generalFeedback: textOf(trimChars(inner.slice(last + 4))) };
}

/** Parses one block (already trimmed) into a question. */
function parseQuestion(block: readonly Ch[], category: string, line: number): Question {
  const at: Anchor = { line, col: 1 };
  let chars = block;
  let name: string | undefined;
  if (findSequence(chars, '::') === 0) {
    const end = findSequence(chars, '::', 2);
    if (end < 0)
      failAt(
        'gift.unclosed-title',
        chars[0],
        at,
        'the title is not closed; end it with "::" (write a literal colon as \\:)',
      );
    name = textOf(trimChars(chars.slice(2, end)));
    chars = trimChars(chars.slice(end + 2));
  }
  const { format: declared, rest } = readFormat(chars);
  chars = rest;
  const format: TextFormat = declared ?? 'moodle';
  const group = pickAnswerGroup(chars, findGroups(chars, at), at);
  if (!group) {
    const text = textOf(chars);
    return {
      type: 'description',
      name: name ?? defaultName(text),
      text,
      format,
      category,
      generalFeedback: '',
      line,
    };
  }
  const beforeChars = chars.slice(0, group.open);
  const afterChars = chars.slice(group.close + 1);
  const isMissingWord = trimChars(afterChars).length > 0;
  // `chars` is trimmed, so the raw text around the block keeps the author's inner spacing only.
  const missingWord: MissingWord | undefined = isMissingWord
    ? { before: textOf(beforeChars), after: textOf(afterChars) }
    : undefined;
  const text = missingWord
    ? `${missingWord.before}_____${missingWord.after}`
    : textOf(trimChars(beforeChars));
  const { answers, generalFeedback } = splitGeneralFeedback(chars.slice(group.open + 1, group.close));
  const parsed = parseAnswers(answers, { line: chars[group.open].line, col: chars[group.open].col });
  if (parsed.type === 'calculated')
    checkPlaceholders(text, parsed.variables as { name: string }[], chars[group.open], at);
  return {
    ...parsed,
    name: name ?? defaultName(text),
    text,
    format,
    category,
    generalFeedback,
    line,
    ...(missingWord ? { missingWord } : {}),
  } as Question;
}

function checkPlaceholders(text: string, variables: readonly { name: string }[], open: Ch, at: Anchor): void {
  const declared = new Set(variables.map((v) => v.name));
  for (const m of text.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
    if (!declared.has(m[1]))
      failAt(
        'gift.bad-calculated',
        open,
        at,
        `the text uses {${m[1]}} but the answer block declares no variable ${m[1]}; add ~${m[1]} = min..max`,
      );
  }
}

/**
 * Parses a GIFT file (Moodle's format, plus labmig's `{#calc …}` calculated questions) into questions.
 * The whole file is rejected on the first error.
 * @throws GiftSyntaxError with 1-based line and column and a reason that says what to do
 * @example parseGift('::Q1:: 2+2 {#4}')[0] // → { type: 'numerical', name: 'Q1', text: '2+2', answers: [{ kind: 'value', value: 4, tolerance: 0, … }], … }
 */
export function parseGift(source: string): Question[] {
  const questions: Question[] = [];
  let category = '';
  for (const block of scanBlocks(source)) {
    let chars = trimChars(block.chars);
    let line = block.line;
    if (textOf(chars.slice(0, 10)) === '$CATEGORY:') {
      const eol = chars.findIndex((ch) => ch.c === '\n' && !ch.esc);
      category = textOf(trimChars(chars.slice(10, eol < 0 ? chars.length : eol)));
      if (eol < 0) continue;
      chars = trimChars(chars.slice(eol + 1));
      line = chars[0]?.line ?? line;
      if (chars.length === 0) continue;
    }
    questions.push(parseQuestion(chars, category, line));
  }
  return questions;
}
