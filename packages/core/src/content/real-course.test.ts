import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatContentError } from './content-error.ts';
import type { Course } from './course.types.ts';
import { loadCourse } from './course.loader.ts';

const courseDir = fileURLToPath(
  new URL('../../../../content/courses/measuring-labour-migration', import.meta.url),
);

/** The agreed week plan (issue 4 and docs/content-format.md). */
const WEEK_PLAN: Record<string, number> = {
  '01-overview-of-labour-statistics': 1,
  '02-icls-guidelines': 1,
  '03-global-estimates': 2,
  '04-ilms-database': 2,
  '05-sampling-migrant-populations': 3,
  '06-administrative-sources': 3,
  '07-data-for-evidence-based-policy': 4,
  '08-regional-statistical-observatories': 4,
  '09-atlas-of-migration': 5,
  '10-sdg-10-7-1-recruitment-costs': 6,
};

let course: Course;

beforeAll(async () => {
  const result = await loadCourse(courseDir);
  if (!result.ok)
    throw new Error(`the course does not load:\n${result.errors.map(formatContentError).join('\n')}`);
  course = result.course;
});

describe('the course "Measuring and Analyzing Labour Migration"', () => {
  it('states the 2020 edition facts of the course page', () => {
    expect(course.slug).toBe('measuring-labour-migration');
    expect(course.title).toBe('Measuring and Analyzing Labour Migration');
    expect(course.learningHours).toBe(60);
    expect(course.weeks).toHaveLength(6);
    expect(course.editions[0]).toMatchObject({
      start: '2020-10-26',
      end: '2020-12-04',
      language: 'en',
      timeZone: 'Europe/Rome',
    });
    expect(course.targetGroups.map((g) => g.id)).toEqual([
      'nso',
      'ministry',
      'research',
      'employment-service',
      'international',
      'social-partner',
    ]);
    expect(course.topics.some((t) => t.includes('10.7.1'))).toBe(true);
    expect(course.faq.length).toBeGreaterThanOrEqual(6);
    expect(course.faq.length).toBeLessThanOrEqual(10);
  });

  it('has the ten modules in the agreed weeks', () => {
    expect(course.modules.map((m) => [m.id, m.week])).toEqual(Object.entries(WEEK_PLAN));
  });

  it('gives every module objectives, 2–4 lessons, a deck of 8–14 slides with notes, a glossary and readings', () => {
    for (const m of course.modules) {
      const where = m.id;
      expect(m.objectives.length, where).toBeGreaterThanOrEqual(2);
      expect(m.lessons.length, where).toBeGreaterThanOrEqual(2);
      expect(m.lessons.length, where).toBeLessThanOrEqual(4);
      expect(m.presentation.slides.length, where).toBeGreaterThanOrEqual(8);
      expect(m.presentation.slides.length, where).toBeLessThanOrEqual(14);
      expect(
        m.presentation.slides.every((s) => s.notes.length > 0),
        `${where}: every slide has a transcript`,
      ).toBe(true);
      expect(m.glossary.length, where).toBeGreaterThan(0);
      expect(m.readings.length, where).toBeGreaterThan(0);
    }
  });

  it('has substantive lessons: at least 2,000 words per module', () => {
    for (const m of course.modules) {
      const words = m.lessons.reduce((sum, l) => sum + l.wordCount, 0);
      expect(words, m.id).toBeGreaterThanOrEqual(2000);
    }
  });

  it('adds up to 60 learning hours: 6 per module from lessons, presentation and activities', () => {
    const perModule = course.modules.map((m) => {
      const items = [
        ...m.lessons.map((l) => l.hours),
        m.presentation.hours,
        ...m.activities.map((a) => a.hours),
      ];
      return Math.round(items.reduce((a, b) => a + b, 0) * 100) / 100;
    });
    expect(perModule).toEqual(Array(10).fill(6));
    expect(perModule.reduce((a, b) => a + b, 0)).toBe(60);
  });

  it('gives the same content hash on every load (idempotent import)', async () => {
    const [a, b] = await Promise.all([loadCourse(courseDir), loadCourse(courseDir)]);
    if (!a.ok || !b.ok) throw new Error('the course must load');
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.hash).toBe(a.hash);
  });

  it('gives every module a French title and overview that are not the English ones', () => {
    for (const module of course.modules) {
      expect(module.fr?.title, module.id).toBeTruthy();
      expect(module.fr?.overview?.length ?? 0, module.id).toBeGreaterThan(200);
      expect(module.fr?.overview, module.id).not.toBe(module.overview);
      // French typography in the overview: one apostrophe style, no straight quotes.
      expect(module.fr?.overview, module.id).not.toMatch(/['"]/);
    }
  });

  it('defines every glossary term in English and French', () => {
    for (const term of course.glossary) {
      expect(term.en.definition.length, term.id).toBeGreaterThan(10);
      expect(term.fr.definition.length, term.id).toBeGreaterThan(10);
      expect(term.fr.term, term.id).not.toBe('');
    }
  });
});
