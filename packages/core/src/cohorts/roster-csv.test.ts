import { describe, expect, it } from 'vitest';
import { rosterToCsv } from './roster-csv.ts';
import type { RosterDto, RosterEntryDto } from './roster.queries.ts';

const entry = (overrides: Partial<RosterEntryDto>): RosterEntryDto => ({
  userId: 'u1',
  name: 'Ana',
  email: 'ana@example.org',
  country: 'SN',
  organisationType: 'nso',
  jobTitle: 'Statistician',
  role: 'learner',
  status: 'active',
  enrolledAt: '2026-03-01T10:00:00.000Z',
  withdrawnAt: null,
  answers: {},
  ...overrides,
});
const roster = (entries: RosterEntryDto[]): RosterDto => ({
  cohort: {
    id: 'c',
    title: 'C',
    courseSlug: 's',
    courseTitle: 'S',
    startsOn: '2026-03-02',
    endsOn: '2026-04-10',
    capacity: null,
  },
  entries,
  counts: { learners: 0, waitlisted: 0, staff: 0, withdrawn: 0 },
});

describe('rosterToCsv', () => {
  it('writes a header and one CRLF-terminated line per person', () => {
    const csv = rosterToCsv(
      roster([
        entry({ answers: { motivation: 'Better data, "faster"' } }),
        entry({
          name: '=cmd|calc',
          email: 'b@example.org',
          role: 'manager',
          status: 'withdrawn',
          withdrawnAt: '2026-03-05T00:00:00.000Z',
        }),
      ]),
    );
    expect(csv).toBe(
      '\uFEFFname,email,role,status,country,organisation_type,job_title,enrolled_at,withdrawn_at,motivation,expectations\r\n' +
        'Ana,ana@example.org,learner,active,SN,nso,Statistician,2026-03-01T10:00:00.000Z,,"Better data, ""faster""",\r\n' +
        "'=cmd|calc,b@example.org,manager,withdrawn,SN,nso,Statistician,2026-03-01T10:00:00.000Z,2026-03-05T00:00:00.000Z,,\r\n",
    );
  });

  it('keeps accents readable in Excel (BOM) and every hostile cell in its place', () => {
    const csv = rosterToCsv(
      roster([
        entry({
          name: 'Tomás Ñúñez',
          jobTitle: 'Chief; =1+1',
          answers: { motivation: '-2+3', expectations: '@SUM(A1)' },
        }),
      ]),
    );
    expect(csv.startsWith('\uFEFFname,')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(
      `Tomás Ñúñez,ana@example.org,learner,active,SN,nso,"Chief; =1+1",2026-03-01T10:00:00.000Z,,'-2+3,'@SUM(A1)`,
    );
  });
});
