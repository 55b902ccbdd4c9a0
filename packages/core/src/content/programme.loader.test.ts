import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatContentError } from './content-error.ts';
import { loadProgrammes } from './programme.loader.ts';

const COURSES = new Set(['measuring-labour-migration', 'other-course']);

function contentRoot(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'labmig-programmes-'));
  mkdirSync(path.join(root, 'programmes'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, 'programmes', name), text);
  return root;
}

const GOOD = `slug: good
title: A Diploma
summary: What it is.
courses:
  - course: measuring-labour-migration
    role: required
  - course: other-course
    role: elective
  - id: later
    role: elective
    offered: false
    title: A later course
    fr: { title: Un cours ultérieur }
rule:
  electives: 1
`;

describe('loadProgrammes', () => {
  it('loads a programme: offered courses by slug, the others by id and title', async () => {
    const result = await loadProgrammes(contentRoot({ 'good.yaml': GOOD }), COURSES);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.programmes).toHaveLength(1);
    expect(result.programmes[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.programmes[0]!.programme).toEqual({
      slug: 'good',
      title: 'A Diploma',
      summary: 'What it is.',
      note: null,
      fr: { title: null, summary: null, note: null },
      courses: [
        { key: 'measuring-labour-migration', role: 'required', offered: true },
        { key: 'other-course', role: 'elective', offered: true },
        {
          key: 'later',
          role: 'elective',
          offered: false,
          title: 'A later course',
          frTitle: 'Un cours ultérieur',
        },
      ],
      electivesNeeded: 1,
    });
  });

  it('no programmes folder means no programmes', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'labmig-programmes-'));
    expect(await loadProgrammes(root, COURSES)).toEqual({ ok: true, programmes: [] });
  });

  it('reports every problem as file:line', async () => {
    const root = contentRoot({
      'bad.yaml': `slug: not-bad
title: A Diploma
summary: What it is.
colour: blue
courses:
  - course: measuring-labour-migration
    role: required
  - course: unknown-course
    role: elective
  - course: measuring-labour-migration
    role: elective
  - id: later
    role: elective
    offered: false
  - course: other-course
    role: optional
rule:
  electives: 5
`,
      'broken.yaml': 'slug: [unclosed\n',
    });
    const result = await loadProgrammes(root, COURSES);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const bad = path.join(root, 'programmes', 'bad.yaml');
    expect(result.errors.map(formatContentError).filter((e) => e.startsWith(bad))).toEqual([
      `${bad}:4: unknown key \`colour\``,
      `${bad}:16: \`courses.4.role\`: Invalid option: expected one of "required"|"elective"`,
    ]);
    expect(
      result.errors.some((e) => e.file.endsWith('broken.yaml') && e.code === 'content.yaml-syntax'),
    ).toBe(true);
    // Once the schema passes, the cross-checks speak.
    const second = await loadProgrammes(
      contentRoot({
        'bad.yaml': `slug: not-bad
title: A Diploma
summary: What it is.
courses:
  - course: measuring-labour-migration
    role: required
  - course: unknown-course
    role: elective
  - course: measuring-labour-migration
    role: elective
  - id: later
    role: elective
    offered: false
rule:
  electives: 5
`,
      }),
      COURSES,
    );
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      '1: slug not-bad differs from the file name bad',
      '7: unknown course unknown-course (mark it `offered: false` if it is not on this platform yet)',
      '9: measuring-labour-migration is listed twice',
      '11: a course that is not offered yet needs an `id` and a `title`',
      '15: the rule asks for 5 elective courses but 3 are listed',
    ]);
  });

  it('loads the Diploma of this repository, which lists the course and asks for an elective not offered yet', async () => {
    const repoContent = path.resolve(import.meta.dirname, '../../../../content');
    const result = await loadProgrammes(repoContent, new Set(['measuring-labour-migration']));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const diploma = result.programmes.find(
      (p) => p.programme.title === 'ITCILO Diploma for Labour Migration Experts and Practitioners',
    );
    expect(diploma?.programme.courses[0]).toEqual({
      key: 'measuring-labour-migration',
      role: 'required',
      offered: true,
    });
    expect(diploma?.programme.courses.slice(1).every((c) => !c.offered)).toBe(true);
    // The French title stays the programme's proper name.
    expect(diploma?.programme.fr.title).toBeNull();
  });
});
