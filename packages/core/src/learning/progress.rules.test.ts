import { describe, expect, it } from 'vitest';
import type { Course } from '../content/course.types.ts';
import {
  courseLessons,
  courseProgress,
  lessonKey,
  neighbours,
  nextLesson,
  progressOf,
} from './progress.rules.ts';

const course = {
  learningHours: 60,
  modules: [
    {
      id: 'm1',
      number: 1,
      week: 1,
      hours: 6,
      lessons: [
        { id: 'a', title: 'A', hours: 1.5 },
        { id: 'b', title: 'B', hours: 2 },
      ],
    },
    {
      id: 'm2',
      number: 2,
      week: 2,
      hours: 5,
      lessons: [
        { id: 'c', title: 'C', hours: 0.25 },
        { id: 'd', title: 'D', hours: 1 },
      ],
    },
  ],
} as unknown as Pick<Course, 'modules' | 'learningHours'>; // only the fields these rules read

describe('courseLessons', () => {
  it('lists lessons in module order with their week and position', () => {
    expect(courseLessons(course).map((l) => [l.moduleId, l.lessonId, l.week, l.position])).toEqual([
      ['m1', 'a', 1, 1],
      ['m1', 'b', 1, 2],
      ['m2', 'c', 2, 1],
      ['m2', 'd', 2, 2],
    ]);
  });
});

describe('progressOf / courseProgress', () => {
  it.each([
    [[], 0, 0, 0],
    [['m1/a'], 1, 0.25, 1.5],
    [['m1/a', 'm2/c'], 2, 0.5, 1.75],
    [['m1/a', 'm1/b', 'm2/c', 'm2/d'], 4, 1, 4.75],
    [['m1/a', 'm9/gone'], 1, 0.25, 1.5],
  ])('done %j: %i lessons, fraction %d, %d hours of 60', (keys, n, fraction, hours) => {
    const p = courseProgress(course, new Set(keys)).course;
    expect(p).toEqual({ lessonsDone: n, lessonsTotal: 4, fraction, hoursDone: hours, hoursTotal: 60 });
  });

  it('measures each module against its own hours', () => {
    const modules = courseProgress(course, new Set(['m1/b'])).modules;
    expect(modules.get('m1')).toEqual({
      lessonsDone: 1,
      lessonsTotal: 2,
      fraction: 0.5,
      hoursDone: 2,
      hoursTotal: 6,
    });
    expect(modules.get('m2')?.fraction).toBe(0);
  });

  it('gives 0 for an empty set of lessons and rounds float noise', () => {
    expect(progressOf([], new Set(), 60).fraction).toBe(0);
    const tenths = [0.1, 0.2].map((hours, i) => ({ moduleId: 'm', lessonId: String(i), hours }));
    expect(progressOf(tenths, new Set(['m/0', 'm/1']), 1).hoursDone).toBe(0.3);
  });
});

describe('neighbours', () => {
  const lessons = courseLessons(course);
  it.each([
    ['m1', 'a', null, 'm1/b'],
    ['m1', 'b', 'm1/a', 'm2/c'],
    ['m2', 'd', 'm2/c', null],
    ['m3', 'x', null, null],
  ])('%s/%s: previous %s, next %s', (m, l, prev, next) => {
    const n = neighbours(lessons, m, l);
    expect(n.previous && lessonKey(n.previous.moduleId, n.previous.lessonId)).toBe(prev);
    expect(n.next && lessonKey(n.next.moduleId, n.next.lessonId)).toBe(next);
  });
});

describe('nextLesson', () => {
  const lessons = courseLessons(course);
  it('is the first lesson not done in an open week', () => {
    expect(nextLesson(lessons, new Set(['m1/a']), new Set([1]))?.lessonId).toBe('b');
    expect(nextLesson(lessons, new Set(['m1/a', 'm1/b']), new Set([1]))).toBeNull();
    expect(nextLesson(lessons, new Set(['m1/a', 'm1/b']), new Set([1, 2]))?.lessonId).toBe('c');
    expect(nextLesson(lessons, new Set(), new Set())).toBeNull();
  });
});
