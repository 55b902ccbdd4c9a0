/**
 * `@labmig/core/accounts` — sign-up (with email confirmation), sign-in and sessions (with their limits and known
 * browsers), password reset, profiles, the safe page to go to after signing in, and the form schemas and limits the
 * pages validate with.
 */
export { signUp, createUser, getProfile, updateProfile } from './account.commands.ts';
export { signIn, signOut, resolveSession, type SessionGrant, type SignInGrant } from './session.commands.ts';
export { DEVICE_COOKIE, DEVICE_DAYS } from './sign-in-device.ts';
export { requestPasswordReset, resetPassword } from './password-reset.commands.ts';
export {
  changePassword,
  requestEmailChange,
  checkEmailChange,
  confirmEmailChange,
  setReminders,
  checkUnsubscribe,
  unsubscribeFromReminders,
} from './account-settings.commands.ts';
export {
  changePasswordSchema,
  changeEmailSchema,
  ACCOUNT_SETTINGS_LIMITS,
  type ChangePasswordInput,
  type ChangeEmailInput,
  type UnsubscribeInput,
} from './account-settings.schema.ts';
export { confirmEmail, requestConfirmation, resendConfirmation } from './email-confirmation.commands.ts';
export { CONFIRM_TTL_HOURS } from './confirmation-mail.ts';
export { safeNextPath } from '../shared/safe-next-path.ts';
export { presentUser, actorOf, type UserDto, type ProfileDto } from './user.present.ts';
export { ORGANISATION_TYPES, ORGANISATION_TYPE_LABELS, type OrganisationType } from './organisation-types.ts';
export { COUNTRIES } from './countries.data.ts';
export { LOGIN_LIMIT, RESET_MAX_PER_HOUR, RESET_TTL_MINUTES, SESSION_COOKIE } from './session.rules.ts';
export {
  signUpSchema,
  signInSchema,
  resetRequestSchema,
  resetSchema,
  profileSchema,
  ACCOUNT_LIMITS,
  type SignUpInput,
  type SignInInput,
  type ResetRequestInput,
  type ResetInput,
  type ProfileInput,
} from './account.schema.ts';
