import type { CohortDto } from '@labmig/core/cohorts';
import type { CoursePageDto } from '@labmig/core/catalogue';
import { formatDate, formatDateRange, paragraphs } from '../format.ts';
import type { Locale } from './locale.ts';

/** A piece of course text and the language it is written in (French where the course provides it, else English). */
export interface Text {
  readonly text: string;
  readonly lang: Locale;
}

/** A cohort as the course page shows it: dates formatted in the user's language. */
export interface CohortView extends CohortDto {
  readonly dates: string;
  readonly opens: string | null;
  readonly closes: string | null;
}

/** The course page in the user's language, ready to render. */
export interface CourseView {
  readonly slug: string;
  readonly title: Text;
  readonly summary: Text;
  readonly description: Text[];
  readonly language: Locale;
  readonly learningHours: number;
  readonly weekCount: number;
  readonly mainObjective: Text;
  readonly topics: Text[];
  readonly weeks: {
    number: number;
    title: Text;
    modules: { id: string; number: number; title: Text; hours: number }[];
  }[];
  readonly outcomes: Text[];
  readonly targetGroups: Text[];
  readonly pillars: { id: string; title: Text; items: Text[] }[];
  readonly assessment: { weekly: boolean; assignments: Text; certificate: Text; certificateRule: Text };
  readonly diploma: { name: Text; note: Text | null } | null;
  readonly organisers: { name: string; role: Text | null }[];
  readonly faq: { question: Text; answer: Text }[];
  readonly cohorts: CohortView[];
  /** True when some text on the page is shown in English because no French text exists. */
  readonly englishFallback: boolean;
}

/** Presents the core course page DTO in one language (pure: no I/O). */
export function presentCourse(course: CoursePageDto, locale: Locale): CourseView {
  let fallback = false;
  const en = (text: string): Text => {
    if (locale !== 'en') fallback = true;
    return { text, lang: 'en' };
  };
  const pick = (english: string, french: string | undefined): Text =>
    locale === 'fr' && french ? { text: french, lang: 'fr' } : en(english);
  /** A French list only when it has an item for every English one (else the English list, not a mix). */
  const list = (english: readonly string[], french: readonly string[] | undefined): Text[] =>
    locale === 'fr' && french?.length === english.length
      ? french.map((text) => ({ text, lang: 'fr' as const }))
      : english.map(en);
  const view: CourseView = {
    slug: course.slug,
    title: pick(course.title, course.fr?.title),
    summary: pick(course.summary, course.fr?.summary),
    description:
      locale === 'fr' && course.fr?.description
        ? paragraphs(course.fr.description).map((text) => ({ text, lang: 'fr' as const }))
        : paragraphs(course.description).map(en),
    language: course.language,
    learningHours: course.learningHours,
    weekCount: course.weeks.length,
    mainObjective: pick(course.mainObjective, course.fr?.mainObjective),
    topics: list(course.topics, course.fr?.topics),
    weeks: course.weeks.map((week) => ({
      number: week.number,
      title: pick(week.title, week.fr?.title),
      modules: course.modules
        .filter((module) => module.week === week.number)
        .map((module) => ({
          id: module.id,
          number: module.number,
          title: pick(module.title, module.fr?.title),
          hours: module.hours,
        })),
    })),
    outcomes: list(course.outcomes, course.fr?.outcomes),
    targetGroups: course.targetGroups.map((group) => pick(group.label, group.fr?.label)),
    pillars: course.pillars.map((pillar) => ({
      id: pillar.id,
      title: pick(pillar.title, pillar.fr?.title),
      items:
        pillar.fr && locale === 'fr'
          ? pillar.fr.items.map((text) => ({ text, lang: 'fr' as const }))
          : pillar.items.map(en),
    })),
    assessment: {
      weekly: course.assessment.weeklyAssessments,
      assignments: en(course.assessment.assignments),
      certificate: pick(course.assessment.certificate.name, course.assessment.certificate.fr?.name),
      certificateRule: pick(course.assessment.certificate.rule, course.assessment.certificate.fr?.rule),
    },
    diploma: course.diploma
      ? { name: en(course.diploma.name), note: course.diploma.note ? en(course.diploma.note) : null }
      : null,
    organisers: course.organisers.map((o) => ({
      name: o.short ? `${o.name} (${o.short})` : o.name,
      role: o.role ? en(o.role) : null,
    })),
    faq: course.faq.map((item) => ({
      question: pick(item.question, item.fr?.question),
      answer: pick(item.answer, item.fr?.answer),
    })),
    cohorts: course.cohorts.map((cohort) => presentCohortView(cohort, locale)),
    englishFallback: false,
  };
  return { ...view, englishFallback: fallback };
}

/** Formats a cohort's dates and enrolment window. */
export function presentCohortView(cohort: CohortDto, locale: Locale): CohortView {
  return {
    ...cohort,
    dates: formatDateRange(cohort.startsOn, cohort.endsOn, locale),
    opens: cohort.enrolOpensAt ? formatDate(cohort.enrolOpensAt, locale) : null,
    closes: cohort.enrolClosesAt ? formatDate(cohort.enrolClosesAt, locale) : null,
  };
}
