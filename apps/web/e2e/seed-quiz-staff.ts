// Seed data for the quiz-staff browser tests, called by seed.ts after the shared users and cohorts exist.
import type { App } from '@labmig/core';
import type { SeedBase } from './seed-base.ts';

/** Seeds what the quiz-staff tests need; returns what they read from state.json (under `quizstaff`). */
export async function seedQuizStaff(_app: App, _base: SeedBase): Promise<Record<string, unknown>> {
  return {};
}
