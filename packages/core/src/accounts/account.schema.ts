import { z } from 'zod';
import { COUNTRIES } from './countries.data.ts';
import { ORGANISATION_TYPES } from './organisation-types.ts';

/** Limits shared by the form schemas and the commands. */
export const ACCOUNT_LIMITS = {
  nameMax: 120,
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 256,
  jobTitleMax: 120,
} as const;

const COUNTRY_CODES = new Set(COUNTRIES.map((c) => c.code));

/** Trimmed, lower-cased email. */
export const emailField = z.string().trim().toLowerCase().max(ACCOUNT_LIMITS.emailMax).pipe(z.email());

const passwordField = z.string().min(ACCOUNT_LIMITS.passwordMin).max(ACCOUNT_LIMITS.passwordMax);
const localeField = z.enum(['en', 'fr']);

const profileFields = {
  name: z.string().trim().min(1).max(ACCOUNT_LIMITS.nameMax),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => COUNTRY_CODES.has(code), { message: 'Unknown country' }),
  organisationType: z.enum(ORGANISATION_TYPES),
  jobTitle: z.string().trim().min(1).max(ACCOUNT_LIMITS.jobTitleMax),
  locale: localeField,
};

/** Sign-up form: name, email, password, country (ISO 3166-1 alpha-2), organisation type, job title, language. */
export const signUpSchema = z.object({ ...profileFields, email: emailField, password: passwordField });
/** Parsed sign-up input. */
export type SignUpInput = z.infer<typeof signUpSchema>;

/** Sign-in form. The password is not length-checked here so old passwords still work. */
export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1).max(ACCOUNT_LIMITS.passwordMax),
});
/** Parsed sign-in input. */
export type SignInInput = z.infer<typeof signInSchema>;

/** "Forgot password" form. */
export const resetRequestSchema = z.object({ email: emailField });
/** Parsed reset request. */
export type ResetRequestInput = z.infer<typeof resetRequestSchema>;

/** "Choose a new password" form: the token from the link and the new password. */
export const resetSchema = z.object({ token: z.string().trim().min(1).max(200), password: passwordField });
/** Parsed reset input. */
export type ResetInput = z.infer<typeof resetSchema>;

/** Profile form (email is not editable here). */
export const profileSchema = z.object(profileFields);
/** Parsed profile input. */
export type ProfileInput = z.infer<typeof profileSchema>;
