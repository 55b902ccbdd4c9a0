import type { Actor } from '../access/actor.ts';
import type { App } from '../app/app.ts';
import type { Slide } from '../content/slides.parse.ts';
import type { Locale } from '../errors/error-messages.ts';
import { moduleTitle, renderForCohort, requireModule } from './course-markdown.ts';
import { loadCohortCourse, type CohortCourse } from './learning-context.ts';
import { learningPaths } from '../content/learning-paths.ts';
import { weekOfModule } from './schedule.rules.ts';

/** One slide, rendered. `anchor` is the element id (`slide-3`); prev/next anchors drive no-JS navigation. */
export interface SlideDto {
  readonly number: number;
  readonly anchor: string;
  readonly title: string;
  readonly html: string;
  /** The speaker notes, rendered: the transcript of the slide ('' when none). */
  readonly notesHtml: string;
  readonly previousAnchor: string | null;
  readonly nextAnchor: string | null;
}

interface SlideDeckBase {
  readonly cohortId: string;
  readonly module: {
    readonly id: string;
    readonly number: number;
    readonly title: string;
    readonly href: string;
  };
  readonly title: string;
  readonly presenter: string | null;
  readonly video: string | null;
}

/** The expert presentation of a module as a slide deck, or its outline before the week opens. */
export type SlideDeckDto =
  | (SlideDeckBase & { readonly state: 'open'; readonly slides: readonly SlideDto[] })
  | (SlideDeckBase & {
      readonly state: 'outline';
      readonly opensOn: string;
      readonly slideTitles: readonly string[];
    });

/**
 * Renders parsed slides (see `parseSlides`) with the course glossary; each slide and its notes get their own
 * element-id prefix so several slides can share one page.
 */
export function presentSlides(
  ctx: CohortCourse,
  moduleId: string,
  slides: readonly Slide[],
  locale: Locale,
): SlideDto[] {
  return slides.map((s, i) => ({
    number: s.number,
    anchor: `slide-${s.number}`,
    title: s.title,
    html: renderForCohort(ctx, s.body, moduleId, locale, `s${s.number}`),
    notesHtml: s.notes ? renderForCohort(ctx, s.notes, moduleId, locale, `n${s.number}`) : '',
    previousAnchor: i > 0 ? `slide-${slides[i - 1]!.number}` : null,
    nextAnchor: i < slides.length - 1 ? `slide-${slides[i + 1]!.number}` : null,
  }));
}

/**
 * The slide deck of a module (active members and site admins; NotFoundError `learning.module_not_found`).
 * Learners get `state: 'outline'` with slide titles before the week opens; staff always get the slides.
 */
export async function getSlideDeck(
  app: App,
  actor: Actor,
  cohortId: string,
  moduleId: string,
  locale: Locale,
): Promise<SlideDeckDto> {
  const ctx = await loadCohortCourse(app.db, actor, cohortId, 'learning.view', app.clock.now());
  const m = requireModule(ctx, moduleId);
  const week = weekOfModule(ctx.schedule, m.id)!;
  const base: SlideDeckBase = {
    cohortId: ctx.cohort.id,
    module: {
      id: m.id,
      number: m.number,
      title: moduleTitle(m, locale),
      href: learningPaths(ctx.cohort.id).module(m.id),
    },
    title: m.presentation.title,
    presenter: m.presentation.presenter,
    video: m.presentation.video,
  };
  if (week.state !== 'open' && !ctx.isStaff)
    return {
      ...base,
      state: 'outline',
      opensOn: week.opensOn,
      slideTitles: m.presentation.slides.map((s) => s.title),
    };
  return { ...base, state: 'open', slides: presentSlides(ctx, m.id, m.presentation.slides, locale) };
}
