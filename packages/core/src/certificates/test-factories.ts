// Factories for the certificate tests (and for the issuance tests built on this folder). Not part of the door.
import { fixedClock } from '../shared/clock.ts';
import { formatCertificateCode } from './certificate-code.rules.ts';
import { achievementUrl, certificateUrls, statusListUrl } from './certificate-urls.ts';
import { createCredentialIssuer, type IssueInput } from './credential-issuer.ts';
import { createMemoryKeyStore } from './issuer-keys.ts';

export const TEST_ORIGIN = 'http://127.0.0.1:3000';
/** A well-formed code (its check symbol holds). */
export const TEST_CODE = formatCertificateCode('LM', 2026, [7, 19, 3, 23, 9, 29, 22]);

/** An issuer on a fixed clock (2026-06-01 10:00 UTC) with keys in memory. */
export function buildTestIssuer(now = '2026-06-01T10:00:00Z') {
  const clock = fixedClock(now);
  const keyStore = createMemoryKeyStore(clock);
  const issuer = createCredentialIssuer({
    origin: TEST_ORIGIN,
    issuerName: 'International Training Centre of the ILO',
    keyStore,
    clock,
  });
  return { issuer, clock, keyStore };
}

/** One learner's certificate input; override any part. */
export function buildIssueInput(
  overrides: Partial<IssueInput> & { name?: string; index?: number } = {},
): IssueInput {
  const { name = 'Tomás Ñúñez', index = 7, ...rest } = overrides;
  return {
    id: certificateUrls(TEST_ORIGIN, TEST_CODE).credentialUrl,
    recipient: { name, email: 'tomas@example.org', emailSalt: 'c0ffee' },
    achievement: {
      id: achievementUrl(TEST_ORIGIN, 'certificate', 'measuring-labour-migration'),
      kind: 'certificate',
      name: 'Certificate of Achievement — Measuring and Analyzing Labour Migration',
      description: 'Awarded for completing the six-week online course (60 learning hours).',
      criteria: 'Passed every weekly knowledge assessment and the final assignment.',
      inLanguage: 'en',
      fieldOfStudy: 'Labour migration statistics',
    },
    activity: { startDate: '2026-03-02', endDate: '2026-04-10' },
    status: {
      statusListCredential: statusListUrl(TEST_ORIGIN, 1),
      statusListIndex: index,
      statusPurpose: 'revocation',
    },
    ...rest,
  };
}
