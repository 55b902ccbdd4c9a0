import type { Programme } from '../content/programme.types.ts';

/** Where one course of a programme stands for one learner. */
export type ProgrammeCourseState =
  /** A valid (not revoked) Certificate of Achievement of the course. */
  | 'earned'
  /** Offered on this platform, not earned (yet). */
  | 'pending'
  /** Not offered on this platform yet: cannot be earned here. */
  | 'not-offered';

/** The programme rule's verdict for one learner. */
export interface ProgrammeStanding {
  /** True when every required course and enough electives are earned: the diploma is due. */
  readonly met: boolean;
  /** Each listed course in programme order, with its state. */
  readonly courses: readonly {
    readonly key: string;
    readonly role: 'required' | 'elective';
    readonly state: ProgrammeCourseState;
  }[];
  readonly requiredTotal: number;
  readonly requiredEarned: number;
  readonly electivesNeeded: number;
  readonly electivesEarned: number;
  /** Electives still to earn (0 once enough are earned; extra electives do not count twice). */
  readonly electivesMissing: number;
  /**
   * True when the rule can no longer be met with what this platform offers: a required course, or too few
   * electives, not offered here yet.
   */
  readonly blocked: boolean;
}

/**
 * The programme rule: every required course earned, and at least `electivesNeeded` elective courses earned.
 * `earned` holds the course slugs of the learner's valid certificates (slugs outside the programme are ignored; a
 * course not offered here is never earned). Pure.
 */
export function evaluateProgramme(
  programme: Pick<Programme, 'courses' | 'electivesNeeded'>,
  earned: ReadonlySet<string>,
): ProgrammeStanding {
  const courses = programme.courses.map((c) => ({
    key: c.key,
    role: c.role,
    state: (!c.offered ? 'not-offered' : earned.has(c.key) ? 'earned' : 'pending') as ProgrammeCourseState,
  }));
  const required = courses.filter((c) => c.role === 'required');
  const electives = courses.filter((c) => c.role === 'elective');
  const requiredEarned = required.filter((c) => c.state === 'earned').length;
  const electivesEarned = electives.filter((c) => c.state === 'earned').length;
  const electivesMissing = Math.max(0, programme.electivesNeeded - electivesEarned);
  const electivesReachable = electives.filter((c) => c.state !== 'not-offered').length;
  return {
    met: requiredEarned === required.length && electivesMissing === 0,
    courses,
    requiredTotal: required.length,
    requiredEarned,
    electivesNeeded: programme.electivesNeeded,
    electivesEarned,
    electivesMissing,
    blocked:
      required.some((c) => c.state === 'not-offered') || electivesReachable < programme.electivesNeeded,
  };
}
