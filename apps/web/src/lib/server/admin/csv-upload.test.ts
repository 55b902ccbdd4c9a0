import { describe, expect, it } from 'vitest';
import { uploadedText } from './csv-upload.ts';

describe('uploadedText', () => {
  it('reads UTF-8, falls back to Windows-1252, and refuses a file over the limit without reading it', async () => {
    expect(await uploadedText(new File(['nom;email\nAmélie;a@x.org'], 'a.csv'), 100)).toBe(
      'nom;email\nAmélie;a@x.org',
    );
    const latin = new Uint8Array([0x41, 0x6d, 0xe9, 0x6c, 0x69, 0x65]); // "Amélie" in Windows-1252
    expect(await uploadedText(new File([latin], 'b.csv'), 100)).toBe('Amélie');
    expect(await uploadedText(new File(['x'.repeat(101)], 'c.csv'), 100)).toBeNull();
  });
});
