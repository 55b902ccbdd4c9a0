import type { Locale } from '../errors/error-messages.ts';

/** Who is making a request. */
export type Actor =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly name: string;
      readonly email: string;
      readonly locale: Locale;
      readonly isAdmin: boolean;
    };

/** A signed-in actor. */
export type UserActor = Extract<Actor, { kind: 'user' }>;

/** The anonymous actor. */
export const ANONYMOUS: Actor = { kind: 'anonymous' };
