import { describe, expect, it } from 'vitest';
import type { ProgrammeCourse } from '../content/programme.types.ts';
import { evaluateProgramme } from './programme.rules.ts';

const offered = (key: string, role: 'required' | 'elective'): ProgrammeCourse => ({
  key,
  role,
  offered: true,
});
const notOffered = (key: string, role: 'required' | 'elective'): ProgrammeCourse => ({
  key,
  role,
  offered: false,
  title: key,
  frTitle: null,
});

// Two required courses (A, B), three electives (E1, E2 offered, E3 not offered here).
const full = {
  courses: [
    offered('a', 'required'),
    offered('b', 'required'),
    offered('e1', 'elective'),
    offered('e2', 'elective'),
    notOffered('e3', 'elective'),
  ],
  electivesNeeded: 2,
};

describe('evaluateProgramme', () => {
  const cases: {
    name: string;
    programme: Parameters<typeof evaluateProgramme>[0];
    earned: string[];
    met: boolean;
    requiredEarned: number;
    electivesEarned: number;
    electivesMissing: number;
    blocked: boolean;
  }[] = [
    {
      name: 'nothing earned',
      programme: full,
      earned: [],
      met: false,
      requiredEarned: 0,
      electivesEarned: 0,
      electivesMissing: 2,
      blocked: false,
    },
    {
      name: 'one required of two',
      programme: full,
      earned: ['a'],
      met: false,
      requiredEarned: 1,
      electivesEarned: 0,
      electivesMissing: 2,
      blocked: false,
    },
    {
      name: 'every required, no elective',
      programme: full,
      earned: ['a', 'b'],
      met: false,
      requiredEarned: 2,
      electivesEarned: 0,
      electivesMissing: 2,
      blocked: false,
    },
    {
      name: 'every required, one elective of two',
      programme: full,
      earned: ['a', 'b', 'e1'],
      met: false,
      requiredEarned: 2,
      electivesEarned: 1,
      electivesMissing: 1,
      blocked: false,
    },
    {
      name: 'every required and both electives',
      programme: full,
      earned: ['b', 'e2', 'a', 'e1'],
      met: true,
      requiredEarned: 2,
      electivesEarned: 2,
      electivesMissing: 0,
      blocked: false,
    },
    {
      name: 'both electives but a required missing',
      programme: full,
      earned: ['a', 'e1', 'e2'],
      met: false,
      requiredEarned: 1,
      electivesEarned: 2,
      electivesMissing: 0,
      blocked: false,
    },
    {
      name: 'courses outside the programme count for nothing',
      programme: full,
      earned: ['a', 'b', 'x', 'y'],
      met: false,
      requiredEarned: 2,
      electivesEarned: 0,
      electivesMissing: 2,
      blocked: false,
    },
    {
      name: 'a not-offered course never counts, even if its key shows up',
      programme: full,
      earned: ['a', 'b', 'e1', 'e3'],
      met: false,
      requiredEarned: 2,
      electivesEarned: 1,
      electivesMissing: 1,
      blocked: false,
    },
    {
      name: 'no elective asked: the required ones suffice',
      programme: { courses: [offered('a', 'required'), notOffered('e', 'elective')], electivesNeeded: 0 },
      earned: ['a'],
      met: true,
      requiredEarned: 1,
      electivesEarned: 0,
      electivesMissing: 0,
      blocked: false,
    },
    {
      name: 'electives only',
      programme: { courses: [offered('e1', 'elective'), offered('e2', 'elective')], electivesNeeded: 1 },
      earned: ['e2'],
      met: true,
      requiredEarned: 0,
      electivesEarned: 1,
      electivesMissing: 0,
      blocked: false,
    },
    {
      name: 'the only elective place is not offered: blocked, never met',
      programme: { courses: [offered('a', 'required'), notOffered('e', 'elective')], electivesNeeded: 1 },
      earned: ['a'],
      met: false,
      requiredEarned: 1,
      electivesEarned: 0,
      electivesMissing: 1,
      blocked: true,
    },
    {
      name: 'a required course not offered: blocked',
      programme: { courses: [offered('a', 'required'), notOffered('b', 'required')], electivesNeeded: 0 },
      earned: ['a', 'b'],
      met: false,
      requiredEarned: 1,
      electivesEarned: 0,
      electivesMissing: 0,
      blocked: true,
    },
  ];
  it.each(cases)(
    '$name',
    ({ programme, earned, met, requiredEarned, electivesEarned, electivesMissing, blocked }) => {
      const standing = evaluateProgramme(programme, new Set(earned));
      expect({
        met: standing.met,
        requiredEarned: standing.requiredEarned,
        electivesEarned: standing.electivesEarned,
        electivesMissing: standing.electivesMissing,
        blocked: standing.blocked,
      }).toEqual({ met, requiredEarned, electivesEarned, electivesMissing, blocked });
    },
  );

  it('lists every course in programme order with its state', () => {
    const standing = evaluateProgramme(full, new Set(['b', 'e2']));
    expect(standing.courses.map((c) => `${c.key}:${c.role}:${c.state}`)).toEqual([
      'a:required:pending',
      'b:required:earned',
      'e1:elective:pending',
      'e2:elective:earned',
      'e3:elective:not-offered',
    ]);
  });
});
