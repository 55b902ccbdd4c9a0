// Seed data for the quiz-learner browser tests, called by seed.ts after the shared users and cohorts exist.
import type { App } from '@labmig/core';
import type { SeedBase } from './seed-base.ts';

/** Seeds what the quiz-learner tests need; returns what they read from state.json (under `quizlearner`). */
export async function seedQuizLearner(_app: App, _base: SeedBase): Promise<Record<string, unknown>> {
  return {};
}
