import type { CohortDto } from '@labmig/core/cohorts';
import type { CoursePageDto, PastEditionDto } from '@labmig/core/catalogue';
import { formatDate, formatDateRange, paragraphs } from '../format.ts';
import { m } from '../paraglide/messages.js';
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
  /** The cohort's last day, formatted (enrolment stays open until then when no closing time is set). */
  readonly lastDay: string;
}

/** An ended edition as the course page lists it, in one line. */
export interface PastEditionView extends PastEditionDto {
  readonly text: string;
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
  /** The edition the page leads with, or null. */
  readonly lead: CohortView | null;
  readonly otherCohorts: CohortView[];
  readonly pastEditions: PastEditionView[];
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
      answer: (item.from && editionAnswer(item.from, course, locale)) || pick(item.answer, item.fr?.answer),
    })),
    cohorts: course.cohorts.map((cohort) => presentCohortView(cohort, locale)),
    lead: course.lead ? presentCohortView(course.lead, locale) : null,
    otherCohorts: course.otherCohorts.map((cohort) => presentCohortView(cohort, locale)),
    pastEditions: course.pastEditions.map((e) => presentPastEdition(e, locale)),
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
    lastDay: formatDate(cohort.endsOn, locale),
  };
}

/** An ended edition in one line: its title and dates, and where it ran when known. */
export function presentPastEdition(edition: PastEditionDto, locale: Locale): PastEditionView {
  const dates = formatDateRange(edition.startsOn, edition.endsOn, locale);
  const text = edition.platform
    ? m.course_past_item_platform({ title: edition.title, dates, platform: edition.platform }, { locale })
    : m.course_past_item({ title: edition.title, dates }, { locale });
  return { ...edition, text };
}

/**
 * A FAQ answer built from the edition the page leads with (`edition-dates`: its dates, time zone and the past
 * editions; `edition-language`: its language), or null when no edition is ahead (course.yaml's answer stands).
 */
function editionAnswer(
  from: 'edition-dates' | 'edition-language',
  course: CoursePageDto,
  locale: Locale,
): Text | null {
  const lead = course.lead;
  if (!lead) return null;
  if (from === 'edition-language') {
    const name = lead.language === 'fr' ? m.locale_fr({}, { locale }) : m.locale_en({}, { locale });
    // French writes language names in lower case ("en anglais").
    const language = locale === 'fr' ? name.toLowerCase() : name;
    return {
      text: m.course_faq_language({ title: lead.title, language }, { locale }),
      lang: locale,
    };
  }
  const params = {
    title: lead.title,
    dates: formatDateRange(lead.startsOn, lead.endsOn, locale),
    timeZone: lead.timeZone,
  };
  const current =
    lead.phase === 'running'
      ? m.course_faq_dates_running(params, { locale })
      : m.course_faq_dates_upcoming(params, { locale });
  const past = course.pastEditions.map((e) => presentPastEdition(e, locale).text);
  return {
    text:
      past.length === 0 ? current : `${current} ${m.course_faq_past({ list: past.join('; ') }, { locale })}`,
    lang: locale,
  };
}
