import type { AchievementKind } from './open-badge.build.ts';

/** Languages a certificate can be printed in. */
export type CertificateLocale = 'en' | 'fr';

/** The fixed wording of one kind of document in one language. */
export interface CertificateTexts {
  readonly heading: string;
  readonly lead: string;
  readonly body: string;
  readonly held: (range: string) => string;
  readonly hours: (hours: number) => string;
  readonly coursesLabel: string;
  /** ':' in English, narrow no-break space + ':' in French. */
  readonly colon: string;
  readonly issuedLabel: string;
  readonly codeLabel: string;
  readonly verifyLabel: string;
  readonly credentialNote: string;
}

// French typography: a narrow no-break space (U+202F) before ":" and inside « ».
const NNBSP = '\u202f';

/** Wording of the Certificate of Achievement and the Diploma, in English and French. */
export const CERTIFICATE_TEXTS: Readonly<
  Record<AchievementKind, Readonly<Record<CertificateLocale, CertificateTexts>>>
> = {
  certificate: {
    en: {
      heading: 'Certificate of Achievement',
      lead: 'This is to certify that',
      body: 'has successfully completed all assessments and the final assignment of the online course',
      held: (range) => `held ${range}`,
      hours: (hours) => `${hours} learning hours`,
      coursesLabel: 'Courses completed',
      colon: ':',
      issuedLabel: 'Date of issue',
      codeLabel: 'Certificate no.',
      verifyLabel: 'Verify online',
      credentialNote: 'This certificate is also issued as an Open Badges 3.0 verifiable credential.',
    },
    fr: {
      heading: 'Certificat de réussite',
      lead: 'Le présent certificat atteste que',
      body: 'a réussi toutes les évaluations et le travail final du cours en ligne',
      held: (range) => `qui s’est déroulé ${range}`,
      hours: (hours) => `${hours}${NNBSP}heures d’apprentissage`,
      coursesLabel: 'Cours validés',
      colon: `${NNBSP}:`,
      issuedLabel: 'Date de délivrance',
      codeLabel: 'Certificat n°',
      verifyLabel: 'Vérifier en ligne',
      credentialNote:
        'Ce certificat est également délivré sous forme de justificatif vérifiable Open Badges 3.0.',
    },
  },
  diploma: {
    en: {
      heading: 'Diploma',
      lead: 'This is to certify that',
      body: 'has completed the programme of studies and is awarded the',
      held: (range) => `studied ${range}`,
      hours: (hours) => `${hours} learning hours`,
      coursesLabel: 'Courses completed',
      colon: ':',
      issuedLabel: 'Date of award',
      codeLabel: 'Diploma no.',
      verifyLabel: 'Verify online',
      credentialNote: 'This diploma is also issued as an Open Badges 3.0 verifiable credential.',
    },
    fr: {
      heading: 'Diplôme',
      lead: 'Le présent diplôme atteste que',
      body: 'a achevé le programme d’études et reçoit le',
      held: (range) => `études suivies ${range}`,
      hours: (hours) => `${hours}${NNBSP}heures d’apprentissage`,
      coursesLabel: 'Cours validés',
      colon: `${NNBSP}:`,
      issuedLabel: 'Date d’attribution',
      codeLabel: 'Diplôme n°',
      verifyLabel: 'Vérifier en ligne',
      credentialNote:
        'Ce diplôme est également délivré sous forme de justificatif vérifiable Open Badges 3.0.',
    },
  },
};

const MONTHS: Readonly<Record<CertificateLocale, readonly string[]>> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
};

function parts(date: string): { day: number; month: number; year: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`expected a date as YYYY-MM-DD (got "${date}")`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

const dayText = (day: number, locale: CertificateLocale) =>
  locale === 'fr' && day === 1 ? '1er' : String(day);

/**
 * A calendar date written out as on a certificate (no time zone involved: the date is given as YYYY-MM-DD).
 * @example formatCertificateDate('2026-03-01', 'fr') // '1er mars 2026'
 * @example formatCertificateDate('2026-04-10', 'en') // '10 April 2026'
 */
export function formatCertificateDate(date: string, locale: CertificateLocale): string {
  const { day, month, year } = parts(date);
  return `${dayText(day, locale)} ${MONTHS[locale][month - 1]} ${year}`;
}

/**
 * A span of dates with what the two ends share said once.
 * @example formatDateRange('2026-03-02', '2026-04-10', 'en') // 'from 2 March to 10 April 2026'
 * @example formatDateRange('2026-03-02', '2026-03-20', 'fr') // 'du 2 au 20 mars 2026'
 * @example formatDateRange('2025-10-26', '2026-01-04', 'fr') // 'du 26 octobre 2025 au 4 janvier 2026'
 */
export function formatDateRange(start: string, end: string, locale: CertificateLocale): string {
  const a = parts(start);
  const b = parts(end);
  const [from, to] = locale === 'fr' ? ['du', 'au'] : ['from', 'to'];
  const month = (m: number) => MONTHS[locale][m - 1];
  if (a.year !== b.year)
    return `${from} ${formatCertificateDate(start, locale)} ${to} ${formatCertificateDate(end, locale)}`;
  if (a.month !== b.month)
    return `${from} ${dayText(a.day, locale)} ${month(a.month)} ${to} ${dayText(b.day, locale)} ${month(b.month)} ${b.year}`;
  return `${from} ${dayText(a.day, locale)} ${to} ${dayText(b.day, locale)} ${month(b.month)} ${b.year}`;
}
