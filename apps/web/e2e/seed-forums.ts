// Seed data for the forum browser tests, called by seed.ts: one cohort per Playwright project (so the two projects
// never see each other's posts), with two groups, their tutors, and discussions in every kind of forum.
import { createCohort, enrolUser } from '@labmig/core/cohorts';
import type { App } from '@labmig/core/app';
import {
  listForums,
  replyToThread,
  setForumGroupMode,
  setThreadPinned,
  startThread,
} from '@labmig/core/forums';
import { createGroup, placeLearner, setGroupTutor } from '@labmig/core/groups';
import { actorByEmail } from '@labmig/core/testing';
import type { SeedBase } from './seed-base.ts';
import type { Account } from './state.ts';

/** One project's forum world. */
export interface ForumSeed {
  readonly cohortId: string;
  readonly cohortTitle: string;
  /** a1, a2: group A; b1: group B; tutorA tutors A, tutorB tutors B. */
  readonly people: Readonly<Record<'a1' | 'a2' | 'b1' | 'tutorA' | 'tutorB' | 'manager', Account>>;
  readonly groups: { readonly a: string; readonly b: string };
  readonly forums: Readonly<
    Record<'announcements' | 'general' | 'qa' | 'module1' | 'groupA' | 'groupB', string>
  >;
  readonly threads: {
    /** Q&A question of tutor A, answered by b1 (a1 must answer before seeing it). */
    readonly question: string;
    readonly questionTitle: string;
    readonly answerOfB1: string;
    /** A general discussion of a2 with a reply of b1; tutors pin and lock it. */
    readonly general: string;
    readonly generalTitle: string;
    /** A discussion for the live-update test: a1 and a2 both open it. */
    readonly live: string;
    /** A discussion where a refused draft is tried (nobody locks it). */
    readonly drafts: string;
    /** Group B's private discussion, and a group-B thread of the separate-groups module forum. */
    readonly groupB: string;
    readonly separateB: string;
    /** The word every group-B post carries, for the search test. */
    readonly secretWord: string;
  };
}

/** What the forum specs read from state.json (`forums`), per project. */
export type ForumsState = Readonly<Record<'js' | 'no-js', ForumSeed>>;

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function seedProject(app: App, base: SeedBase, project: 'js' | 'no-js'): Promise<ForumSeed> {
  const cohortTitle = `Forum cohort (${project})`;
  const cohort = await createCohort(app, {
    courseSlug: base.slug,
    title: cohortTitle,
    startsOn: day(-9),
    endsOn: day(33),
    capacity: 100,
  });
  const who = async (key: string, name: string, role: 'learner' | 'tutor' | 'manager') => {
    const account = await base.person(`forum-${project}-${key}@e2e.test`, name);
    await enrolUser(app, { cohortId: cohort.id, email: account.email, role });
    return account;
  };
  const people = {
    a1: await who('a1', 'Aïcha Diallo', 'learner'),
    a2: await who('a2', 'Arjun Mehta', 'learner'),
    b1: await who('b1', 'Bea Santos', 'learner'),
    tutorA: await who('tutor-a', 'Tomás Ruiz', 'tutor'),
    tutorB: await who('tutor-b', 'Tina Okafor', 'tutor'),
    manager: await who('manager', 'Mina Haddad', 'manager'),
  };
  const actor = (a: Account) => actorByEmail(app.db, a.email);
  const manager = await actor(people.manager);
  const { groupId: a } = await createGroup(app, manager, cohort.id, { name: 'Sahel' });
  const { groupId: b } = await createGroup(app, manager, cohort.id, { name: 'Mekong' });
  await setGroupTutor(app, manager, cohort.id, {
    groupId: a,
    tutorUserId: (await actor(people.tutorA)).userId,
  });
  await setGroupTutor(app, manager, cohort.id, {
    groupId: b,
    tutorUserId: (await actor(people.tutorB)).userId,
  });
  for (const [p, g] of [
    [people.a1, a],
    [people.a2, a],
    [people.b1, b],
  ] as const)
    await placeLearner(app, manager, cohort.id, { userId: (await actor(p)).userId, groupId: g });
  const index = await listForums(app, manager, cohort.id, 'en');
  const forumOf = (pick: (f: (typeof index.forums)[number]) => boolean) => index.forums.find(pick)!.id;
  const forums = {
    announcements: forumOf((f) => f.kind === 'announcements'),
    general: forumOf((f) => f.kind === 'general'),
    qa: forumOf((f) => f.kind === 'qa'),
    module1: forumOf((f) => f.module?.number === 1),
    groupA: forumOf((f) => f.group?.id === a),
    groupB: forumOf((f) => f.group?.id === b),
  };
  const post = async (by: Account, forumId: string, title: string, body: string) =>
    (await startThread(app, await actor(by), cohort.id, { forumId, title, body })).threadId;
  const reply = async (by: Account, threadId: string, body: string) =>
    (await replyToThread(app, await actor(by), cohort.id, { threadId, body })).postId;

  const welcome = await post(
    people.manager,
    forums.announcements,
    'Welcome to the cohort',
    'Week 1 is open. Start with the **overview** and post in your module forum.',
  );
  await setThreadPinned(app, manager, cohort.id, { threadId: welcome, on: '1' });
  const questionTitle = 'In your words: who is an international migrant worker?';
  const question = await post(
    people.tutorA,
    forums.qa,
    questionTitle,
    'Answer in two or three sentences, then compare.',
  );
  const answerOfB1 =
    'Someone who usually resides in the country and works there, whatever the purpose of migrating.';
  await reply(people.b1, question, answerOfB1);
  const generalTitle = 'How does your LFS identify migrants?';
  const general = await post(
    people.a2,
    forums.general,
    generalTitle,
    'Ours asks the **country of birth** and citizenship.',
  );
  await reply(people.b1, general, 'Ours only asks citizenship; we plan to add country of birth.');
  const drafts = await post(
    people.a1,
    forums.general,
    'Sources for the week 2 exercise',
    'Which table did you use?',
  );
  const live = await post(
    people.a1,
    forums.general,
    'Live: share your country figure',
    'Post your figure here.',
  );
  const secretWord = `okapi${project.replace('-', '')}`;
  const groupB = await post(
    people.b1,
    forums.groupB,
    'Mekong group plan',
    `Our private plan: ${secretWord} first.`,
  );
  await setForumGroupMode(app, manager, cohort.id, { forumId: forums.module1, mode: 'separate' });
  const separateB = await post(
    people.b1,
    forums.module1,
    'Mekong sources',
    `Registers in our region, ${secretWord}.`,
  );
  await post(people.a2, forums.groupA, 'Sahel group plan', 'Who scores the matrix?');
  return {
    cohortId: cohort.id,
    cohortTitle,
    people,
    groups: { a, b },
    forums,
    threads: {
      question,
      questionTitle,
      answerOfB1,
      general,
      generalTitle,
      live,
      drafts,
      groupB,
      separateB,
      secretWord,
    },
  };
}

/** Seeds one forum world per Playwright project. */
export async function seedForums(app: App, base: SeedBase): Promise<ForumsState> {
  return { js: await seedProject(app, base, 'js'), 'no-js': await seedProject(app, base, 'no-js') };
}
