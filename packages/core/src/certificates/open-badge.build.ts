import { createHash } from 'node:crypto';
import { OPEN_BADGE_CONTEXT } from './json-ld-contexts.ts';
import type { StatusListEntry } from './status-list.ts';

/** What is certified: the course's Certificate of Achievement or the programme's Diploma. */
export type AchievementKind = 'certificate' | 'diploma';

/** Open Badges `achievementType` of each kind (values from the OB 3.0 AchievementType vocabulary). */
export const ACHIEVEMENT_TYPES: Readonly<Record<AchievementKind, string>> = {
  certificate: 'Certificate',
  diploma: 'Diploma',
};

/** The achievement as Open Badges describes it: the same for every learner who earns it. */
export interface AchievementInput {
  /** A URL that stands for the achievement (e.g. `<origin>/courses/<slug>/certificate`). */
  readonly id: string;
  readonly kind: AchievementKind;
  readonly name: string;
  readonly description: string;
  /** How it is earned, in plain words (`criteria.narrative`). */
  readonly criteria: string;
  /** BCP 47 language of the texts (`en`, `fr`). */
  readonly inLanguage: string;
  readonly fieldOfStudy?: string;
}

/** Everything that makes one learner's credential. */
export interface AchievementCredentialInput {
  /** The public URL of this credential (its JSON-LD `id`). */
  readonly id: string;
  readonly issuer: { readonly did: string; readonly name: string; readonly url?: string };
  readonly recipient: {
    readonly name: string;
    /** When given, the credential carries a salted SHA-256 of the address so a verifier can match the holder. */
    readonly email?: string;
    readonly emailSalt?: string;
  };
  readonly achievement: AchievementInput;
  /** The edition's first and last day (`YYYY-MM-DD`), when the achievement is tied to one. */
  readonly activity?: { readonly startDate: string; readonly endDate: string };
  /** When it was awarded; also `validFrom`. */
  readonly awardedAt: Date;
  readonly status: StatusListEntry;
}

/** An Open Badges 3.0 `OpenBadgeCredential` before it is signed. */
export type UnsignedCredential = Readonly<Record<string, unknown>> & {
  readonly '@context': readonly string[];
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Builds the unsigned `OpenBadgeCredential` (W3C VC Data Model 2.0, Open Badges 3.0.3) for one learner. Every
 * property is defined by the two contexts, so JSON-LD safe mode accepts it. Texts are put in Unicode NFC once,
 * here; after signing nothing may normalise them again. Throws TypeError/RangeError on bad input.
 */
export function buildAchievementCredential(input: AchievementCredentialInput): UnsignedCredential {
  const { achievement, recipient, issuer } = input;
  const text = (value: string, name: string): string => {
    const normalised = value.normalize('NFC').trim();
    if (normalised === '') throw new RangeError(`buildAchievementCredential: ${name} must not be empty`);
    return normalised;
  };
  if (Number.isNaN(input.awardedAt.getTime()))
    throw new RangeError('buildAchievementCredential: awardedAt is not a valid date');
  if (input.activity && !(DATE.test(input.activity.startDate) && DATE.test(input.activity.endDate)))
    throw new RangeError('buildAchievementCredential: activity dates must be YYYY-MM-DD');
  const awarded = xsdDateTime(input.awardedAt);
  const subject: Record<string, unknown> = {
    type: ['AchievementSubject'],
    name: text(recipient.name, 'recipient.name'),
    identifier: [
      {
        type: 'IdentityObject',
        identityHash: text(recipient.name, 'recipient.name'),
        identityType: 'name',
        hashed: false,
      },
      ...(recipient.email ? [hashedEmail(recipient.email, recipient.emailSalt ?? '')] : []),
    ],
    achievement: {
      id: achievement.id,
      type: ['Achievement'],
      achievementType: ACHIEVEMENT_TYPES[achievement.kind],
      name: text(achievement.name, 'achievement.name'),
      description: text(achievement.description, 'achievement.description'),
      criteria: { narrative: text(achievement.criteria, 'achievement.criteria') },
      ...(achievement.fieldOfStudy ? { fieldOfStudy: text(achievement.fieldOfStudy, 'fieldOfStudy') } : {}),
      inLanguage: achievement.inLanguage,
    },
    ...(input.activity
      ? { activityStartDate: input.activity.startDate, activityEndDate: input.activity.endDate }
      : {}),
  };
  return {
    '@context': [...OPEN_BADGE_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: text(achievement.name, 'achievement.name'),
    issuer: {
      id: issuer.did,
      type: ['Profile'],
      name: text(issuer.name, 'issuer.name'),
      ...(issuer.url ? { url: issuer.url } : {}),
    },
    validFrom: awarded,
    awardedDate: awarded,
    credentialSubject: subject,
    credentialStatus: {
      id: `${input.status.statusListCredential}#${input.status.statusListIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: input.status.statusPurpose,
      statusListIndex: String(input.status.statusListIndex),
      statusListCredential: input.status.statusListCredential,
    },
  };
}

/** An XSD dateTimeStamp without milliseconds, in UTC: `2026-05-01T09:30:00Z`. */
export function xsdDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The Open Badges hashed email identity: `sha256$` + hex(SHA-256(lower-cased address + salt)). */
function hashedEmail(email: string, salt: string): Record<string, unknown> {
  const hash = createHash('sha256')
    .update(email.trim().toLowerCase() + salt)
    .digest('hex');
  return {
    type: 'IdentityObject',
    identityHash: `sha256$${hash}`,
    identityType: 'emailAddress',
    hashed: true,
    ...(salt ? { salt } : {}),
  };
}
