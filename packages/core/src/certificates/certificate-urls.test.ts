import { describe, expect, it } from 'vitest';
import { achievementUrl, certificateUrls, statusListUrl } from './certificate-urls.ts';

describe('certificate addresses', () => {
  it('put the verify page, the credential and the PDF under the origin', () => {
    expect(certificateUrls('https://campus.example.org/', 'LM-2026-7K3Q-9XP2')).toEqual({
      verifyUrl: 'https://campus.example.org/verify/LM-2026-7K3Q-9XP2',
      credentialUrl: 'https://campus.example.org/credentials/LM-2026-7K3Q-9XP2',
      pdfUrl: 'https://campus.example.org/credentials/LM-2026-7K3Q-9XP2/pdf',
    });
  });

  it('number the status lists from 1 and name achievements by course or programme', () => {
    expect(statusListUrl('http://127.0.0.1:3000', 2)).toBe('http://127.0.0.1:3000/credentials/status/2');
    expect(() => statusListUrl('http://127.0.0.1:3000', 0)).toThrow(RangeError);
    expect(achievementUrl('http://127.0.0.1:3000', 'diploma', 'labour-migration-experts')).toBe(
      'http://127.0.0.1:3000/programmes/labour-migration-experts/diploma',
    );
  });
});
