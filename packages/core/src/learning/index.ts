// The public API of the learning feature (issue 4): schedule, progress, learning pages, progress grid,
// calendar feed and offline packs. Re-exported by packages/core/src/index.ts; documented in ./README.md.
export * from './schedule.rules.ts';
export * from './progress.rules.ts';
export { learningPaths, type LearningPaths } from '../content/learning-paths.ts';
export { DEFAULT_SCHEDULE_OPTIONS, type ViewerRole } from './learning-context.ts';
export type {
  CourseHomeDto,
  WeekDto,
  WeekModuleDto,
  LessonSummaryDto,
  DeadlineDto,
} from './course-home.present.ts';
export { getCourseHome, previewWeek } from './course-home.queries.ts';
export {
  getCourseNav,
  type CourseNavDto,
  type CourseNavWeekDto,
  type CourseNavModuleDto,
  type CourseNavLessonDto,
} from './course-nav.queries.ts';
export { getModulePage, type ModulePageDto } from './module-page.queries.ts';
export { getLessonPage, type LessonPageDto, type LessonLinkDto } from './lesson-page.queries.ts';
export { getSlideDeck, type SlideDeckDto, type SlideDto } from './slide-deck.queries.ts';
export { getGlossaryPage, type GlossaryPageDto, type GlossaryEntryDto } from './glossary-page.queries.ts';
export type { GlossaryLetterDto, GlossarySectionDto } from './glossary-index.ts';
export { markLesson, type MarkLessonInput, type MarkLessonResult } from './progress.commands.ts';
export {
  getProgressGrid,
  type ProgressGridDto,
  type GridItemDto,
  type GridRowDto,
} from './progress-grid.queries.ts';
export { progressGridToCsv } from './progress-grid-csv.ts';
export {
  createCalendarFeed,
  revokeCalendarFeed,
  getCalendarFeedStatus,
  calendarFeed,
  type CalendarFeedStatusDto,
} from './calendar-feed.commands.ts';
export {
  writeCalendar,
  escapeText,
  foldLine,
  formatUtc,
  type Calendar,
  type CalendarEvent,
} from './icalendar.ts';
export { weekOfflinePack, type OfflinePackDto } from './offline-pack.queries.ts';
