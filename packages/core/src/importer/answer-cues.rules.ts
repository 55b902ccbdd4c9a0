import type { Question } from '../assessment/gift/gift.types.ts';

/** A question whose visible text gives away the typed answer of another question of the same bank file. */
export interface AnswerCue {
  /** The question that shows the answer. */
  readonly cue: Question;
  /** The question whose answer is shown. */
  readonly answered: Question;
  readonly answer: string;
}

/** What a learner sees before answering: the text, the choices, the matching prompts and answers. */
function visibleText(q: Question): string {
  switch (q.type) {
    case 'multichoice':
      return [q.text, ...q.answers.map((a) => a.text)].join('\n');
    case 'matching':
      return [q.text, ...q.pairs.flatMap((p) => [p.question, p.answer])].join('\n');
    default:
      return q.text;
  }
}

/** The typed answers a learner could copy from another question: exact numbers and short answers. */
function typedAnswers(q: Question): string[] {
  if (q.type === 'numerical')
    return q.answers.flatMap((a) =>
      a.kind === 'value' && a.fraction === 1 ? [String(a.value), a.value.toLocaleString('en-US')] : [],
    );
  if (q.type === 'shortanswer') return q.answers.filter((a) => a.fraction === 1).map((a) => a.text);
  return [];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds questions that show, in their text or options, the typed answer of another question of the same bank
 * file (a week's assessment draws from one file, so both can land in the same attempt). Numbers match as whole
 * numbers ("8.6" does not match "18.6"); words match as whole words, ignoring case.
 * A numerical question with the answer 2018 and a multiple-choice question whose text says "the 2018 Guidelines"
 * give one cue: the second question answers the first.
 */
export function findAnswerCues(questions: readonly Question[]): AnswerCue[] {
  const cues: AnswerCue[] = [];
  for (const answered of questions) {
    for (const answer of new Set(typedAnswers(answered))) {
      if (answer.trim().length < 3) continue;
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}.,])${escape(answer)}(?![\\p{L}\\p{N}]|[.,]\\d)`, 'iu');
      for (const cue of questions)
        if (cue !== answered && pattern.test(visibleText(cue))) cues.push({ cue, answered, answer });
    }
  }
  return cues;
}
