import {
  countLearners,
  findUsersByEmails,
  listCohortEnrolments,
  type EnrolmentRole,
  type UserRow,
} from '@labmig/db';
import { z } from 'zod';
import type { Actor } from '../access/actor.ts';
import { emailField } from '../accounts/account.schema.ts';
import type { App } from '../app/app.ts';
import { auditedChange, type RequestContext } from '../audit/audited-change.ts';
import { DomainValidationError } from '../errors/domain-errors.ts';
import { parseInput } from '../errors/parse-input.ts';
import { assertCohortAdmin, lockCohort } from './cohort-settings.commands.ts';
import { checkbox, COURSE_ADMIN_LIMITS } from './course-admin.schema.ts';
import { readEnrolmentCsv, roleFromCsv, type EnrolmentCsvRow } from './enrolment-csv.rules.ts';
import { placePerson } from './enrolment-admin.commands.ts';
import { createInvitedAccount } from './invited-account.ts';

/** What is wrong with a row of a list (nothing is saved while any row has a problem). */
export type ImportProblem =
  'email_invalid' | 'role_unknown' | 'duplicate' | 'no_account' | 'name_missing' | 'no_place';

/** One row of the report: what the row would do (or did), or its problem. */
export interface ImportRowReport {
  readonly line: number;
  readonly email: string;
  readonly name: string;
  readonly role: EnrolmentRole | null;
  /** `active`/`waitlisted`: gets that place; `unchanged`: already has it; `problem`: see `problem`. */
  readonly outcome: 'active' | 'waitlisted' | 'unchanged' | 'problem';
  /** True when an account is created for the row (the person is mailed a link to choose a password). */
  readonly invited: boolean;
  readonly problem?: ImportProblem;
}

/** The report of an enrolment list: every row, and whether the list was saved (all rows) or not (none). */
export interface ImportReport {
  readonly saved: boolean;
  readonly rows: readonly ImportRowReport[];
  readonly counts: Readonly<Record<ImportRowReport['outcome'], number>> & { readonly invited: number };
}

const importSchema = z.object({ csv: z.string(), invite: checkbox });

/**
 * Checks every row of an enrolment list against the cohort as it is: the address, the role, duplicates in the file,
 * the account (or an invitation, which needs a name), and the places left (learners beyond capacity go to the
 * waiting list; with none, the row cannot be placed). Pure.
 */
export function planImport(
  rows: readonly EnrolmentCsvRow[],
  context: {
    readonly users: ReadonlyMap<string, UserRow>;
    /** The current place of each user in the cohort. */
    readonly places: ReadonlyMap<string, { role: EnrolmentRole; status: string }>;
    readonly invite: boolean;
    readonly capacity: number | null;
    readonly waitlistEnabled: boolean;
    readonly activeLearners: number;
  },
): ImportRowReport[] {
  const seen = new Set<string>();
  let active = context.activeLearners;
  return rows.map((row): ImportRowReport => {
    const role = roleFromCsv(row.role);
    const base = { line: row.line, email: row.email, name: row.name, role, invited: false };
    const problem = (p: ImportProblem): ImportRowReport => ({ ...base, outcome: 'problem', problem: p });
    if (!emailField.safeParse(row.email).success) return problem('email_invalid');
    if (seen.has(row.email)) return problem('duplicate');
    seen.add(row.email);
    if (role === null) return problem('role_unknown');
    const user = context.users.get(row.email);
    if (!user && !context.invite) return problem('no_account');
    if (!user && row.name === '') return problem('name_missing');
    const place = user ? context.places.get(user.id) : undefined;
    if (place && place.role === role && (place.status === 'active' || place.status === 'waitlisted'))
      return { ...base, outcome: 'unchanged' };
    const holdsPlace = place?.role === 'learner' && place.status === 'active';
    if (role !== 'learner' || holdsPlace) {
      if (holdsPlace && role !== 'learner') active--;
      return { ...base, invited: !user, outcome: 'active' };
    }
    if (context.capacity === null || active < context.capacity) {
      active++;
      return { ...base, invited: !user, outcome: 'active' };
    }
    return context.waitlistEnabled ? { ...base, invited: !user, outcome: 'waitlisted' } : problem('no_place');
  });
}

function countOutcomes(rows: readonly ImportRowReport[]): ImportReport['counts'] {
  const counts = { active: 0, waitlisted: 0, unchanged: 0, problem: 0, invited: 0 };
  for (const row of rows) {
    counts[row.outcome]++;
    if (row.invited) counts.invited++;
  }
  return counts;
}

/**
 * Adds a list of people to a cohort from CSV text (`enrolment.add`), all or nothing: every row is checked first
 * (`planImport`); if any row has a problem nothing is saved and the report says which rows to fix; otherwise every
 * row is applied in one transaction (invitations created, places given, each audited and mailed). Throws
 * DomainValidationError `enrolment.csv_unreadable`, `enrolment.csv_no_email` or `enrolment.csv_too_large` (on `csv`)
 * for a file that is not such a list.
 */
export async function importEnrolmentList(
  app: App,
  actor: Actor,
  cohortId: string,
  input: { csv: string; invite?: string | boolean },
  context: RequestContext = {},
): Promise<ImportReport> {
  const { actor: user } = await assertCohortAdmin(app, actor, cohortId, 'enrolment.add');
  const data = parseInput(importSchema, input);
  if (Buffer.byteLength(data.csv, 'utf8') > COURSE_ADMIN_LIMITS.csvMaxBytes)
    throw new DomainValidationError({ csv: 'enrolment.csv_too_large' }, 'enrolment.csv_too_large');
  const read = readEnrolmentCsv(data.csv, COURSE_ADMIN_LIMITS.csvMaxRows);
  if ('error' in read) throw new DomainValidationError({ csv: read.error }, read.error);
  if (read.rows.length === 0)
    throw new DomainValidationError({ csv: 'enrolment.csv_no_email' }, 'enrolment.csv_no_email');
  return auditedChange(app, user.userId, context, async (change) => {
    const cohort = await lockCohort(change, cohortId);
    const users = new Map(
      (await findUsersByEmails(change.trx, [...new Set(read.rows.map((r) => r.email))])).map((u) => [
        u.email,
        u,
      ]),
    );
    const places = new Map(
      (await listCohortEnrolments(change.trx, cohortId)).map((e) => [
        e.user_id,
        { role: e.role, status: e.status },
      ]),
    );
    const plan = planImport(read.rows, {
      users,
      places,
      invite: data.invite,
      capacity: cohort.capacity,
      waitlistEnabled: cohort.waitlist_enabled === 1,
      activeLearners: await countLearners(change.trx, cohortId, 'active'),
    });
    const counts = countOutcomes(plan);
    if (counts.problem > 0) return { saved: false, rows: plan, counts };
    for (const row of plan) {
      if (row.outcome === 'unchanged' || row.role === null) continue;
      let person = users.get(row.email);
      let invitationLink: string | undefined;
      if (!person) {
        const invited = await createInvitedAccount(app, change, {
          email: row.email,
          name: row.name,
          locale: cohort.language === 'fr' ? 'fr' : 'en',
        });
        person = invited.user;
        invitationLink = invited.link;
      }
      await placePerson(app, change, cohort, person, row.role, { invitationLink, note: 'from a CSV list' });
    }
    return { saved: true, rows: plan, counts };
  });
}
