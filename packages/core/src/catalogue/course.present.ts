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

/** Everything of course.yaml that the public page shows (editions become cohorts; their platform is kept). */
export type CourseOverview = Omit<CourseFile, 'modules' | 'editions'>;

/** An edition that has ended, as the course page lists it. */
export interface PastEditionDto {
  readonly id: string;
  readonly title: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly timeZone: string;
  readonly language: string;
  /** Where it ran, when course.yaml says so (e.g. "ITCILO eCampus"). */
  readonly platform: string | null;
}

/** The public course page: course.yaml, the module outline and the cohorts with their enrol state for the actor. */
export interface CoursePageDto extends CourseOverview {
  readonly modules: readonly ModuleSummaryDto[];
  /** Every cohort not archived, by start date. */
  readonly cohorts: readonly CohortDto[];
  /** The edition the page leads with: the current or next one (see `leadCohort`), or null when none is ahead. */
  readonly lead: CohortDto | null;
  /** The other cohorts that have not ended, by start date. */
  readonly otherCohorts: readonly CohortDto[];
  /** The editions that have ended, latest first. */
  readonly pastEditions: readonly PastEditionDto[];
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

const DAY = 86_400_000;

/**
 * The edition a course page leads with: of the cohorts that have not ended, those one can enrol in (or join the
 * waiting list of) come first, and among them the one whose start is nearest `today` (a cohort that started three
 * days ago before one that starts in a month; one that starts in ten days before one that started five weeks ago).
 * With none open, the nearest that has not ended. Null when every cohort has ended. Pure.
 */
export function leadCohort(cohorts: readonly CohortDto[], today: string): CohortDto | null {
  const distance = (c: CohortDto) => Math.abs(Date.parse(c.startsOn) - Date.parse(today)) / DAY;
  const ahead = cohorts.filter((c) => c.phase !== 'finished');
  const enrollable = ahead.filter((c) => c.enrolState === 'open' || c.enrolState === 'waitlist');
  const pool = enrollable.length > 0 ? enrollable : ahead;
  return (
    [...pool].sort((a, b) => distance(a) - distance(b) || a.startsOn.localeCompare(b.startsOn))[0] ?? null
  );
}

/** Builds the course page DTO (`today`: the UTC date, to pick the edition the page leads with). */
export function presentCoursePage(
  row: CourseRow,
  cohorts: readonly CohortDto[],
  today: string,
): CoursePageDto {
  const { modules, glossary: _glossary, ...rest } = courseDefinitionOf(row) as Course;
  const { editions, ...overview } = rest;
  const lead = leadCohort(cohorts, today);
  const platformOf = new Map(editions.map((e) => [`${row.slug}--${e.id}`, e.platform ?? null]));
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
    lead,
    otherCohorts: cohorts.filter((c) => c.phase !== 'finished' && c.id !== lead?.id),
    pastEditions: cohorts
      .filter((c) => c.phase === 'finished')
      .sort((a, b) => b.startsOn.localeCompare(a.startsOn))
      .map((c) => ({
        id: c.id,
        title: c.title,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        timeZone: c.timeZone,
        language: c.language,
        platform: platformOf.get(c.id) ?? null,
      })),
    hasFrench: overview.fr !== undefined,
    updatedAt: row.updated_at,
  };
}

/** Builds a catalogue entry. */
export function presentCatalogueItem(
  row: CourseRow,
  cohorts: readonly CohortDto[],
  today: string,
): CatalogueItemDto {
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
    featuredCohort: featuredCohort(cohorts, today),
    cohortCount: cohorts.length,
  };
}

/** The cohort a catalogue entry shows: the one the course page leads with, else the latest (ended) one. */
export function featuredCohort(cohorts: readonly CohortDto[], today: string): CohortDto | null {
  return leadCohort(cohorts, today) ?? cohorts.at(-1) ?? null;
}
