import { findCourseBySlug, type Database, type Kysely, type ProgrammeRow } from '@labmig/db';
import { z } from 'zod';
import type { Programme } from '../content/programme.types.ts';
import { parseStoredJson } from '../shared/stored-json.ts';
import { courseCertificateOf } from './certificate-course.ts';
import type { CertificateLocale } from './certificate-pdf.texts.ts';
import { achievementUrl } from './certificate-urls.ts';
import type { AchievementInput } from './open-badge.build.ts';

const role = z.enum(['required', 'elective']);
const storedProgramme = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  note: z.string().nullable(),
  fr: z.object({ title: z.string().nullable(), summary: z.string().nullable(), note: z.string().nullable() }),
  courses: z.array(
    z.union([
      z.object({ key: z.string(), role, offered: z.literal(true) }),
      z.object({
        key: z.string(),
        role,
        offered: z.literal(false),
        title: z.string(),
        frTitle: z.string().nullable(),
      }),
    ]),
  ),
  electivesNeeded: z.number().int().min(0),
});

/** A stored programme, checked against its schema. */
export function programmeOf(row: ProgrammeRow): Programme {
  return parseStoredJson(storedProgramme, row.definition, `definition of programme ${row.slug}`);
}

/** A programme's texts in one language (English where no French is given), with every course's title. */
export interface ProgrammeTexts {
  readonly title: string;
  readonly summary: string;
  readonly note: string | null;
  /** Course title by course key (slug, or the id of a course not offered yet). */
  readonly courseTitles: ReadonlyMap<string, string>;
}

/** The texts of a programme in `locale`; the titles of offered courses come from their stored course.yaml. */
export async function programmeTexts(
  db: Kysely<Database>,
  programme: Programme,
  locale: CertificateLocale,
): Promise<ProgrammeTexts> {
  const fr = locale === 'fr';
  const courseTitles = new Map<string, string>();
  for (const c of programme.courses) {
    if (!c.offered) {
      courseTitles.set(c.key, (fr && c.frTitle) || c.title);
      continue;
    }
    const course = await findCourseBySlug(db, c.key);
    courseTitles.set(c.key, course ? courseCertificateOf(course, locale).courseTitle : c.key);
  }
  return {
    title: (fr && programme.fr.title) || programme.title,
    summary: (fr && programme.fr.summary) || programme.summary,
    note: (fr ? (programme.fr.note ?? programme.note) : programme.note) ?? null,
    courseTitles,
  };
}

const NNBSP = '\u202f';

/**
 * The programme rule in plain words, for the diploma's `criteria.narrative` (the same for everyone who earns it).
 * @example diplomaCriteria(p, texts, 'en')
 * // 'Awarded when the learner holds a valid Certificate of Achievement of every required course (“A”) and of at
 * //  least 1 elective course of the programme.'
 */
export function diplomaCriteria(
  programme: Programme,
  texts: ProgrammeTexts,
  locale: CertificateLocale,
): string {
  const required = programme.courses
    .filter((c) => c.role === 'required')
    .map((c) => texts.courseTitles.get(c.key));
  const n = programme.electivesNeeded;
  if (locale === 'fr') {
    const quoted = required.map((t) => `«${NNBSP}${t}${NNBSP}»`).join(', ');
    const parts = [
      required.length > 0 ? `pour chaque cours obligatoire (${quoted})` : '',
      n > 0 ? `pour au moins ${n}${NNBSP}cours optionnel${n > 1 ? 's' : ''} du programme` : '',
    ].filter(Boolean);
    return `Délivré lorsque la personne détient un certificat de réussite valide ${parts.join(' et ')}.`;
  }
  const quoted = required.map((t) => `“${t}”`).join(', ');
  const parts = [
    required.length > 0 ? `of every required course (${quoted})` : '',
    n > 0 ? `of at least ${n} elective course${n > 1 ? 's' : ''} of the programme` : '',
  ].filter(Boolean);
  return `Awarded when the learner holds a valid Certificate of Achievement ${parts.join(' and ')}.`;
}

/** The Open Badges achievement of a programme's diploma. */
export function diplomaAchievement(
  origin: string,
  programme: Programme,
  texts: ProgrammeTexts,
  locale: CertificateLocale,
): AchievementInput {
  return {
    id: achievementUrl(origin, 'diploma', programme.slug),
    kind: 'diploma',
    name: texts.title,
    description: texts.summary,
    criteria: diplomaCriteria(programme, texts, locale),
    inLanguage: locale,
  };
}
