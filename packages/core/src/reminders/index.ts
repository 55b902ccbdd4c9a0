/**
 * `@labmig/core/reminders` — the course reminders learners expect: a week opening, an assessment closing within 24
 * hours. Sent by a background job, once per person and event across processes; each learner can turn them off.
 */
export { sendDueReminders } from './reminders.commands.ts';
export { REMINDER_LOOKBACK_HOURS, CLOSING_NOTICE_HOURS } from './reminders.rules.ts';
