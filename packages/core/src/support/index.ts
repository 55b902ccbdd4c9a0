/**
 * `@labmig/core/support` — the live support desk of a cohort: learners ask, see which tutors are online and get the
 * answer live; tutors work a queue (waiting time, who answers), claim, answer, hand over, close, and turn a good
 * question into a forum FAQ post. Presence is kept in the database, events go through `app.events`. See README.md.
 */
export {
  SUPPORT_LIMITS,
  askSchema,
  supportMessageSchema,
  questionRefSchema,
  handOverSchema,
  faqSchema,
  availabilitySchema,
  type AskInput,
  type SupportMessageInput,
  type QuestionRefInput,
  type HandOverInput,
  type FaqInput,
  type AvailabilityInput,
} from './support.schema.ts';
export {
  askQuestion,
  sendSupportMessage,
  claimQuestion,
  handOverQuestion,
  closeQuestion,
  setSupportAvailability,
  publishQuestionAsFaq,
} from './support.commands.ts';
export {
  getSupportDesk,
  getSupportQuestion,
  type SupportDeskDto,
  type SupportQuestionDto,
  type QuestionItemDto,
  type SupportMessageDto,
  type QuestionState,
} from './support.queries.ts';
export { supportLiveTopics } from './support-live.ts';
