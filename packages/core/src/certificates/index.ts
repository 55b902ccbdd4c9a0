// The libraries below ship no TypeScript types; vendor.d.ts declares what this folder uses. The reference carries
// those declarations into every program that imports this door (the web app's svelte-check included).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- see above
/// <reference path="./vendor.d.ts" />
// The public API of the certificates feature: Open Badges 3.0 credentials, their signature, revocation lists, the
// issuer's DID and keys, the printable PDF and the offline verifier. See README.md in this folder.

// Certificate codes
export {
  CODE_ALPHABET,
  createCertificateCode,
  createUnusedCertificateCode,
  formatCertificateCode,
  parseCertificateCode,
  type CodeProblem,
  type ParsedCode,
} from './certificate-code.rules.ts';
export {
  achievementUrl,
  certificateUrls,
  CREDENTIAL_MEDIA_TYPE,
  DID_DOCUMENT_MEDIA_TYPE,
  statusListUrl,
  type CertificateUrls,
} from './certificate-urls.ts';

// Credentials
export {
  ACHIEVEMENT_TYPES,
  buildAchievementCredential,
  xsdDateTime,
  type AchievementCredentialInput,
  type AchievementInput,
  type AchievementKind,
  type UnsignedCredential,
} from './open-badge.build.ts';
export { signCredential, type SignedCredential } from './credential.sign.ts';
export {
  verifyCredential,
  type CredentialSummary,
  type RevocationState,
  type VerificationCode,
  type VerificationResult,
  type VerifyOptions,
} from './credential.verify.ts';
export {
  createCredentialIssuer,
  type CredentialIssuer,
  type CredentialIssuerOptions,
  type IssueInput,
} from './credential-issuer.ts';
export { createDocumentLoader, LoaderRefusal, type OfflineDocuments } from './document-loader.ts';
export { BUNDLED_CONTEXTS, OPEN_BADGE_CONTEXT, OB_V3_CONTEXT, VC_V2_CONTEXT } from './json-ld-contexts.ts';

// Revocation
export {
  buildStatusListCredential,
  encodeRevocationList,
  readStatusBit,
  STATUS_LIST_BITS,
  statusListPosition,
  type StatusListEntry,
  type StatusListPosition,
} from './status-list.ts';

// Issuer identity and keys
export {
  buildDidDocument,
  didDocumentPath,
  didWebFromOrigin,
  verificationMethodId,
  type DidDocument,
  type MultikeyMethod,
} from './did-web.ts';
export {
  createMemoryKeyStore,
  IssuerKeyError,
  type IssuerKeyStore,
  type IssuerPublicKey,
  type IssuerSigningKey,
} from './issuer-keys.ts';
export {
  createFileKeyStore,
  DEFAULT_KEYS_DIR,
  readIssuerPublicKeys,
  resolveIssuerKeysDir,
} from './issuer-keys.file.ts';

// The printed certificate
export { renderCertificatePdf, type CertificatePdfInput } from './certificate-pdf.ts';
export {
  CERTIFICATE_TEXTS,
  formatCertificateDate,
  formatDateRange,
  type CertificateLocale,
} from './certificate-pdf.texts.ts';
export { missingCharacters } from './pdf-fonts.ts';

// Issuance: completion rules, the certificates of a cohort, revocation, public checks
export {
  DEFAULT_COMPLETION_RULE,
  evaluateCompletion,
  type AssignmentStanding,
  type Completion,
  type CompletionRule,
  type CompletionState,
  type MissingItem,
  type QuizStanding,
} from './completion.rules.ts';
export {
  certificateServicesOf,
  createCertificateServices,
  siteOrigin,
  type CertificateServices,
} from './certificate-services.ts';
export { CERTIFICATE_LIMITS, issueExceptionSchema, revokeSchema } from './certificate.schema.ts';
export {
  claimEarnedCertificate,
  issueCertificateByOperator,
  issueCertificateException,
  issueEarnedCertificates,
  revokeCertificate,
  revokeCertificateByOperator,
  type IssuedCertificateDto,
  type RevokedCertificateDto,
} from './certificate.commands.ts';
export {
  checkCertificateCode,
  getCertificatePdf,
  getCredentialText,
  getStatusListText,
  listMyCertificates,
  type CodeCheckDto,
  type MyCertificateDto,
} from './certificate.queries.ts';
export {
  getCompletionReport,
  getMyCompletion,
  type CompletionReportDto,
  type CompletionReportRowDto,
  type MyCompletionDto,
} from './completion-view.queries.ts';
export {
  completionReportToCsv,
  completionReportToXlsx,
  completionReportCells,
  COMPLETION_REPORT_COLUMNS,
} from './completion-report-csv.ts';
export { issueAllEarnedDiplomas, issueEarnedDiplomas } from './diploma.commands.ts';
export { evaluateProgramme, type ProgrammeCourseState, type ProgrammeStanding } from './programme.rules.ts';
export { diplomaCriteria, programmeOf, programmeTexts, type ProgrammeTexts } from './programme-diploma.ts';
export {
  getMyProgrammeRecord,
  getProgrammePublic,
  listDiplomas,
  listMyProgrammeRecords,
  type DiplomaListItemDto,
  type ProgrammePublicDto,
  type ProgrammeRecordDto,
  type RecordCertificateDto,
  type RecordCourseDto,
} from './programme-record.queries.ts';
export { issueEarnedCertificatesJob, issueEarnedCertificatesSchedule } from './certificates-issue.job.ts';
