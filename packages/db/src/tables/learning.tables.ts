// Learning: lesson progress and calendar feeds.

/** A lesson a learner marked done (no row means not done). */
export interface LessonProgressTable {
  id: string;
  enrolment_id: string;
  module_id: string;
  lesson_id: string;
  completed_at: string;
}

/** The private iCalendar feed of an enrolment; `id` is the sha256 hex of the token in the feed URL. */
export interface CalendarFeedTokenTable {
  id: string;
  enrolment_id: string;
  created_at: string;
}

/** The learning tables. */
export interface LearningTables {
  lesson_progress: LessonProgressTable;
  calendar_feed_tokens: CalendarFeedTokenTable;
}
