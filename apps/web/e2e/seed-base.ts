import type { Account } from './state.ts';

/** What seed.ts has created before it calls the per-area seed modules (seed-quiz-learner.ts, seed-quiz-staff.ts). */
export interface SeedBase {
  readonly password: string;
  readonly slug: string;
  readonly admin: Account;
  readonly tutor: Account;
  readonly manager: Account;
  readonly learner: Account;
  readonly students: Readonly<Record<'js' | 'no-js', Account>>;
  readonly cohorts: Readonly<
    Record<'open' | 'full' | 'waitlist' | 'later' | 'running' | 'edition2020', string>
  >;
  /** Creates a user with the seed password (argon2id), like sign-up. */
  readonly person: (email: string, name: string, isAdmin?: boolean) => Promise<Account>;
}
