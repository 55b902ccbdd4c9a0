// Certificates of Achievement and diplomas: what was issued (the signed credential as signed), revocations and the
// signed revocation lists.

/** What a row certifies: one course edition (cohort) or a programme (the Diploma). */
export type CertificateKind = 'certificate' | 'diploma';

/**
 * One issued certificate or diploma. Never deleted: a revoked one stays (its code and status-list slot are never
 * reused). One per person per cohort (`certificates_user_cohort_uq`) and per person per programme
 * (`certificates_user_programme_uq`).
 */
export interface CertificateTable {
  id: string;
  /** `LM-2026-7K3Q-9XP2`: unique, printed on the PDF, in the verify URL. */
  code: string;
  kind: CertificateKind;
  /** The cohort for a course certificate; null for a diploma. */
  cohort_id: string | null;
  /** The programme slug for a diploma; null for a course certificate. */
  programme_slug: string | null;
  user_id: string;
  /** The name as printed and signed (NFC). */
  recipient_name: string;
  /** `en` or `fr`: the language of the PDF and of the achievement texts. */
  locale: string;
  /** Position in the revocation lists, 0, 1, 2 … (list = ⌊sequence / bits⌋ + 1, index = the rest). */
  sequence: number;
  status_list: number;
  status_index: number;
  /** The Open Badges 3.0 credential, exactly the text that was signed (served byte for byte). */
  credential: string;
  issued_at: string;
  /** The manager who issued it as an exception (null: the completion rule, or the operator's CLI). */
  issued_by: string | null;
  /** Set for every exception (web form or CLI); null when the completion rule issued it. */
  issue_reason: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

/** The newest signed text of one revocation list (re-signed on every revocation). */
export interface CertificateStatusListTable {
  list: number;
  credential: string;
  updated_at: string;
}

/**
 * One row per counter (`certificates`): the next status-list sequence. Issuing and revoking update it first, which
 * serialises them (a row lock on PostgreSQL, the write lock on SQLite).
 */
export interface CertificateCounterTable {
  name: string;
  next_value: number;
}

/** The certificate tables. */
export interface CertificatesTables {
  certificates: CertificateTable;
  certificate_status_lists: CertificateStatusListTable;
  certificate_counters: CertificateCounterTable;
}
