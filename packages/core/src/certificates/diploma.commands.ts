import {
  findProgrammeCertificate,
  findUserById,
  listDiplomaCandidates,
  listEarnedCourseSlugs,
  listProgrammes,
  type CertificateRow,
} from '@labmig/db';
import type { App } from '../app/app.ts';
import type { CertificateLocale } from './certificate-pdf.texts.ts';
import { issueOnce } from './certificate-issue.ts';
import type { CertificateServices } from './certificate-services.ts';
import { diplomaAchievement, programmeOf, programmeTexts } from './programme-diploma.ts';
import { evaluateProgramme } from './programme.rules.ts';

/**
 * Issues every diploma a person has earned and does not have yet (a revoked one counts as had: never issued
 * again): for each programme whose rule their valid certificates meet. Returns the diplomas issued now. Safe to
 * run from several processes at once (`issueOnce`: one per person per programme).
 */
export async function issueEarnedDiplomas(
  app: App,
  services: CertificateServices,
  userId: string,
): Promise<readonly CertificateRow[]> {
  const programmes = await listProgrammes(app.db);
  if (programmes.length === 0) return [];
  const earned = new Set(await listEarnedCourseSlugs(app.db, userId));
  const issued: CertificateRow[] = [];
  for (const row of programmes) {
    const programme = programmeOf(row);
    if (!evaluateProgramme(programme, earned).met) continue;
    if (await findProgrammeCertificate(app.db, programme.slug, userId)) continue;
    const user = await findUserById(app.db, userId);
    if (!user) continue;
    const locale: CertificateLocale = user.locale === 'fr' ? 'fr' : 'en';
    const texts = await programmeTexts(app.db, programme, locale);
    const result = await issueOnce(
      app,
      services,
      {
        kind: 'diploma',
        cohortId: null,
        programmeSlug: programme.slug,
        achievement: diplomaAchievement(services.origin, programme, texts, locale),
        locale,
      },
      { userId, name: user.name, email: user.email },
      null,
    );
    if (result.created) {
      issued.push(result.row);
      app.logger.info('diploma issued', { programme: programme.slug, code: result.row.code });
    }
  }
  return issued;
}

/**
 * The recurring sweep: for every programme, the people with a valid certificate of one of its courses and no
 * diploma of it, and issues those who meet the rule (diplomas whose last certificate was issued while the issuing
 * process failed, or programmes imported after the certificates). Returns how many were issued now.
 */
export async function issueAllEarnedDiplomas(app: App, services: CertificateServices): Promise<number> {
  let issued = 0;
  const seen = new Set<string>();
  for (const row of await listProgrammes(app.db)) {
    const programme = programmeOf(row);
    const offered = programme.courses.filter((c) => c.offered).map((c) => c.key);
    // A programme nobody can complete with the courses offered here (the Diploma today) costs nothing.
    if (!evaluateProgramme(programme, new Set(offered)).met) continue;
    for (const userId of await listDiplomaCandidates(app.db, row.slug, offered)) {
      if (seen.has(userId)) continue;
      seen.add(userId);
      issued += (await issueEarnedDiplomas(app, services, userId)).length;
    }
  }
  return issued;
}

/**
 * Called after a course certificate was issued: issues the diplomas it completes. A failure here never undoes the
 * certificate (already committed); it is logged and the recurring job issues the diploma later.
 */
export async function issueDiplomasAfterCertificate(
  app: App,
  services: CertificateServices,
  userId: string,
): Promise<void> {
  try {
    await issueEarnedDiplomas(app, services, userId);
  } catch (error) {
    app.logger.warn('diploma issuance failed; the certificates job will retry', {
      userId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
