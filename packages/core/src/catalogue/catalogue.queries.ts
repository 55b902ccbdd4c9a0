import { findCourseBySlug, listCourses } from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import type { App } from '../app/app.ts';
import { loadCohortDtos } from '../cohorts/cohort.queries.ts';
import { NotFoundError } from '../errors/domain-errors.ts';
import {
  presentCatalogueItem,
  presentCoursePage,
  type CatalogueItemDto,
  type CoursePageDto,
} from './course.present.ts';

/** Every imported course with its featured cohort, by title. */
export async function listCatalogue(app: App, actor: Actor): Promise<CatalogueItemDto[]> {
  const now = app.clock.now();
  const items: CatalogueItemDto[] = [];
  for (const row of await listCourses(app.db)) {
    const today = now.toISOString().slice(0, 10);
    items.push(presentCatalogueItem(row, await loadCohortDtos(app.db, actor, row, now), today));
  }
  return items;
}

/** The public page of a course. Throws NotFoundError `course.not_found`. */
export async function getCoursePage(app: App, actor: Actor, slug: string): Promise<CoursePageDto> {
  const row = await findCourseBySlug(app.db, slug);
  if (!row) throw new NotFoundError('course.not_found');
  const now = app.clock.now();
  return presentCoursePage(
    row,
    await loadCohortDtos(app.db, actor, row, now),
    now.toISOString().slice(0, 10),
  );
}
