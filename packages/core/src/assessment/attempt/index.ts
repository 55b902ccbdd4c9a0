/** The attempt sub-feature: quiz definitions and windows, layouts, responses, grading, taking and reviewing. */
export * from './attempt.errors.ts';
export * from './attempt-layout.rules.ts';
export * from './attempt-response.ts';
export * from './calculated.rules.ts';
export * from './feedback.rules.ts';
export * from './grading.rules.ts';
export * from './question.present.ts';
export * from './quiz-definition.ts';
export * from './quiz.rules.ts';
export * from './response.types.ts';
export { createSeededRandom, shuffleWith, type RandomSource } from './seeded-random.ts';
export * from './quiz-window.rules.ts';
export * from './quiz-schedule.commands.ts';
export * from './attempt.commands.ts';
export * from './attempt.queries.ts';
export * from './attempt.present.ts';
export { finaliseOverdueAttempts, type SubmittedBy } from './attempt-finalise.commands.ts';
