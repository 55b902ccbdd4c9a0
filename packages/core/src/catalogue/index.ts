/** `@labmig/core/catalogue` — the course catalogue and the public course page with its cohorts. */
export { listCatalogue, getCoursePage } from './catalogue.queries.ts';
export type {
  CatalogueItemDto,
  CoursePageDto,
  ModuleSummaryDto,
  CourseOverview,
  PastEditionDto,
} from './course.present.ts';
export { leadCohort } from './course.present.ts';
