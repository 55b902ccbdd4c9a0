/** The GIFT sub-feature: the question model, the GIFT parser and writer, formulas, `labmig quiz`. Pure, no I/O. */
export * from './gift.errors.ts';
export * from './gift.types.ts';
export * from './gift.parser.ts';
export * from './gift.writer.ts';
export * from './formula.ts';
export * from './quiz.cli.ts';
