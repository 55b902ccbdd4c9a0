/**
 * `@labmig/core/assessment` — weekly assessments, in four sub-features that depend one way:
 * gift (question model, GIFT format) ← bank (banks, import, export) ← attempt (taking quizzes) ← gradebook.
 * See README.md.
 */
export * from './gift/index.ts';
export * from './bank/index.ts';
export * from './attempt/index.ts';
export * from './gradebook/index.ts';
