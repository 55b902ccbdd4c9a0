/** The question-bank sub-feature: loading banks and checking quizzes against them, importing and exporting. */
export * from './question-bank.ts';
export * from './bank-import.commands.ts';
export * from './bank-import-export.queries.ts';
