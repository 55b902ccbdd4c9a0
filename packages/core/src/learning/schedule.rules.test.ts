import { describe, expect, it } from 'vitest';
import type { Course } from '../content/course.types.ts';
import { cohortSchedule, findWeek, weekOfModule } from './schedule.rules.ts';

type ScheduleCourse = Pick<Course, 'weeks' | 'modules'>;

function course(weeks: number, modulesPerWeek = 1): ScheduleCourse {
  const modules = [];
  for (let w = 1; w <= weeks; w++)
    for (let k = 0; k < modulesPerWeek; k++) {
      const number: number = modules.length + 1;
      modules.push({
        id: `0${number}-m`,
        number,
        title: `Module ${number}`,
        week: w,
        hours: 4,
        lessons: [{ id: '01-a', title: 'A', hours: 1 }],
      });
    }
  return {
    weeks: Array.from({ length: weeks }, (_, i) => ({ number: i + 1, title: `Week ${i + 1}` })),
    // Only the fields the schedule reads; the rest of a module is irrelevant here.
    modules: modules as unknown as Course['modules'],
  };
}

const rome = { id: 'c1', startsOn: '2026-03-16', timeZone: 'Europe/Rome' };

describe('cohortSchedule', () => {
  it('opens week N at local midnight of start + 7(N-1) days, across the DST change of 29 March 2026', () => {
    const s = cohortSchedule(rome, course(6), new Date('2026-03-01T00:00:00Z'));
    expect(s.weeks.map((w) => [w.number, w.opensOn, w.opensAt])).toEqual([
      [1, '2026-03-16', '2026-03-15T23:00:00.000Z'],
      [2, '2026-03-23', '2026-03-22T23:00:00.000Z'],
      [3, '2026-03-30', '2026-03-29T22:00:00.000Z'],
      [4, '2026-04-06', '2026-04-05T22:00:00.000Z'],
      [5, '2026-04-13', '2026-04-12T22:00:00.000Z'],
      [6, '2026-04-20', '2026-04-19T22:00:00.000Z'],
    ]);
  });

  it('falls due at local 23:59 on the last day of the week by default', () => {
    const s = cohortSchedule(rome, course(3), new Date('2026-03-01T00:00:00Z'));
    expect(s.weeks.map((w) => [w.dueOn, w.dueAt])).toEqual([
      ['2026-03-22', '2026-03-22T22:59:00.000Z'],
      ['2026-03-29', '2026-03-29T21:59:00.000Z'],
      ['2026-04-05', '2026-04-05T21:59:00.000Z'],
    ]);
  });

  it('never falls due after the cohort’s last day: a 40-day cohort’s week 6 is due on day 40', () => {
    const s = cohortSchedule({ ...rome, endsOn: '2026-04-24' }, course(6), new Date('2026-03-01T00:00:00Z'));
    expect(s.weeks.map((w) => w.dueOn)).toEqual([
      '2026-03-22',
      '2026-03-29',
      '2026-04-05',
      '2026-04-12',
      '2026-04-19',
      '2026-04-24',
    ]);
    expect(s.weeks[5]!.dueAt).toBe('2026-04-24T21:59:00.000Z');
  });

  it('takes configurable due offsets, times and extra days for one week', () => {
    const utc = { id: 'c', startsOn: '2026-03-02', timeZone: 'UTC' };
    const s = cohortSchedule(utc, course(2), new Date('2026-03-01T00:00:00Z'), {
      dueOffsetDays: 4,
      dueTime: '17:00',
      extraDaysByWeek: { 2: 7 },
    });
    expect(s.weeks.map((w) => w.dueAt)).toEqual(['2026-03-06T17:00:00.000Z', '2026-03-20T17:00:00.000Z']);
  });

  it.each([
    ['one minute before week 1', '2026-03-15T22:59:00Z', null, ['outline', 'outline', 'outline']],
    ['the instant week 1 opens', '2026-03-15T23:00:00Z', 1, ['open', 'outline', 'outline']],
    ['in week 2', '2026-03-24T12:00:00Z', 2, ['open', 'open', 'outline']],
    ['just before week 3 opens (summer time)', '2026-03-29T21:59:59Z', 2, ['open', 'open', 'outline']],
    ['when week 3 opens (summer time)', '2026-03-29T22:00:00Z', 3, ['open', 'open', 'open']],
    ['long after the end', '2027-01-01T00:00:00Z', 3, ['open', 'open', 'open']],
  ])('at %s', (_label, now, current, states) => {
    const s = cohortSchedule(rome, course(3), new Date(now));
    expect(s.currentWeek).toBe(current);
    expect(s.weeks.map((w) => w.state)).toEqual(states);
    expect(s.weeks.flatMap((w) => w.modules.map((m) => m.state))).toEqual(states);
  });

  it('groups each week its modules, in course order', () => {
    const s = cohortSchedule(rome, course(2, 2), new Date('2026-03-01T00:00:00Z'));
    expect(s.weeks.map((w) => w.modules.map((m) => m.number))).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(findWeek(s, 2)?.number).toBe(2);
    expect(findWeek(s, 7)).toBeUndefined();
    expect(weekOfModule(s, '03-m')?.number).toBe(2);
  });
});
