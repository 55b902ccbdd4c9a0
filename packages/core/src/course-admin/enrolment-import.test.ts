import { describe, expect, it } from 'vitest';
import { buildUser, forEachDialect } from '@labmig/db/testing';
import { DomainValidationError } from '../errors/domain-errors.ts';
import { createTestApp } from '../testing/test-app.ts';
import { readEnrolmentCsv, roleFromCsv, splitCsv } from './enrolment-csv.rules.ts';
import { importEnrolmentList } from './enrolment-import.commands.ts';
import { auditTrail, buildCourseTeam, statusesOf } from './testing/course-team.ts';

describe('readEnrolmentCsv', () => {
  it('reads quoted fields, CRLF, a byte-order mark, French headers and semicolons', () => {
    expect(splitCsv('a,"b,""c"""\r\n1,2\n', ',')).toEqual([
      ['a', 'b,"c"'],
      ['1', '2'],
    ]);
    expect(
      readEnrolmentCsv('\uFEFFNom;Courriel;Rôle\r\n"Diallo, Awa";AWA@example.org;Tutrice\r\n;;\r\n', 10),
    ).toEqual({
      rows: [{ line: 2, email: 'awa@example.org', name: 'Diallo, Awa', role: 'Tutrice' }],
    });
  });

  it('refuses a file with no email column, an open quote, binary content or too many rows', () => {
    expect(readEnrolmentCsv('name,role\nAna,tutor', 10)).toEqual({ error: 'enrolment.csv_no_email' });
    expect(readEnrolmentCsv('email\n"ana@example.org', 10)).toEqual({ error: 'enrolment.csv_unreadable' });
    expect(readEnrolmentCsv('email\u0000\n', 10)).toEqual({ error: 'enrolment.csv_unreadable' });
    expect(readEnrolmentCsv('email\na@x.org\nb@x.org\nc@x.org', 2)).toEqual({
      error: 'enrolment.csv_too_large',
    });
  });

  it('knows the roles in English and French, learner when empty', () => {
    expect([
      roleFromCsv(''),
      roleFromCsv(' Tutor '),
      roleFromCsv('responsable'),
      roleFromCsv('boss'),
    ]).toEqual(['learner', 'tutor', 'manager', null]);
  });
});

forEachDialect((ctx) => {
  describe('importEnrolmentList', () => {
    it('saves nothing when one row has a problem, and says which rows and why', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx, { capacity: 2, waitlist_enabled: 0 });
      await buildUser(ctx.db, { email: 'ana@example.org' });
      await buildUser(ctx.db, { email: 'ben@example.org' });
      const csv = [
        'email,name,role',
        'ana@example.org,,learner',
        'not-an-address,,',
        'ana@example.org,,tutor',
        'nobody@example.org,,',
        'ana.b@example.org,,director',
        'ben@example.org,,learner',
        'lea@example.org,,learner',
      ].join('\n');
      const report = await importEnrolmentList(app, team.manager, team.cohortId, { csv });
      expect(report.saved).toBe(false);
      expect(report.rows.map((r) => [r.line, r.outcome, r.problem ?? null])).toEqual([
        [2, 'active', null],
        [3, 'problem', 'email_invalid'],
        [4, 'problem', 'duplicate'],
        [5, 'problem', 'no_account'],
        [6, 'problem', 'role_unknown'],
        // Lea holds one of the two places and Ana takes the other: none is left for Ben.
        [7, 'problem', 'no_place'],
        [8, 'unchanged', null],
      ]);
      expect(Object.keys(await statusesOf(ctx, team.cohortId))).toHaveLength(3);
      expect(await auditTrail(ctx)).toEqual([]);
      expect(await app.deliverMail()).toEqual([]);
    });

    it('applies every row of a clean list in one go: places, the waiting list and invitations, each mailed', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx, { capacity: 2 });
      await buildUser(ctx.db, { email: 'ana@example.org' });
      await buildUser(ctx.db, { email: 'ben@example.org' });
      const csv =
        'email;name;role\nana@example.org;;\nben@example.org;;\ncarla@example.org;Carla Cruz;tuteur\n';
      const refused = await importEnrolmentList(app, team.admin, team.cohortId, { csv });
      expect(refused.rows.find((r) => r.email === 'carla@example.org')?.problem).toBe('no_account');
      const report = await importEnrolmentList(app, team.admin, team.cohortId, { csv, invite: 'on' });
      expect(report.saved).toBe(true);
      expect(report.counts).toEqual({ active: 2, waitlisted: 1, unchanged: 0, problem: 0, invited: 1 });
      expect(report.rows.map((r) => [r.email, r.outcome, r.invited])).toEqual([
        ['ana@example.org', 'active', false],
        ['ben@example.org', 'waitlisted', false],
        ['carla@example.org', 'active', true],
      ]);
      expect((await app.deliverMail()).map((m) => [m.to, m.kind])).toEqual([
        ['ana@example.org', 'enrolment-confirmed'],
        ['ben@example.org', 'enrolment-waitlisted'],
        ['carla@example.org', 'account-invitation'],
      ]);
      const trail = await auditTrail(ctx);
      expect(trail.filter(([a]) => a === 'enrolment.added')).toHaveLength(3);
      expect(trail.filter(([a]) => a === 'user.invited')).toHaveLength(1);
      // The same list again changes nothing.
      const again = await importEnrolmentList(app, team.admin, team.cohortId, { csv, invite: 'on' });
      expect(again.counts).toMatchObject({ unchanged: 3, active: 0 });
    });

    it('refuses a file that is not a list, and is for the course team only', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx);
      const error = await importEnrolmentList(app, team.manager, team.cohortId, { csv: 'name\nAna' }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DomainValidationError);
      expect((error as DomainValidationError).code).toBe('enrolment.csv_no_email');
      const big = `email\n${'x'.repeat(1_000_001)}`;
      expect(
        (
          (await importEnrolmentList(app, team.manager, team.cohortId, { csv: big }).catch(
            (e: unknown) => e,
          )) as {
            code: string;
          }
        ).code,
      ).toBe('enrolment.csv_too_large');
      for (const who of [team.tutor, team.learner, team.otherManager])
        await expect(
          importEnrolmentList(app, who, team.cohortId, { csv: 'email\nolga@example.org' }),
        ).rejects.toHaveProperty('kind', expect.stringMatching(/forbidden|not-found/));
    });
  });
});
