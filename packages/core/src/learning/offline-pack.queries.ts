import type { Actor } from '../access/actor.ts';
import type { App } from '../app/app.ts';
import { glossaryInLanguage } from '../content/glossary.present.ts';
import { renderMarkdown } from '../content/markdown.render.ts';
import type { Locale } from '../errors/error-messages.ts';
import { ConflictError, NotFoundError } from '../errors/domain-errors.ts';
import { moduleTitle } from './course-markdown.ts';
import { presentGlossary } from './glossary-page.queries.ts';
import { loadCohortCourse } from './learning-context.ts';
import { learningPaths } from '../content/learning-paths.ts';
import { localDateOf } from '../shared/time-zone.rules.ts';
import { renderOfflinePack } from './offline-pack.render.ts';
import { findWeek } from './schedule.rules.ts';
import { presentSlides } from './slide-deck.queries.ts';

const TERM_REF = /\[\[([a-z0-9][a-z0-9-]*)(?:\\?\|[^\]]*)?\]\]/g;

/** The offline pack of a week: a file name and one self-contained HTML document. */
export interface OfflinePackDto {
  readonly filename: string;
  readonly contentType: 'text/html; charset=utf-8';
  readonly html: string;
}

/**
 * The "download this week" pack: every lesson of the week rendered, slides with transcripts, readings and the
 * glossary of the week (terms the week's modules define or use), as one HTML file with inline CSS and no external
 * resources. Active members and site admins; ConflictError `learning.week_not_open` for a week not yet open
 * (for everyone), NotFoundError `learning.week_not_found` for a week the course does not have.
 */
export async function weekOfflinePack(
  app: App,
  actor: Actor,
  cohortId: string,
  week: number,
  locale: Locale = 'en',
): Promise<OfflinePackDto> {
  const ctx = await loadCohortCourse(app.db, actor, cohortId, 'learning.view', app.clock.now());
  const w = findWeek(ctx.schedule, week);
  if (!w) throw new NotFoundError('learning.week_not_found');
  if (w.state !== 'open') throw new ConflictError('learning.week_not_open');
  const modules = ctx.course.modules.filter((m) => m.week === week);
  const anchor = (m: string, l: string) => `lesson-${m}-${l}`;
  const inPack = new Set(modules.flatMap((m) => m.lessons.map((l) => anchor(m.id, l.id))));
  const paths = learningPaths(ctx.cohort.id);
  const glossaryText = glossaryInLanguage(ctx.course.glossary, locale);
  const render = (markdown: string, moduleId: string, idPrefix: string) =>
    renderMarkdown(markdown, {
      glossary: glossaryText,
      linkTerm: (t) => `#term-${t}`,
      linkLesson: (m, l) => (inPack.has(anchor(m, l)) ? `#${anchor(m, l)}` : paths.lesson(m, l)),
      moduleId,
      idPrefix,
    });
  const used = new Set<string>();
  const texts = modules.flatMap((m) => [
    m.overview,
    ...m.lessons.map((l) => l.markdown),
    ...m.presentation.slides.flatMap((s) => [s.body, s.notes]),
  ]);
  for (const text of texts) for (const match of text.matchAll(TERM_REF)) used.add(match[1]!);
  const weekTerms = ctx.course.glossary.filter(
    (t) => used.has(t.id) || modules.some((m) => m.id === t.moduleId),
  );
  const html = renderOfflinePack({
    lang: locale,
    courseTitle: ctx.course.title,
    cohortTitle: ctx.cohort.title,
    week: {
      number: w.number,
      title: (locale === 'fr' && w.titleFr) || w.title,
      opensOn: w.opensOn,
      dueOn: w.dueOn,
      timeZone: ctx.cohort.time_zone,
    },
    modules: modules.map((m) => ({
      id: m.id,
      number: m.number,
      title: moduleTitle(m, locale),
      overviewHtml: render(m.overview, m.id, `ov-${m.number}`),
      objectives: m.objectives,
      lessons: m.lessons.map((l, i) => ({
        anchor: anchor(m.id, l.id),
        title: l.title,
        hours: l.hours,
        html: render(l.markdown, m.id, `l${m.number}-${i + 1}`),
      })),
      presentation: {
        title: m.presentation.title,
        slides: presentSlides(ctx, m.id, m.presentation.slides, locale).map((s, i) => ({
          ...s,
          html: render(m.presentation.slides[i]!.body, m.id, `s${m.number}-${s.number}`),
          notesHtml: s.notesHtml
            ? render(m.presentation.slides[i]!.notes, m.id, `n${m.number}-${s.number}`)
            : '',
        })),
      },
      readings: m.readings,
    })),
    glossary: presentGlossary(ctx, weekTerms, locale),
    generatedOn: localDateOf(ctx.now, ctx.cohort.time_zone),
  });
  return { filename: `${ctx.courseSlug}-week-${week}.html`, contentType: 'text/html; charset=utf-8', html };
}
