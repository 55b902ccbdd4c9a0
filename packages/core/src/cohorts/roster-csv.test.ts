import { describe, expect, it } from 'vitest';
import { csvField } from '../shared/csv.ts';
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

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+33 1 23', "'+33 1 23"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['', ''],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
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
      'name,email,role,status,country,organisation_type,job_title,enrolled_at,withdrawn_at,motivation,expectations\r\n' +
        'Ana,ana@example.org,learner,active,SN,nso,Statistician,2026-03-01T10:00:00.000Z,,"Better data, ""faster""",\r\n' +
        "'=cmd|calc,b@example.org,manager,withdrawn,SN,nso,Statistician,2026-03-01T10:00:00.000Z,2026-03-05T00:00:00.000Z,,\r\n",
    );
  });
});
