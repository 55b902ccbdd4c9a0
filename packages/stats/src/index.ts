/**
 * @labmig/stats — survey statistics for labour migration. Runs in Node, workers and browsers:
 * nothing here imports Node built-ins (file reading is in `./node.ts`).
 */
export * from './dataset/index.ts';
export * from './io/index.ts';
export * from './design/index.ts';
export * from './replicate/index.ts';
export * from './estimate/index.ts';
export * from './spec/index.ts';
export * from './migration/index.ts';
export * from './export/index.ts';
