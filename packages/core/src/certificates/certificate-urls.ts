/** The public addresses of one certificate or diploma. */
export interface CertificateUrls {
  /** The page anyone opens to check the code (the QR code points here). */
  readonly verifyUrl: string;
  /** The signed Open Badges credential (JSON-LD); also the credential's `id`. */
  readonly credentialUrl: string;
  /** The printable PDF. */
  readonly pdfUrl: string;
}

const trim = (origin: string): string => origin.replace(/\/+$/, '');

/**
 * Where a certificate lives on the site. One place for the layout, so the credential, the PDF's QR code and the
 * web routes cannot disagree.
 * @example certificateUrls('http://127.0.0.1:3000', 'LM-2026-7K3Q-9XPA').verifyUrl
 * // 'http://127.0.0.1:3000/verify/LM-2026-7K3Q-9XPA'
 */
export function certificateUrls(origin: string, code: string): CertificateUrls {
  const base = trim(origin);
  const safe = encodeURIComponent(code);
  return {
    verifyUrl: `${base}/verify/${safe}`,
    credentialUrl: `${base}/credentials/${safe}`,
    pdfUrl: `${base}/credentials/${safe}/pdf`,
  };
}

/**
 * The public URL of revocation list number `list` (1-based).
 * @example statusListUrl('http://127.0.0.1:3000', 1) // 'http://127.0.0.1:3000/credentials/status/1'
 */
export function statusListUrl(origin: string, list: number): string {
  if (!Number.isInteger(list) || list < 1)
    throw new RangeError(`statusListUrl: list must be ≥ 1 (got ${list})`);
  return `${trim(origin)}/credentials/status/${list}`;
}

/**
 * The URL that stands for an achievement (the `achievement.id` shared by everyone who earns it): a course's
 * certificate or a programme's diploma.
 * @example achievementUrl('http://127.0.0.1:3000', 'certificate', 'measuring-labour-migration')
 * // 'http://127.0.0.1:3000/courses/measuring-labour-migration/certificate'
 */
export function achievementUrl(origin: string, kind: 'certificate' | 'diploma', slug: string): string {
  const base = trim(origin);
  return kind === 'certificate'
    ? `${base}/courses/${encodeURIComponent(slug)}/certificate`
    : `${base}/programmes/${encodeURIComponent(slug)}/diploma`;
}

/** The media type of a credential with an embedded proof (VC Data Model 2.0; registered with IANA in 2024). */
export const CREDENTIAL_MEDIA_TYPE = 'application/vc';

/** The media type of a DID document with a JSON-LD `@context` (DID Core 1.0). */
export const DID_DOCUMENT_MEDIA_TYPE = 'application/did+ld+json';
