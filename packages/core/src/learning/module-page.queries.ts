import type { Actor } from '../access/actor.ts';
import type { App } from '../app/app.ts';
import type { Locale } from '../errors/error-messages.ts';
import { loadDone } from './course-home.queries.ts';
import { moduleTitle, renderForCohort, requireModule } from './course-markdown.ts';
import type { LessonSummaryDto } from './course-home.present.ts';
import { loadCohortCourse } from './learning-context.ts';
import { learningPaths } from '../content/learning-paths.ts';
import { courseProgress, lessonKey, type Progress } from './progress.rules.ts';
import { weekOfModule, type ItemState } from './schedule.rules.ts';

/**
 * A module page. When the module's week has not opened (`state: 'outline'`) learners get its outline only:
 * title, overview, objectives and lesson titles, with `opensOn`; `readable` says whether lesson pages open.
 */
export interface ModulePageDto {
  readonly cohortId: string;
  readonly module: {
    readonly id: string;
    readonly number: number;
    readonly title: string;
    readonly week: number;
    readonly hours: number;
  };
  readonly state: ItemState;
  /** False while the week is an outline for this viewer (staff may always read). */
  readonly readable: boolean;
  readonly opensOn: string;
  readonly opensAt: string;
  readonly dueOn: string;
  readonly dueAt: string;
  readonly overviewHtml: string;
  /** The overview's language: French on French pages when the module gives a French overview. */
  readonly overviewLang: 'en' | 'fr';
  readonly objectives: readonly string[];
  readonly lessons: readonly LessonSummaryDto[];
  readonly presentation: {
    readonly title: string;
    readonly presenter: string | null;
    readonly hours: number;
    readonly video: string | null;
    readonly slideCount: number;
    readonly href: string;
  };
  readonly activities: readonly {
    readonly title: string;
    readonly hours: number;
    readonly description: string | null;
  }[];
  readonly readings: readonly {
    readonly title: string;
    readonly publisher: string;
    readonly year: number;
    readonly url: string | null;
  }[];
  readonly progress: Progress | null;
  readonly links: { readonly home: string; readonly glossary: string };
}

/**
 * The module page of a cohort (active members and site admins; NotFoundError `learning.module_not_found`).
 * Never throws for a week that has not opened: it returns the outline.
 */
export async function getModulePage(
  app: App,
  actor: Actor,
  cohortId: string,
  moduleId: string,
  locale: Locale,
): Promise<ModulePageDto> {
  const ctx = await loadCohortCourse(app.db, actor, cohortId, 'learning.view', app.clock.now());
  const m = requireModule(ctx, moduleId);
  const week = weekOfModule(ctx.schedule, m.id)!;
  const done = await loadDone(app, ctx);
  const paths = learningPaths(ctx.cohort.id);
  const overview = (locale === 'fr' && m.fr?.overview) || m.overview;
  return {
    cohortId: ctx.cohort.id,
    module: { id: m.id, number: m.number, title: moduleTitle(m, locale), week: m.week, hours: m.hours },
    state: week.state,
    readable: week.state === 'open' || ctx.isStaff,
    opensOn: week.opensOn,
    opensAt: week.opensAt,
    dueOn: week.dueOn,
    dueAt: week.dueAt,
    overviewHtml: renderForCohort(ctx, overview, m.id, locale, 'ov'),
    overviewLang: overview === m.overview ? 'en' : 'fr',
    objectives: m.objectives,
    lessons: m.lessons.map((l) => ({
      id: l.id,
      title: l.title,
      hours: l.hours,
      href: paths.lesson(m.id, l.id),
      done: done.has(lessonKey(m.id, l.id)),
    })),
    presentation: {
      title: m.presentation.title,
      presenter: m.presentation.presenter,
      hours: m.presentation.hours,
      video: m.presentation.video,
      slideCount: m.presentation.slides.length,
      href: paths.slides(m.id),
    },
    activities: (m.activities ?? []).map((a) => ({
      title: a.title,
      hours: a.hours,
      description: a.description ?? null,
    })),
    readings: m.readings.map((r) => ({
      title: r.title,
      publisher: r.publisher,
      year: r.year,
      url: r.url ?? null,
    })),
    progress: ctx.tracksProgress ? (courseProgress(ctx.course, done).modules.get(m.id) ?? null) : null,
    links: { home: paths.home, glossary: paths.glossary },
  };
}
