// The live support desk: learners' questions to the cohort's tutors, their conversation, and tutors' presence.

/** `open` while the conversation goes on (waiting for a tutor or answered), `closed` when it is over. */
export type SupportQuestionStatus = 'open' | 'closed';

/** A conversation line (`message`: the asker's follow-up or a tutor's answer) or a hand-over note. */
export type SupportMessageKind = 'message' | 'handover';

/**
 * A learner's question. `claimed_by` is the tutor answering it (null: nobody yet); `awaiting_since` is when the
 * learner last wrote without a tutor's answer since (null: the ball is with the learner); `faq_thread_id` is the
 * forum discussion made from it.
 */
export interface SupportQuestionTable {
  id: string;
  cohort_id: string;
  asker_id: string;
  body: string;
  status: SupportQuestionStatus;
  claimed_by: string | null;
  claimed_at: string | null;
  awaiting_since: string | null;
  answered_at: string | null;
  faq_thread_id: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: string | null;
}

/** One line of a question's conversation; `target_id` is the tutor a question was handed over to. */
export interface SupportMessageTable {
  id: string;
  question_id: string;
  author_id: string;
  kind: SupportMessageKind;
  body: string;
  target_id: string | null;
  created_at: string;
}

/** A tutor on a cohort's desk: `available` 1/0 as they chose, `seen_at` the last time a desk page of theirs was open. */
export interface SupportPresenceTable {
  cohort_id: string;
  user_id: string;
  available: number;
  seen_at: string;
}

/** The support desk tables. */
export interface SupportTables {
  support_questions: SupportQuestionTable;
  support_messages: SupportMessageTable;
  support_presence: SupportPresenceTable;
}
