import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, loadConfig, openApp, createLogger } from '@labmig/core/app';
import { getCohortGradebook, getQuizItemAnalysis } from '@labmig/core/assessment';
import { getAssignmentWorkload } from '@labmig/core/assignments';
import { listMyCourses } from '@labmig/core/cohorts';
import { getProgressGrid } from '@labmig/core/learning';
import { getForumPage, listForums } from '@labmig/core/forums';
import { getSupportDesk } from '@labmig/core/support';
import { listGroups } from '@labmig/core/groups';
import { getLabRunTables } from '@labmig/core/lab';
import { resolveSession, signIn } from '@labmig/core/accounts';
import { editDefault, writeCourseFiles } from '@labmig/core/testing';
import { migrations } from '@labmig/db';
import { adminQuery, testDialects } from '@labmig/db/testing';
import { createCliSandbox, type CliSandbox } from './testing/run-cli.ts';

let sandbox: CliSandbox;
beforeEach(() => {
  sandbox = createCliSandbox();
});
afterEach(() => sandbox.cleanup());

const courseDir = () => path.join(sandbox.env.CONTENT_DIR, 'courses', 'tiny-course');

async function withSandboxApp<T>(
  fn: (app: Awaited<ReturnType<typeof openApp>>) => Promise<T>,
  now?: string,
  env: Record<string, string> = {},
): Promise<T> {
  const app = await openApp(loadConfig({ ...sandbox.env, ...env }, sandbox.dir), {
    logger: createLogger('silent'),
    ...(now ? { clock: fixedClock(now) } : {}),
  });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

describe('labmig', () => {
  it('prints help, and refuses no command or an unknown one with exit code 2', async () => {
    const help = await sandbox.run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: labmig <command>');
    expect(help.stdout).toContain('cohort create --course SLUG');
    expect((await sandbox.run([])).code).toBe(2);
    const unknown = await sandbox.run(['fly']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "fly"');
  });

  it('names the bad environment variable', async () => {
    const run = await sandbox.run(['migrate'], { env: { PORT: 'eighty' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Invalid configuration: PORT');
  });
});

describe('labmig migrate', () => {
  it('applies every migration once, in order', async () => {
    const first = await sandbox.run(['migrate']);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      Object.keys(migrations)
        .map((name) => `applied: ${name}\n`)
        .join(''),
    );
    expect(first.stdout).toMatch(/^applied: 0001-campus-foundation\n/);
    const second = await sandbox.run(['migrate']);
    expect(second).toMatchObject({ code: 0, stdout: 'The database is up to date.\n' });
  });
});

describe('labmig content', () => {
  it('checks a valid course and reports file:line for a broken one', async () => {
    await writeCourseFiles(courseDir());
    const ok = await sandbox.run(['content', 'check']);
    expect(ok).toMatchObject({ code: 0, stdout: 'ok: tiny-course (2 modules, 4 lessons)\n' });
    await writeFile(path.join(courseDir(), 'modules', '02-beta', 'module.yaml'), 'title: Beta\nweek: 2\n');
    const bad = await sandbox.run(['content', 'check', sandbox.env.CONTENT_DIR]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      new RegExp(
        `${path.join(courseDir(), 'modules', '02-beta', 'module.yaml').replace(/[.]/g, '\\.')}:\\d+: `,
      ),
    );
  });

  it('imports idempotently, updates on edit, and keeps the previous version when a file breaks', async () => {
    await writeCourseFiles(courseDir());
    expect(await sandbox.run(['content', 'import'])).toMatchObject({
      code: 0,
      stdout: 'created: tiny-course, 1 cohort(s) created\n',
    });
    expect(await sandbox.run(['content', 'import'])).toMatchObject({
      code: 0,
      stdout: 'unchanged: tiny-course\n',
    });
    await writeCourseFiles(
      courseDir(),
      editDefault('course.yaml', 'title: Tiny course', 'title: Tiny course v2'),
    );
    expect(await sandbox.run(['content', 'import'])).toMatchObject({
      code: 0,
      stdout: 'updated: tiny-course\n',
    });
    await writeFile(path.join(courseDir(), 'course.yaml'), 'slug: tiny-course\ntitle: [broken\n');
    const broken = await sandbox.run(['content', 'import']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`${path.join(courseDir(), 'course.yaml')}:`);
    expect(broken.stderr).toContain('nothing was imported');
    const title = await withSandboxApp((app) =>
      app.db.selectFrom('courses').select('title').executeTakeFirstOrThrow(),
    );
    expect(title).toEqual({ title: 'Tiny course v2' });
  });

  it('refuses an unknown content command', async () => {
    expect((await sandbox.run(['content', 'explode'])).code).toBe(2);
  });
});

describe('labmig user create', () => {
  it('creates a site admin with a password from stdin who can then sign in', async () => {
    const run = await sandbox.run(
      [
        'user',
        'create',
        '--email',
        'Root@Example.org',
        '--name',
        'Root',
        '--role',
        'admin',
        '--password-stdin',
      ],
      {
        stdin: 'a long admin secret\n',
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^created site admin root@example\.org \(id [0-9a-f-]{36}\)\n$/);
    await withSandboxApp(async (app) => {
      const grant = await signIn(
        app,
        { email: 'root@example.org', password: 'a long admin secret' },
        { ip: '127.0.0.1' },
      );
      expect((await resolveSession(app, grant.sessionToken)).actor).toMatchObject({ isAdmin: true });
    });
  });

  it('prints a generated password, and refuses a duplicate email, a bad role and a missing option', async () => {
    const run = await sandbox.run([
      'user',
      'create',
      '--email',
      'ana@example.org',
      '--name',
      'Ana',
      '--role',
      'user',
    ]);
    expect(run.code).toBe(0);
    const password = run.stdout.match(/password: (\S+)/)?.[1];
    expect(password).toHaveLength(16);
    await withSandboxApp((app) =>
      expect(
        signIn(app, { email: 'ana@example.org', password: password! }, { ip: '1' }),
      ).resolves.toBeTruthy(),
    );
    const again = await sandbox.run([
      'user',
      'create',
      '--email',
      'ana@example.org',
      '--name',
      'Ana',
      '--role',
      'user',
    ]);
    expect(again).toMatchObject({ code: 1 });
    expect(again.stderr).toContain('An account with this email address already exists.');
    expect(
      (await sandbox.run(['user', 'create', '--email', 'b@example.org', '--name', 'B', '--role', 'root']))
        .code,
    ).toBe(2);
    const missing = await sandbox.run(['user', 'create', '--name', 'B', '--role', 'user']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--email is required');
    expect((await sandbox.run(['user', 'create', '--bogus'])).code).toBe(2);
  });
});

describe('labmig cohort create and enrol', () => {
  it('opens a cohort of an imported course and enrols people into it', async () => {
    await writeCourseFiles(courseDir());
    await sandbox.run(['content', 'import']);
    const created = await sandbox.run([
      'cohort',
      'create',
      '--course',
      'tiny-course',
      '--start',
      '2026-09-07',
      '--end',
      '2026-10-16',
      '--capacity',
      '1',
      '--title',
      'Autumn',
    ]);
    expect(created.code).toBe(0);
    const cohortId = created.stdout.match(/created cohort (\S+): Autumn \(2026-09-07 – 2026-10-16\)/)?.[1];
    expect(cohortId).toBeDefined();
    for (const email of ['a@example.org', 'b@example.org']) {
      await sandbox.run(['user', 'create', '--email', email, '--name', email, '--role', 'user']);
    }
    expect(
      (await sandbox.run(['enrol', '--cohort', cohortId!, '--email', 'a@example.org', '--role', 'learner']))
        .stdout,
    ).toBe(`enrolled: a@example.org as learner in ${cohortId} (active)\n`);
    expect(
      (await sandbox.run(['enrol', '--cohort', cohortId!, '--email', 'b@example.org', '--role', 'learner']))
        .stdout,
    ).toContain('(waitlisted)');
    expect(
      (await sandbox.run(['enrol', '--cohort', cohortId!, '--email', 'a@example.org', '--role', 'learner']))
        .stdout,
    ).toContain('already enrolled');
    const ghost = await sandbox.run([
      'enrol',
      '--cohort',
      cohortId!,
      '--email',
      'ghost@example.org',
      '--role',
      'tutor',
    ]);
    expect(ghost).toMatchObject({ code: 1 });
    expect(ghost.stderr).toContain('This user does not exist.');
    expect(
      (await sandbox.run(['enrol', '--cohort', cohortId!, '--email', 'a@example.org', '--role', 'boss']))
        .code,
    ).toBe(2);
  });

  it('rejects bad dates, capacity and unknown courses', async () => {
    await writeCourseFiles(courseDir());
    await sandbox.run(['content', 'import']);
    const backwards = await sandbox.run([
      'cohort',
      'create',
      '--course',
      'tiny-course',
      '--start',
      '2026-09-07',
      '--end',
      '2026-09-01',
    ]);
    expect(backwards.code).toBe(1);
    expect(backwards.stderr).toContain('--end: must not be before the start date');
    expect(
      (
        await sandbox.run([
          'cohort',
          'create',
          '--course',
          'tiny-course',
          '--start',
          '2026-13-45',
          '--end',
          '2026-09-01',
        ])
      ).code,
    ).toBe(1);
    expect(
      (
        await sandbox.run([
          'cohort',
          'create',
          '--course',
          'tiny-course',
          '--start',
          '2026-09-07',
          '--end',
          '2026-09-09',
          '--capacity',
          '-3',
        ])
      ).code,
    ).toBe(2);
    const unknown = await sandbox.run([
      'cohort',
      'create',
      '--course',
      'nope',
      '--start',
      '2026-09-07',
      '--end',
      '2026-10-16',
    ]);
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.stderr).toContain('This course does not exist.');
  });
});

/** A week 1 assessment in the tiny course: one question of each auto-graded kind, as the real week 1 has. */
const DEMO_GIFT = `$CATEGORY: week-1/alpha

::d-tf::Migrants are counted by country of birth or citizenship.{T}

::d-mc::Which is a labour force status?{=Employed ~Retired ~Student ~Pensioner}

::d-multi::Which persons are in the labour force? (Choose all that apply.){~%50%The employed ~%50%The unemployed ~%-100%Persons outside the labour force}

::d-num::In which year did the 20th ICLS adopt its Guidelines?{#2018:0}

::d-calc::A survey counts {emp} employed and {unemp} unemployed. Unemployment rate (%, one decimal)?{#calc 100 * unemp / (emp + unemp) :0.1
\t~emp = 800..1200 step 1
\t~unemp = 40..160 step 1
}

::d-match::Match each indicator with its denominator.{
\t=Unemployment rate -> labour force
\t=Employment-to-population ratio -> working-age population
\t=Share of migrants among the employed -> employed persons
}

::d-short::Which survey is the reference source for labour force status? (three letters){=LFS}
`;

const DEMO_QUIZZES = `banks: [week-1.gift]
defaults:
  timeLimitMinutes: 30
  attemptsAllowed: 3
  gradingMethod: highest
  maxGrade: 100
  passMark: 60
  shuffleQuestions: true
  shuffleAnswers: true
  feedbackMode: immediate
quizzes:
  - id: week-1
    week: 1
    title: Week 1 knowledge assessment
    questions:
      - { category: week-1/alpha, count: 7 }
`;

const DEMO_ASSIGNMENT = [
  '---',
  'title: Your sources',
  'summary: List the sources of your country.',
  'week: 1',
  'kind: individual',
  'due: { week: 2, day: 3, time: "23:59" }',
  'lateDays: 4',
  'submission: { text: required, wordLimit: 1200 }',
  'grading: { maxGrade: 100, passMark: 50 }',
  '---',
  'List the sources.',
  '',
].join('\n');

describe.each(testDialects())('labmig demo (%s)', (dialect) => {
  const url = process.env.DATABASE_URL_TEST;
  const schema = `t_demo_${randomBytes(4).toString('hex')}`;
  const env: Record<string, string> =
    dialect === 'postgres' ? { DATABASE_URL: url!, DATABASE_SCHEMA: schema } : {};
  beforeEach(async () => {
    if (dialect === 'postgres') await adminQuery(url!, `CREATE SCHEMA ${schema}`);
  });
  afterEach(async () => {
    if (dialect === 'postgres') await adminQuery(url!, `DROP SCHEMA ${schema} CASCADE`);
  });
  const tables = ['users', 'forum_posts', 'lesson_progress', 'quiz_attempts', 'attempt_answers'] as const;
  const countRows = (app: Awaited<ReturnType<typeof openApp>>) =>
    Promise.all(
      [...tables, 'assignment_submissions' as const, 'group_members' as const].map(async (t) => {
        const row = await app.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        return [t, Number(row.n)] as const;
      }),
    ).then(Object.fromEntries);

  it('creates a running cohort whose week 1 began three days ago, with activity, and is idempotent', async () => {
    // Week 1 gets six lessons in two modules, as the real course's week 1 has.
    const lesson = (title: string) => `---\ntitle: ${title}\nhours: 0.5\n---\nText.\n`;
    await writeCourseFiles(courseDir(), {
      ...editDefault(
        'modules/01-alpha/module.yaml',
        '  - 02-second',
        '  - 02-second\n  - 03-third\n  - 04-fourth',
      ),
      ...editDefault('modules/02-beta/module.yaml', 'week: 2', 'week: 1'),
      ...Object.fromEntries(
        ['01-first', '02-second', '03-third', '04-fourth'].map((l) => [
          `modules/01-alpha/lessons/${l}.md`,
          lesson(l.slice(3)),
        ]),
      ),
      'quizzes/week-1.gift': DEMO_GIFT,
      'quizzes/weekly-assessments.yaml': DEMO_QUIZZES,
      'assignments/w1-sources.md': DEMO_ASSIGNMENT,
    });
    // the Lab's practice dataset and its mapping, as content/data/lab ships them
    const labDir = path.join(sandbox.env.CONTENT_DIR, 'data', 'lab');
    await mkdir(labDir, { recursive: true });
    for (const f of ['lfs_small.sav', 'lfs_small.mapping.json'])
      await copyFile(path.join(import.meta.dirname, '../../../content/data/lab', f), path.join(labDir, f));
    const clock = fixedClock('2026-05-14T10:00:00.000Z');
    const first = await sandbox.run(['demo'], { clock, env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('2026-05-11 – 2026-06-19');
    expect(first.stdout).toContain('demo-learner1@example.org … demo-learner12@example.org');
    expect(first.stdout).toContain('Course page: http://127.0.0.1:3000/courses/tiny-course');
    // Eleven of the twelve learners have begun; nine submitted the assessment; four handed in the assignment.
    expect(first.stdout).toContain(
      'Week 1 so far: 11 of 12 learners have started, 9 submitted the week 1 assessment; 4 assignments to grade.',
    );
    const labRun = first.stdout.match(/lab\/runs\/(\S+)/)?.[1];
    expect(labRun).toBeDefined();
    const password = first.stdout.match(/password for all: (\S+)\)/)?.[1];
    const afterFirst = await withSandboxApp(countRows, undefined, env);
    const second = await sandbox.run(['demo'], { clock, env });
    expect(second).toMatchObject({ code: 0, stdout: first.stdout });
    await withSandboxApp(
      async (app) => {
        expect(app.config.database.kind).toBe(dialect);
        // The second run added nothing: no account, post, lesson, attempt, answer, submission or placement twice.
        expect(await countRows(app)).toEqual(afterFirst);
        expect(afterFirst).toMatchObject({ users: 15, forum_posts: 9, quiz_attempts: 10 });
        const grant = await signIn(
          app,
          { email: 'demo-learner1@example.org', password: password! },
          { ip: '1' },
        );
        const { actor } = await resolveSession(app, grant.sessionToken);
        const mine = await listMyCourses(app, actor);
        expect(mine.map((m) => [m.cohortTitle, m.role, m.status, m.week])).toEqual([
          ['Demo cohort', 'learner', 'active', 1],
        ]);
        const manager = await signIn(
          app,
          { email: 'demo-manager@example.org', password: password! },
          { ip: '1' },
        );
        const roles = await listMyCourses(app, (await resolveSession(app, manager.sessionToken)).actor);
        expect(roles.map((m) => m.role)).toEqual(['manager']);
        // A living forum, made once: three regional groups, a pinned announcement, discussions with replies.
        const cohortId = mine[0]!.cohortId;
        expect(
          (await listGroups(app.db, cohortId)).map((g) => [g.name, g.members.length, g.tutor?.name]),
        ).toEqual([
          ['Africa and the Middle East', 5, 'Tomás Tutor'],
          ['Asia and the Pacific', 4, 'Tomás Tutor'],
          ['Europe and the Americas', 3, 'Tomás Tutor'],
        ]);
        const forums = await listForums(app, actor, cohortId, 'en');
        const threads = (kind: string) => forums.forums.find((f) => f.kind === kind)?.threads;
        expect([threads('announcements'), threads('general'), threads('qa')]).toEqual([1, 1, 1]);
        const announcements = forums.forums.find((f) => f.kind === 'announcements')!;
        const page = await getForumPage(app, actor, cohortId, announcements.id, 1, 'en');
        expect(page.threads.map((t) => [t.title, t.pinned])).toEqual([['Welcome to the demo cohort', true]]);
        const general = await getForumPage(
          app,
          actor,
          cohortId,
          forums.forums.find((f) => f.kind === 'general')!.id,
          1,
          'en',
        );
        expect(general.threads[0]!.posts).toBe(3);
        // A question waits at the live support desk for the tutor.
        const tutorGrant = await signIn(
          app,
          { email: 'demo-tutor@example.org', password: password! },
          { ip: '1' },
        );
        const tutor = (await resolveSession(app, tutorGrant.sessionToken)).actor;
        const desk = await getSupportDesk(app, tutor, cohortId);
        expect(desk.queue.map((q) => [q.asker, q.state])).toEqual([['Sofia Learner', 'waiting']]);

        // The progress grid: lessons done in week 1 only, some learners through it, some barely begun, one not.
        const grid = await getProgressGrid(app, tutor, cohortId);
        const done = grid.rows.map((r) => r.progress.lessonsDone);
        expect(grid.rows).toHaveLength(12);
        expect(done.filter((n) => n > 0)).toHaveLength(11);
        expect(done.filter((n) => n === 6)).toHaveLength(3);
        expect(new Set(done)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
        const week1 = grid.items.flatMap((item, i) => (item.week === 1 ? [i] : []));
        for (const row of grid.rows)
          row.cells.forEach((cell, i) => expect(cell === null || week1.includes(i)).toBe(true));
        // When: during the three days since week 1 opened.
        const stamps = (await app.db.selectFrom('lesson_progress').select('completed_at').execute()).map(
          (r) => r.completed_at,
        );
        expect(stamps.every((t) => t > '2026-05-11T00:00' && t < '2026-05-14T10:00')).toBe(true);
        expect(new Set(stamps.map((t) => t.slice(0, 10))).size).toBe(3);

        // The gradebook: nine learners submitted, graded by the engine, with grades that differ.
        const book = await getCohortGradebook(app, tutor, cohortId);
        expect(book.quizzes.map((q) => q.week)).toEqual([1]);
        const cells = book.rows.map((r) => r.cells[0]!);
        const graded = cells.filter((c) => c.submittedAttempts > 0);
        expect(graded).toHaveLength(9);
        const attempts = graded.flatMap((c) => c.attempts ?? []);
        expect(attempts).toHaveLength(10);
        expect(attempts.every((a) => a.state === 'submitted' && typeof a.grade === 'number')).toBe(true);
        expect(new Set(attempts.map((a) => a.grade)).size).toBeGreaterThanOrEqual(4);
        expect(graded.filter((c) => c.passed).length).toBeGreaterThan(0);
        expect(graded.filter((c) => !c.passed).length).toBeGreaterThan(0);
        expect(graded.filter((c) => c.attemptsUsed === 2)).toHaveLength(1);

        // The item analysis: every question answered by the nine first attempts, some right and some wrong.
        const analysis = await getQuizItemAnalysis(
          app,
          tutor,
          { cohortId, quizId: book.quizzes[0]!.quizId },
          'first',
        );
        expect(analysis.attempts).toBe(9);
        expect(analysis.items).toHaveLength(7);
        const facilities = analysis.items.map((i) => i.facility!);
        expect(facilities.filter((f) => f > 0 && f < 100).length).toBeGreaterThanOrEqual(4);
        expect(new Set(facilities.map((f) => Math.round(f))).size).toBeGreaterThanOrEqual(3);

        // Work to grade: four assignments handed in wait for the tutor (one more is still a draft).
        const workload = await getAssignmentWorkload(
          app,
          tutor,
          { cohortId, key: 'w1-sources' },
          'mine',
          'en',
        );
        expect(workload.scope).toBe('mine');
        expect(workload.counts['to-grade']).toBe(4);
        expect(
          workload.rows
            .filter((r) => r.category === 'to-grade')
            .map((r) => r.name)
            .sort(),
        ).toEqual(['Lina Learner', 'Sofia Learner', 'Valentina Rojas', 'Youssef El Amrani']);
        expect(workload.rows.filter((r) => r.status === 'draft').map((r) => r.name)).toEqual([
          'Nguyen Thi Mai',
        ]);

        // the learner's Lab: the practice dataset mapped, one finished run with the ILMS tables and SDG 10.7.1
        const tables = await getLabRunTables(app, actor, labRun!);
        expect(tables.map((t) => t.id)).toContain('sdg1071_all');
        expect(tables.find((t) => t.id === 'ur_sex_age')!.rows.length).toBeGreaterThan(0);
      },
      '2026-05-14T10:00:00.000Z',
      env,
    );
  });
});

describe('labmig quiz', () => {
  it('delegates to the GIFT checker and reports file:line:column for a broken file', async () => {
    const good = path.join(sandbox.dir, 'good.gift');
    const bad = path.join(sandbox.dir, 'bad.gift');
    await writeFile(good, '::Q1:: Is 2 + 2 equal to 4? {T}\n');
    await writeFile(bad, '::Q1:: Unclosed {=yes ~no\n');
    const ok = await sandbox.run(['quiz', 'check', good]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('1 questions');
    const broken = await sandbox.run(['quiz', 'check', bad]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(new RegExp(`^${bad.replace(/[.]/g, '\\.')}:\\d+:\\d+: `));
  });
});

describe('labmig stats', () => {
  it('delegates to the statistics engine', async () => {
    const run = await sandbox.run(['stats', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(0);
  });
});
