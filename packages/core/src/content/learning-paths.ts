/** URLs of the learning pages of one cohort, used in presented DTOs and rendered Markdown links. */
export interface LearningPaths {
  readonly home: string;
  readonly calendar: string;
  readonly glossary: string;
  readonly progressGrid: string;
  /** The weekly assessments (issue 5), outside `/learn`: the learner's list and one assessment's start page. */
  readonly assessments: string;
  assessment(quizId: string): string;
  /** Staff pages of the weekly assessments. */
  readonly gradebook: string;
  readonly grading: string;
  module(moduleId: string): string;
  lesson(moduleId: string, lessonId: string): string;
  slides(moduleId: string): string;
  term(termId: string): string;
  offlinePack(week: number): string;
  /** The private iCalendar feed URL path for a token. */
  calendarFeed(token: string): string;
}

/**
 * The URL scheme of the learning pages (without the `/fr` prefix, which the web app adds). Every DTO link
 * comes from here, so the web routes must match it:
 * `/cohorts/:id/learn`, `/cohorts/:id/learn/calendar`, `/cohorts/:id/learn/glossary#term-:term`,
 * `/cohorts/:id/learn/progress`, `/cohorts/:id/learn/:module`, `/cohorts/:id/learn/:module/:lesson`,
 * `/cohorts/:id/learn/:module/slides`, `/cohorts/:id/learn/week-:n/offline`, `/calendar/:token.ics`; and the
 * assessment pages `/cohorts/:id/assessments[/:quiz]`, `/cohorts/:id/gradebook`, `/cohorts/:id/grading`.
 * @example learningPaths('c1').lesson('01-a', '02-b') // '/cohorts/c1/learn/01-a/02-b'
 */
export function learningPaths(cohortId: string): LearningPaths {
  const cohort = `/cohorts/${encodeURIComponent(cohortId)}`;
  const base = `${cohort}/learn`;
  return {
    home: base,
    calendar: `${base}/calendar`,
    glossary: `${base}/glossary`,
    progressGrid: `${base}/progress`,
    assessments: `${cohort}/assessments`,
    assessment: (q) => `${cohort}/assessments/${encodeURIComponent(q)}`,
    gradebook: `${cohort}/gradebook`,
    grading: `${cohort}/grading`,
    module: (m) => `${base}/${m}`,
    lesson: (m, l) => `${base}/${m}/${l}`,
    slides: (m) => `${base}/${m}/slides`,
    term: (t) => `${base}/glossary#term-${t}`,
    offlinePack: (week) => `${base}/week-${week}/offline`,
    calendarFeed: (token) => `/calendar/${token}.ics`,
  };
}
