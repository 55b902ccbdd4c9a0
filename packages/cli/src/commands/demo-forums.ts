import type { App } from '@labmig/core/app';
import { listForums, replyToThread, setThreadPinned, startThread } from '@labmig/core/forums';
import { createGroup, listGroups, placeLearner, setGroupTutor } from '@labmig/core/groups';
import { askQuestion } from '@labmig/core/support';
import { actorOf } from '@labmig/core/accounts';
import { findUserByEmail } from '@labmig/db';

/** The demo people by role, as `labmig demo` creates them. */
export interface DemoPeople {
  readonly manager: string;
  readonly tutor: string;
  readonly learners: readonly [string, string, string];
}

/**
 * Gives the demo cohort a living forum: two groups with their tutor, a pinned announcement, a general discussion
 * with replies, an answer to the module 1 prompt, a Q&A question, a group discussion and a question waiting at the
 * live support desk. Does nothing when the
 * cohort already has groups (the demo is run again). Returns whether it added anything.
 */
export async function seedDemoForums(app: App, cohortId: string, people: DemoPeople): Promise<boolean> {
  if ((await listGroups(app.db, cohortId)).length > 0) return false;
  const actor = async (email: string) => actorOf((await findUserByEmail(app.db, email))!);
  const manager = await actor(people.manager);
  const tutor = await actor(people.tutor);
  const [lina, kofi, sofia] = await Promise.all(people.learners.map(actor));
  const { groupId: west } = await createGroup(app, manager, cohortId, { name: 'Africa and the Middle East' });
  const { groupId: east } = await createGroup(app, manager, cohortId, { name: 'Asia and the Pacific' });
  for (const g of [west, east])
    await setGroupTutor(app, manager, cohortId, { groupId: g, tutorUserId: tutor.userId });
  await placeLearner(app, manager, cohortId, { userId: lina!.userId, groupId: west });
  await placeLearner(app, manager, cohortId, { userId: kofi!.userId, groupId: west });
  await placeLearner(app, manager, cohortId, { userId: sofia!.userId, groupId: east });

  const forums = (await listForums(app, manager, cohortId, 'en')).forums;
  const id = (pick: (f: (typeof forums)[number]) => boolean) => forums.find(pick)!.id;
  const start = async (who: typeof manager, forumId: string, title: string, body: string) =>
    (await startThread(app, who, cohortId, { forumId, title, body })).threadId;
  const reply = (who: typeof manager, threadId: string, body: string) =>
    replyToThread(app, who, cohortId, { threadId, body });

  const welcome = await start(
    manager,
    id((f) => f.kind === 'announcements'),
    'Welcome to the demo cohort',
    [
      'Welcome! Week 1 is open: start with **module 1**, then answer its prompt in the module forum.',
      '',
      '- Weekly assessments close on the last day of each week.',
      '- Your group has a private forum for the group exercise of week 4.',
      '- Questions about the platform go to the general discussion.',
    ].join('\n'),
  );
  await setThreadPinned(app, manager, cohortId, { threadId: welcome, on: '1' });

  const sources = await start(
    lina!,
    id((f) => f.kind === 'general'),
    'Which survey asks country of birth in your country?',
    'In Jordan the labour force survey asks **citizenship** but not country of birth. Does yours ask both?',
  );
  await reply(
    kofi!,
    sources,
    'Ghana’s LFS asks both, and the census too. Country of birth is easier to compare across countries.',
  );
  await reply(
    tutor,
    sources,
    'Good question. The 2018 ICLS Guidelines use both: country of birth for the foreign-born, citizenship for foreign citizens. Module 2 shows how to apply them person by person.',
  );

  const prompt = await start(
    kofi!,
    id((f) => f.module?.number === 1),
    'Ghana: the LFS and the census',
    'Our main source is the quarterly LFS (latest reference year 2023). We can publish the participation rate for migrants and non-migrants; the unemployment rate for migrants has too few cases by region.',
  );
  await reply(
    sofia!,
    prompt,
    'Same problem in the Philippines for foreign workers: we pool four quarters to get a usable sample.',
  );

  const question = await start(
    tutor,
    id((f) => f.kind === 'qa'),
    'Is a seasonal worker who stays four months an international migrant worker?',
    'Answer with the usual-residence rule of module 2; you will see the others’ answers after posting yours.',
  );
  await reply(
    sofia!,
    question,
    'Not a resident one: four months is below the usual-residence threshold, so a non-resident foreign worker.',
  );

  await start(
    lina!,
    id((f) => f.group?.id === west),
    'Our country for the coherence matrix',
    'Shall we take Ghana? Kofi knows the employment strategy and the labour migration policy well.',
  );
  await askQuestion(app, sofia!, cohortId, {
    body: 'Our labour force survey has no question on the reason for migrating. Can we still identify migrant workers, or do we need another source?',
  });
  return true;
}
