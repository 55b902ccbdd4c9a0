import type { CohortRow, CourseRow } from '@labmig/db';
import { z } from 'zod';
import { parseStoredJson } from '../shared/stored-json.ts';
import { DEFAULT_COMPLETION_RULE, type CompletionRule } from './completion.rules.ts';
import type { AchievementInput } from './open-badge.build.ts';
import type { CertificateLocale } from './certificate-pdf.texts.ts';
import { achievementUrl } from './certificate-urls.ts';

// Only what certificates read of a stored course definition (the importer validated the whole of it).
const storedCourse = z.object({
  slug: z.string(),
  title: z.string(),
  learningHours: z.number().optional(),
  fr: z.object({ title: z.string().optional() }).optional(),
  assessment: z
    .object({
      certificate: z.object({
        name: z.string(),
        rule: z.string(),
        requires: z
          .object({ weeklyAssessments: z.enum(['all', 'none']), finalAssignment: z.boolean() })
          .optional(),
        fr: z.object({ name: z.string(), rule: z.string() }).optional(),
      }),
    })
    .optional(),
});

/** What a course says about its certificate, in one language. */
export interface CourseCertificate {
  readonly slug: string;
  readonly courseTitle: string;
  readonly learningHours: number | null;
  readonly certificateName: string;
  readonly ruleText: string;
  readonly rule: CompletionRule;
}

const DEFAULTS = {
  en: {
    name: 'Certificate of Achievement',
    rule: 'Awarded to participants who successfully complete all the weekly knowledge assessments and the final assignment.',
  },
  fr: {
    name: 'Certificat de réussite',
    rule: 'Délivré aux participants qui réussissent toutes les évaluations hebdomadaires et le devoir final.',
  },
} as const;

/** The certificate of a course as stored, in `locale` (English where no French text is given). */
export function courseCertificateOf(course: CourseRow, locale: CertificateLocale): CourseCertificate {
  const def = parseStoredJson(storedCourse, course.definition, `definition of course ${course.slug}`);
  const cert = def.assessment?.certificate;
  const fr = locale === 'fr';
  return {
    slug: def.slug,
    courseTitle: (fr && def.fr?.title) || def.title,
    learningHours: def.learningHours ?? null,
    certificateName: (fr ? cert?.fr?.name : cert?.name) ?? DEFAULTS[locale].name,
    ruleText: (fr ? cert?.fr?.rule : cert?.rule) ?? DEFAULTS[locale].rule,
    rule: cert?.requires ?? DEFAULT_COMPLETION_RULE,
  };
}

/** The language a cohort's certificates are issued in (its teaching language when supported, else English). */
export function cohortLocale(cohort: CohortRow): CertificateLocale {
  return cohort.language === 'fr' ? 'fr' : 'en';
}

/** The Open Badges achievement of a course's certificate. */
export function courseAchievement(
  origin: string,
  course: CourseCertificate,
  locale: CertificateLocale,
): AchievementInput {
  const hours = course.learningHours;
  return {
    id: achievementUrl(origin, 'certificate', course.slug),
    kind: 'certificate',
    name: `${course.certificateName} — ${course.courseTitle}`,
    description:
      locale === 'fr'
        ? `Délivré pour le cours en ligne «\u202f${course.courseTitle}\u202f»${hours ? ` (${hours} heures d’apprentissage)` : ''}.`
        : `Awarded for the online course “${course.courseTitle}”${hours ? ` (${hours} learning hours)` : ''}.`,
    criteria: course.ruleText,
    inLanguage: locale,
  };
}
