import { buildCohort, buildEnrolment, buildUser, type DialectContext } from '@labmig/db/testing';
import type { EnrolmentRole, EnrolmentStatus } from '@labmig/db';
import type { UserActor } from '../../access/actor.ts';
import { actorOf } from '../../accounts/user.present.ts';

/** A cohort with its course team and a second cohort with its own manager, for course-administration tests. */
export interface CourseTeam {
  readonly cohortId: string;
  readonly otherCohortId: string;
  readonly admin: UserActor;
  readonly manager: UserActor;
  readonly tutor: UserActor;
  readonly learner: UserActor;
  /** Manages the other cohort only. */
  readonly otherManager: UserActor;
  /** Signed in, in no cohort. */
  readonly outsider: UserActor;
}

/**
 * Builds cohort C (with `cohort` overrides) with an active manager, tutor and learner, a site admin, an outsider,
 * and cohort D with its own manager.
 */
export async function buildCourseTeam(
  ctx: DialectContext,
  cohort: Parameters<typeof buildCohort>[1] = {},
): Promise<CourseTeam> {
  const c = await buildCohort(ctx.db, { title: 'Cohort C', ...cohort });
  const d = await buildCohort(ctx.db, { title: 'Cohort D', course_id: c.course_id });
  const person = async (name: string, isAdmin = false) =>
    actorOf(
      await buildUser(ctx.db, {
        name,
        email: `${name.toLowerCase()}@example.org`,
        is_admin: isAdmin ? 1 : 0,
      }),
    );
  const team = {
    cohortId: c.id,
    otherCohortId: d.id,
    admin: await person('Ada', true),
    manager: await person('Mona'),
    tutor: await person('Theo'),
    learner: await person('Lea'),
    otherManager: await person('Otto'),
    outsider: await person('Olga'),
  };
  const place = (who: UserActor, role: EnrolmentRole, cohortId = c.id) =>
    buildEnrolment(ctx.db, { cohort_id: cohortId, user_id: who.userId, role, status: 'active' });
  await place(team.manager, 'manager');
  await place(team.tutor, 'tutor');
  await place(team.learner, 'learner');
  await place(team.otherManager, 'manager', d.id);
  return team;
}

/** Adds a learner with a status to a cohort (`answers` stored as the enrolment form does); returns their actor. */
export async function addLearner(
  ctx: DialectContext,
  cohortId: string,
  name: string,
  status: EnrolmentStatus,
  options: { readonly answers?: Record<string, string>; readonly at?: string; readonly locale?: string } = {},
): Promise<UserActor & { enrolmentId: string }> {
  const user = await buildUser(ctx.db, {
    name,
    email: `${name.toLowerCase()}@example.org`,
    locale: options.locale ?? 'en',
  });
  const enrolment = await buildEnrolment(ctx.db, {
    cohort_id: cohortId,
    user_id: user.id,
    role: 'learner',
    status,
    answers: JSON.stringify(options.answers ?? {}),
    ...(options.at ? { created_at: options.at, updated_at: options.at } : {}),
  });
  return { ...actorOf(user), enrolmentId: enrolment.id };
}

/** The status of every enrolment of a cohort, by user id. */
export async function statusesOf(ctx: DialectContext, cohortId: string): Promise<Record<string, string>> {
  const rows = await ctx.db
    .selectFrom('enrolments')
    .select(['user_id', 'status', 'role'])
    .where('cohort_id', '=', cohortId)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.user_id, `${r.role}:${r.status}`]));
}

/** The audit events of the database as `[action, actor id, person id]`, oldest first. */
export async function auditTrail(ctx: DialectContext): Promise<[string, string | null, string | null][]> {
  const rows = await ctx.db
    .selectFrom('audit_events')
    .select(['action', 'actor_user_id', 'person_user_id'])
    .orderBy('occurred_at')
    .orderBy('action')
    .execute();
  return rows.map((r) => [r.action, r.actor_user_id, r.person_user_id]);
}
