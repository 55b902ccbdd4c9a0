import type { ChoiceAnswer, NumericalAnswer, Question, TextFormat } from './gift.types.ts';

/** Escapes GIFT's special characters (`\ ~ = # { } :`) and writes newlines as `\n`. */
export function escapeGift(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

function percent(fraction: number): string {
  return `%${Number((fraction * 100).toPrecision(12))}%`;
}

function withFeedback(feedback: string): string {
  return feedback === '' ? '' : `#${escapeGift(feedback)}`;
}

function formatPrefix(format: TextFormat | undefined, text: string, always: boolean): string {
  if (format && (always || format !== 'moodle')) return `[${format}]`;
  // A text that itself starts with "[" would be read as a format tag: declare the format to protect it.
  return text.startsWith('[') ? `[${format ?? 'moodle'}]` : '';
}

function writeChoice(answer: ChoiceAnswer, multiple: boolean): string {
  const marker =
    answer.fraction === 1 && !multiple ? '=' : answer.fraction === 0 ? '~' : `~${percent(answer.fraction)}`;
  return `\t${marker}${answer.format ? `[${answer.format}]` : ''}${escapeGift(answer.text)}${withFeedback(answer.feedback)}`;
}

function writeNumber(answer: NumericalAnswer): string {
  if (answer.kind === 'any') return `~${withFeedback(answer.feedback) || '#'}`;
  const weight = answer.fraction === 1 ? '' : percent(answer.fraction);
  const value =
    answer.kind === 'range'
      ? `${answer.min}..${answer.max}`
      : `${answer.value}${answer.tolerance ? `:${answer.tolerance}` : ''}`;
  return `=${weight}${value}${withFeedback(answer.feedback)}`;
}

/** The answer block of a question, without braces; undefined for a description. */
function writeAnswers(q: Question): string | undefined {
  switch (q.type) {
    case 'description':
      return undefined;
    case 'essay':
      return '';
    case 'truefalse': {
      const right = q.feedbackRight === '' ? '' : `#${escapeGift(q.feedbackRight)}`;
      const wrong = q.feedbackWrong === '' && right === '' ? '' : `#${escapeGift(q.feedbackWrong)}`;
      return `${q.correct ? 'TRUE' : 'FALSE'}${wrong}${right}`;
    }
    case 'multichoice':
      return `\n${q.answers.map((a) => writeChoice(a, q.multipleAnswers)).join('\n')}\n`;
    case 'shortanswer':
      return `\n${q.answers.map((a) => `\t=${a.fraction === 1 ? '' : percent(a.fraction)}${escapeGift(a.text)}${withFeedback(a.feedback)}`).join('\n')}\n`;
    case 'numerical':
      if (q.answers.length === 1) return `#${writeNumber(q.answers[0]).slice(1)}`;
      return `#\n${q.answers.map((a) => `\t${writeNumber(a)}`).join('\n')}\n`;
    case 'matching':
      return `\n${q.pairs.map((p) => `\t=${escapeGift(p.question)}${p.question ? ' ' : ''}-> ${escapeGift(p.answer)}`).join('\n')}\n`;
    case 'calculated': {
      const tolerance =
        q.tolerance.kind === 'relative'
          ? `${Number((q.tolerance.value * 100).toPrecision(12))}%`
          : `${q.tolerance.value}`;
      const vars = q.variables.map((v) => `\t~${v.name} = ${v.min}..${v.max} step ${v.step}`);
      return `#calc ${escapeGift(q.formula)} :${tolerance}${withFeedback(q.feedback)}\n${vars.join('\n')}\n`;
    }
  }
}

function writeText(q: Question, text: string): string {
  const escaped = escapeGift(text);
  if (q.type !== 'calculated') return escaped;
  const names = new Set(q.variables.map((v) => v.name));
  // Placeholders of declared variables stay unescaped so they are read back as placeholders.
  return escaped.replace(/\\\{([A-Za-z_][A-Za-z0-9_]*)\\\}/g, (whole, name: string) =>
    names.has(name) ? `{${name}}` : whole,
  );
}

/** Writes one question as GIFT (without a trailing blank line). */
export function writeGiftQuestion(q: Question): string {
  const title = q.name === '' ? '' : `::${escapeGift(q.name)}::`;
  const firstText = q.missingWord ? q.missingWord.before : q.text;
  const prefix = formatPrefix(q.format, firstText, false);
  const written = writeAnswers(q);
  // A missing-word block sits inside a sentence: keep it on one line.
  const answers = q.missingWord && written ? written.replace(/\n\t/g, ' ').replace(/\n$/, ' ') : written;
  const general =
    q.generalFeedback === ''
      ? ''
      : `${answers?.endsWith('\n') ? '\t' : ''}####${escapeGift(q.generalFeedback)}${answers?.endsWith('\n') ? '\n' : ''}`;
  if (answers === undefined) return `${title}${prefix}${writeText(q, q.text)}`;
  const block = `{${answers}${general}}`;
  if (q.missingWord)
    return `${title}${prefix}${writeText(q, q.missingWord.before)}${block}${writeText(q, q.missingWord.after)}`;
  return `${title}${prefix}${writeText(q, q.text)} ${block}`;
}

/**
 * Writes questions as a GIFT file that Moodle (and parseGift) can import: a `$CATEGORY:` line whenever the
 * category changes, then each question separated by a blank line. Calculated questions use labmig's
 * `{#calc …}` extension, which only labmig reads.
 * @example toGift([{ type: 'truefalse', name: 'Q', text: 'Sky is blue', correct: true, … }]) // → '::Q::Sky is blue {TRUE}\n'
 */
export function toGift(questions: readonly Question[]): string {
  const out: string[] = [];
  let category = '';
  for (const q of questions) {
    if (q.category !== category) {
      out.push(`$CATEGORY: ${q.category}`);
      category = q.category;
    }
    out.push(writeGiftQuestion(q));
  }
  return out.length === 0 ? '' : `${out.join('\n\n')}\n`;
}
