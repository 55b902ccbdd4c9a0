import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A seeded account. */
export interface Account {
  readonly email: string;
  readonly name: string;
  readonly password: string;
}

/** What global setup seeded (e2e/seed.ts). */
export interface SeedState {
  readonly admin: Account;
  readonly tutor: Account;
  readonly manager: Account;
  readonly learner: Account;
  /** Learners of the running cohort (week 2 current), one per Playwright project. */
  readonly students: Readonly<Record<'js' | 'no-js', Account>>;
  readonly slug: string;
  readonly cohorts: {
    readonly open: string;
    readonly full: string;
    readonly waitlist: string;
    readonly later: string;
    readonly running: string;
    readonly edition2020: string;
  };
  /** Written by seed-quiz-learner.ts / seed-quiz-staff.ts; their specs narrow these with the types those export. */
  readonly quizLearner: Readonly<Record<string, unknown>>;
  readonly quizStaff: Readonly<Record<string, unknown>>;
  /** Written by seed-forums.ts (ForumsState). */
  readonly forums: Readonly<Record<string, unknown>>;
  /** Written by seed-assignments.ts (AssignmentsState). */
  readonly assignments: Readonly<Record<string, unknown>>;
  /** Written by seed-certificates.ts (CertificatesState). */
  readonly certificates: Readonly<Record<string, unknown>>;
  /** Written by seed-support.ts (SupportState). */
  readonly support: Readonly<Record<string, unknown>>;
  /** Written by seed-programmes.ts (ProgrammesState). */
  readonly programmes: Readonly<Record<string, unknown>>;
  /** Written by seed-lab-exercises.ts (LabExercisesState). */
  readonly labExercises: Readonly<Record<string, unknown>>;
}

/** Reads the seed state written by global setup. */
export function seedState(): SeedState {
  return JSON.parse(readFileSync(join(process.env.LABMIG_E2E_DIR ?? '.', 'state.json'), 'utf8')) as SeedState;
}

/** A unique email address for a test that signs up. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@e2e.test`;
}
