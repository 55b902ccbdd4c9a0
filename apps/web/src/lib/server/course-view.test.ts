import type { CohortDto } from '@labmig/core/cohorts';
import type { CoursePageDto } from '@labmig/core/catalogue';
import { describe, expect, it } from 'vitest';
import { presentCourse } from './course-view.ts';

/** A small course page DTO with French text for some fields only. */
function buildCoursePage(overrides: Partial<CoursePageDto> = {}): CoursePageDto {
  const cohort: CohortDto = {
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
    mine: null,
  };
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
});
