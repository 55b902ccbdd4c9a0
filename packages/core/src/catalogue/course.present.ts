import type { CourseRow } from '@labmig/db';
import type { CourseFile } from '../content/content.schema.ts';
import type { Course } from '../content/course.types.ts';
import { courseDefinitionOf } from '../content/course.stored.ts';
import type { CohortDto } from '../cohorts/cohort.present.ts';

/** One module on the course page: its outline, not its lessons. */
export interface ModuleSummaryDto {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly week: number;
  readonly hours: number;
  readonly objectives: readonly string[];
  readonly lessonCount: number;
  readonly fr?: { readonly title: string };
}

/** Everything of course.yaml that the public page shows (editions become cohorts). */
export type CourseOverview = Omit<CourseFile, 'modules' | 'editions'>;

/** The public course page: course.yaml, the module outline and the cohorts with their enrol state for the actor. */
export interface CoursePageDto extends CourseOverview {
  readonly modules: readonly ModuleSummaryDto[];
  readonly cohorts: readonly CohortDto[];
  /** Whether French text exists for this course (course content stays in English where it does not). */
  readonly hasFrench: boolean;
  readonly updatedAt: string;
}

/** One course in the catalogue. */
export interface CatalogueItemDto {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly language: 'en' | 'fr';
  readonly learningHours: number;
  readonly weekCount: number;
  readonly moduleCount: number;
  readonly fr?: CourseFile['fr'];
  /** The cohort to show first: the next one open for enrolment, else the latest. */
  readonly featuredCohort: CohortDto | null;
  readonly cohortCount: number;
}

/** Builds the course page DTO. */
export function presentCoursePage(row: CourseRow, cohorts: readonly CohortDto[]): CoursePageDto {
  const {
    modules,
    editions: _editions,
    glossary: _glossary,
    ...overview
  } = courseDefinitionOf(row) as Course & { editions?: unknown };
  return {
    ...overview,
    modules: modules.map((m) => ({
      id: m.id,
      number: m.number,
      title: m.title,
      week: m.week,
      hours: m.hours,
      objectives: m.objectives,
      lessonCount: m.lessons.length,
      ...(m.fr ? { fr: m.fr } : {}),
    })),
    cohorts,
    hasFrench: overview.fr !== undefined,
    updatedAt: row.updated_at,
  };
}

/** Builds a catalogue entry. */
export function presentCatalogueItem(row: CourseRow, cohorts: readonly CohortDto[]): CatalogueItemDto {
  const course = courseDefinitionOf(row);
  return {
    slug: row.slug,
    title: course.title,
    summary: course.summary,
    language: course.language,
    learningHours: course.learningHours,
    weekCount: course.weeks.length,
    moduleCount: course.modules.length,
    ...(course.fr ? { fr: course.fr } : {}),
    featuredCohort: featuredCohort(cohorts),
    cohortCount: cohorts.length,
  };
}

/** The first cohort one can still enrol in (or join the waiting list of), else the latest cohort. */
export function featuredCohort(cohorts: readonly CohortDto[]): CohortDto | null {
  const enrollable = cohorts.find((c) => c.enrolState === 'open' || c.enrolState === 'waitlist');
  return enrollable ?? cohorts.at(-1) ?? null;
}
