/**
 * Topic names, built in one place so publishers and subscribers agree. Add a builder here for a new kind.
 * @example liveTopics.thread('t1') // 'thread:t1'
 */
export const liveTopics = {
  /** New threads and posts in a cohort's forums. */
  cohortForum: (cohortId: string) => `cohort:${cohortId}:forum`,
  /** Posts, edits and moderation in one thread. */
  thread: (threadId: string) => `thread:${threadId}`,
  /** The live-support desk of a cohort (questions, who is answering, tutors online). */
  cohortSupport: (cohortId: string) => `cohort:${cohortId}:support`,
  /** The support desk's queue of a cohort (questions asked, claimed, answered, handed over, closed): staff only. */
  supportQueue: (cohortId: string) => `cohort:${cohortId}:support:queue`,
  /** A background job's state and progress. */
  job: (jobId: string) => `job:${jobId}`,
  /** Things for one user (notifications). */
  user: (userId: string) => `user:${userId}`,
} as const;
