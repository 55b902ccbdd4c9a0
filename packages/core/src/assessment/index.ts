// The public API of the assessment feature (re-exported by packages/core/src/index.ts).
export * from './assessment.errors.ts';
export * from './attempt-layout.rules.ts';
export * from './attempt-response.ts';
export * from './calculated.rules.ts';
export * from './feedback.rules.ts';
export * from './formula.ts';
export * from './gift.parser.ts';
export * from './gift.types.ts';
export * from './gift.writer.ts';
export * from './grading.rules.ts';
export * from './item-analysis.rules.ts';
export * from './question-bank.ts';
export * from './question.present.ts';
export * from './quiz-definition.ts';
export * from './quiz.cli.ts';
export * from './quiz.rules.ts';
export * from './response.types.ts';
export { createSeededRandom, shuffleWith, type RandomSource } from './seeded-random.ts';

// Persistence and commands (database-backed; see README.md "Commands and queries").
export * from './assessment.policy.ts';
export * from './bank-import.commands.ts';
export * from './bank-import-export.queries.ts';
export * from './gradebook.rules.ts';
export * from './gradebook.queries.ts';
export * from './gradebook.commands.ts';
export * from './gradebook-csv.ts';
export * from './gradebook-items.queries.ts';
export * from './attempt/quiz-window.rules.ts';
export * from './attempt/quiz-schedule.commands.ts';
export * from './attempt/attempt.commands.ts';
export * from './attempt/attempt.queries.ts';
export * from './attempt/attempt.present.ts';
export { finaliseOverdueAttempts, type SubmittedBy } from './attempt/attempt-finalise.commands.ts';
export * from './attempt/essay-grading.commands.ts';
