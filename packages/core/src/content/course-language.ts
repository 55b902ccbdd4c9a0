import type { Course } from './course.types.ts';

/**
 * A course's title in a language: the French title on French pages when course.yaml gives one, else the title.
 * @example courseTitleIn({ title: 'Measuring', fr: { title: 'Mesurer' } }, 'fr') // 'Mesurer'
 */
export function courseTitleIn(course: Pick<Course, 'title' | 'fr'>, locale: 'en' | 'fr'): string {
  return (locale === 'fr' && course.fr?.title) || course.title;
}
