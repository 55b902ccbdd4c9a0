import type { CohortDto } from '@labmig/core/cohorts';
import type { CoursePageDto } from '@labmig/core/catalogue';
import { describe, expect, it } from 'vitest';
import { presentCourse } from './course-view.ts';

/** The 2020 edition, ended. */
const edition2020: CohortDto = {
  id: 'c1',
  title: '2020 edition',
  courseSlug: 'demo',
  startsOn: '2020-10-26',
  endsOn: '2020-12-04',
  timeZone: 'Europe/Rome',
  language: 'en',
  capacity: null,
  waitlistEnabled: true,
  requireConfirmedEmail: true,
  enrolOpensAt: null,
  enrolClosesAt: null,
  approvalRequired: false,
  learners: 0,
  waitlisted: 0,
  placesLeft: null,
  enrolState: 'closed',
  phase: 'finished',
  mine: null,
};

/** A small course page DTO with French text for some fields only. */
function buildCoursePage(overrides: Partial<CoursePageDto> = {}): CoursePageDto {
  const cohort: CohortDto = edition2020;
  return {
    slug: 'demo',
    title: 'Measuring migration',
    summary: 'A short course.',
    description: 'First paragraph\nwrapped.\n\nSecond paragraph.',
    language: 'en',
    learningHours: 60,
    weeks: [
      { number: 1, title: 'Basics', fr: { title: 'Les bases' } },
      { number: 2, title: 'Sources' },
    ],
    topics: ['Concepts'],
    mainObjective: 'Measure better.',
    outcomes: ['Explain the definitions.'],
    targetGroups: [{ id: 'nso', label: 'Statisticians', fr: { label: 'Statisticiens' } }],
    pillars: [
      {
        id: 'digital',
        title: 'Digital',
        items: ['Platform'],
        fr: { title: 'Numérique', items: ['Plateforme'] },
      },
    ],
    assessment: {
      weeklyAssessments: true,
      assignments: 'Assignments.',
      certificate: { name: 'Certificate', rule: 'Pass all.' },
    },
    diploma: { name: 'The Diploma' },
    organisers: [{ name: 'International Training Centre of the ILO', short: 'ITCILO' }],
    faq: [{ question: 'Who?', answer: 'Anyone.', fr: { question: 'Qui ?', answer: 'Tout le monde.' } }],
    fr: { title: 'Mesurer les migrations' },
    modules: [
      { id: '01-a', number: 1, title: 'Module A', week: 1, hours: 6, objectives: [], lessonCount: 2 },
      {
        id: '02-b',
        number: 2,
        title: 'Module B',
        week: 2,
        hours: 6,
        objectives: [],
        lessonCount: 2,
        fr: { title: 'Module B (fr)' },
      },
    ],
    cohorts: [cohort],
    lead: null,
    otherCohorts: [],
    pastEditions: [
      {
        id: 'c1',
        title: '2020 edition',
        startsOn: '2020-10-26',
        endsOn: '2020-12-04',
        timeZone: 'Europe/Rome',
        language: 'en',
        platform: 'ITCILO eCampus',
      },
    ],
    hasFrench: true,
    updatedAt: '2026-11-25T00:00:00.000Z',
    ...overrides,
  };
}

describe('presentCourse', () => {
  it('shows English text as English, with no fallback notice, on the English page', () => {
    const view = presentCourse(buildCoursePage(), 'en');
    expect(view.title).toEqual({ text: 'Measuring migration', lang: 'en' });
    expect(view.englishFallback).toBe(false);
    expect(view.description.map((p) => p.text)).toEqual(['First paragraph wrapped.', 'Second paragraph.']);
  });

  it('uses French text where the course has it and flags the English rest', () => {
    const view = presentCourse(buildCoursePage(), 'fr');
    expect(view.title).toEqual({ text: 'Mesurer les migrations', lang: 'fr' });
    expect(view.summary).toEqual({ text: 'A short course.', lang: 'en' });
    expect(view.targetGroups[0]).toEqual({ text: 'Statisticiens', lang: 'fr' });
    expect(view.pillars[0].items).toEqual([{ text: 'Plateforme', lang: 'fr' }]);
    expect(view.faq[0].answer).toEqual({ text: 'Tout le monde.', lang: 'fr' });
    expect(view.englishFallback).toBe(true);
  });

  it('shows the French description, outcomes and topics, but never a French list shorter than the English one', () => {
    const base = buildCoursePage();
    const course = {
      ...base,
      fr: {
        title: 'Mesurer les migrations',
        description: 'Premier paragraphe.\n\nDeuxième.',
        outcomes: ['Expliquer les définitions.'],
        topics: ['Concepts', 'De trop'],
      },
    };
    const view = presentCourse(course, 'fr');
    expect(view.description).toEqual([
      { text: 'Premier paragraphe.', lang: 'fr' },
      { text: 'Deuxième.', lang: 'fr' },
    ]);
    expect(view.outcomes).toEqual([{ text: 'Expliquer les définitions.', lang: 'fr' }]);
    expect(view.topics).toEqual([{ text: 'Concepts', lang: 'en' }]);
    expect(presentCourse(course, 'en').outcomes).toEqual([{ text: 'Explain the definitions.', lang: 'en' }]);
  });

  it('groups the modules under their weeks', () => {
    const view = presentCourse(buildCoursePage(), 'fr');
    expect(view.weeks.map((w) => [w.title.text, w.modules.map((m) => m.title.text)])).toEqual([
      ['Les bases', ['Module A']],
      ['Sources', ['Module B (fr)']],
    ]);
  });

  it('formats cohort dates in the page language', () => {
    const plain = (text: string) => text.replace(/\s/g, ' ');
    expect(plain(presentCourse(buildCoursePage(), 'en').cohorts[0].dates)).toBe(
      '26 October – 4 December 2020',
    );
    expect(plain(presentCourse(buildCoursePage(), 'fr').cohorts[0].dates)).toBe(
      '26 octobre – 4 décembre 2020',
    );
  });

  it('lists the ended editions with their dates and platform, not as key facts', () => {
    const plain = (text: string) => text.replace(/\s/g, ' ');
    expect(presentCourse(buildCoursePage(), 'en').pastEditions.map((e) => plain(e.text))).toEqual([
      '2020 edition: 26 October – 4 December 2020, on ITCILO eCampus',
    ]);
    expect(presentCourse(buildCoursePage(), 'fr').pastEditions.map((e) => plain(e.text))).toEqual([
      '2020 edition : 26 octobre – 4 décembre 2020, sur ITCILO eCampus',
    ]);
  });

  it('answers the FAQ questions marked `from` with the data of the edition the page leads with', () => {
    const faq = [
      { question: 'When?', answer: 'No edition is open.', from: 'edition-dates' as const },
      { question: 'Language?', answer: 'English.', from: 'edition-language' as const },
      { question: 'Who?', answer: 'Anyone.' },
    ];
    const spring: CohortDto = {
      ...edition2020,
      id: 'c2',
      title: 'Spring 2027',
      startsOn: '2027-03-01',
      endsOn: '2027-04-09',
      timeZone: 'Africa/Dakar',
      language: 'fr',
      enrolState: 'open',
      phase: 'upcoming',
    };
    const plain = (text: string) => text.replace(/\s/g, ' ');
    const answers = (page: CoursePageDto, locale: 'en' | 'fr') =>
      presentCourse(page, locale).faq.map((f) => plain(f.answer.text));
    expect(answers(buildCoursePage({ faq, lead: spring }), 'en')).toEqual([
      'The next edition, Spring 2027, runs 1 March – 9 April 2027, with its dates and deadlines in the ' +
        'Africa/Dakar time zone. No deadline falls after its last day. Past editions: 2020 edition: ' +
        '26 October – 4 December 2020, on ITCILO eCampus.',
      'Spring 2027 is taught in French. The platform itself is available in English and French.',
      'Anyone.',
    ]);
    expect(answers(buildCoursePage({ faq, lead: { ...spring, phase: 'running' } }), 'fr')[0]).toMatch(
      /^L’édition en cours, Spring 2027 \(1 mars – 9 avril 2027\), suit le fuseau horaire Africa\/Dakar/,
    );
    expect(answers(buildCoursePage({ faq, lead: spring }), 'fr')[1]).toBe(
      'Spring 2027 est dispensée en français. La plateforme elle-même est disponible en anglais et en français.',
    );
    // No edition ahead: course.yaml's own answers stand.
    expect(answers(buildCoursePage({ faq }), 'en')).toEqual(['No edition is open.', 'English.', 'Anyone.']);
  });
});
