import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCertificatePdf, type CertificatePdfInput } from './certificate-pdf.ts';
import { formatCertificateDate, formatDateRange } from './certificate-pdf.texts.ts';
import { missingCharacters } from './pdf-fonts.ts';

// The PDFs are read back with Debian's poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm): a reader that
// shares no code with pdfkit. .ci/run installs it.
const dir = mkdtempSync(join(tmpdir(), 'labmig-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${tool} is missing: install Debian's poppler-utils (apt-get install poppler-utils)`, {
        cause: error,
      });
    throw error;
  }
}

let files = 0;
async function render(overrides: Partial<CertificatePdfInput> = {}): Promise<string> {
  const file = join(dir, `certificate-${(files += 1)}.pdf`);
  writeFileSync(file, await renderCertificatePdf({ ...CERTIFICATE, ...overrides }));
  return file;
}
const text = (file: string) => poppler('pdftotext', [file, '-']);

const CERTIFICATE: CertificatePdfInput = {
  kind: 'certificate',
  locale: 'en',
  recipientName: 'Tomás Ñúñez',
  title: 'Measuring and Analyzing Labour Migration',
  edition: { startDate: '2026-03-02', endDate: '2026-04-10' },
  learningHours: 60,
  issuedOn: '2026-04-17',
  code: 'LM-2026-7K3Q-9XP2',
  verifyUrl: 'http://127.0.0.1:3000/verify/LM-2026-7K3Q-9XP2',
  issuerName: 'International Training Centre of the ILO',
};

describe('renderCertificatePdf', () => {
  it('prints each name whole, whatever was printed before it in the same process', async () => {
    // A font object shared between documents once kept the "O" of the second name as the "Ō" of the first.
    expect(text(await render({ recipientName: 'Hélène Dubois-Ōta' }))).toContain('Hélène Dubois-Ōta');
    expect(text(await render({ recipientName: 'Ngozi Okonkwo-Müller' }))).toContain('Ngozi Okonkwo-Müller');
  });

  it('prints an accented name and non-Latin names as real text', async () => {
    expect(text(await render())).toContain('Tomás Ñúñez');
    expect(text(await render({ recipientName: 'Алия Қасымова' }))).toContain('Алия Қасымова');
    expect(text(await render({ recipientName: 'Αλέξανδρος Παπαδόπουλος' }))).toContain(
      'Αλέξανδρος Παπαδόπουλος',
    );
    expect(text(await render({ recipientName: 'محمد علي' }))).toContain('محمد علي');
  });

  it('says in English what was achieved, when, how long, and the code', async () => {
    const english = text(await render()).replace(/\s+/g, ' ');
    for (const phrase of [
      'INTERNATIONAL TRAINING CENTRE OF THE ILO',
      'Certificate of Achievement',
      'has successfully completed all assessments and the final assignment of the online course',
      'Measuring and Analyzing Labour Migration',
      'held from 2 March to 10 April 2026',
      '60 learning hours',
      'DATE OF ISSUE',
      '17 April 2026',
      'LM-2026-7K3Q-9XP2',
      '127.0.0.1:3000/verify/LM-2026-7K3Q-9XP2',
    ])
      expect(english).toContain(phrase);
  });

  it('says it in French', async () => {
    const french = text(
      await render({
        locale: 'fr',
        title: 'Mesurer et analyser les migrations de main-d’œuvre',
        edition: { startDate: '2026-03-01', endDate: '2026-04-10' },
        issuerName: 'Centre international de formation de l’OIT',
      }),
    ).replace(/\s+/g, ' ');
    for (const phrase of [
      'Certificat de réussite',
      'Le présent certificat atteste que',
      'a réussi toutes les évaluations et le travail final du cours en ligne',
      'Mesurer et analyser les migrations de main-d’œuvre',
      'du 1er mars au 10 avril 2026',
      'heures d’apprentissage',
      'DATE DE DÉLIVRANCE',
      '17 avril 2026',
    ])
      expect(french).toContain(phrase);
  });

  it('prints the Diploma with its own wording and the courses that earned it', async () => {
    const diploma = text(
      await render({
        kind: 'diploma',
        title: 'ITCILO Diploma for Labour Migration Experts and Practitioners',
        edition: undefined,
        learningHours: undefined,
        courses: ['Measuring and Analyzing Labour Migration', 'Fair Recruitment'],
        code: 'DLM-2026-0000-0001',
        signatory: { name: 'Jane Example', title: 'Director of Training' },
      }),
    ).replace(/\s+/g, ' ');
    for (const phrase of [
      'Diploma',
      'has completed the programme of studies and is awarded the',
      'ITCILO Diploma for Labour Migration Experts and Practitioners',
      'Courses completed: Measuring and Analyzing Labour Migration · Fair Recruitment',
      'DATE OF AWARD',
      'Jane Example',
      'DIPLOMA NO.',
    ])
      expect(diploma).toContain(phrase);
  });

  it('is one A4 landscape page whose fonts are all embedded subsets', async () => {
    const file = await render({ recipientName: 'Алия Қасымова محمد' });
    const info = poppler('pdfinfo', [file]);
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    const fonts = poppler('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const line of fonts) {
      expect(line).toMatch(/^[A-Z]{6}\+Noto/); // subset prefix + Noto family
      expect(line).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, has a ToUnicode map
    }
    expect(poppler('pdffonts', [file])).not.toMatch(/Helvetica|Times/);
  });

  it('carries a QR code that reads as the verification URL', async () => {
    const file = await render();
    poppler('pdftoppm', ['-png', '-r', '150', '-singlefile', file, join(dir, 'qr')]);
    const png = PNG.sync.read(readFileSync(join(dir, 'qr.png')));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe('http://127.0.0.1:3000/verify/LM-2026-7K3Q-9XP2');
  });

  it('keeps a long name, a two-line title and many courses clear of the footer', async () => {
    const file = await render({
      kind: 'diploma',
      locale: 'fr',
      recipientName: 'Maria-Guadalupe de los Ángeles Fernández-Villanueva y Rodríguez de Castañeda Hernández',
      title: 'Diplôme du CIF-OIT pour les experts et praticiens des migrations de main-d’œuvre',
      courses: [
        'Mesurer et analyser les migrations de main-d’œuvre',
        'Recrutement équitable et travail décent pour les travailleurs migrants',
        'Gouvernance des migrations de main-d’œuvre',
        'Statistiques des migrations internationales de main-d’œuvre',
      ],
      signatory: { name: 'Jane Example', title: 'Directrice de la formation' },
    });
    const words = [
      ...poppler('pdftotext', ['-bbox', file, '-']).matchAll(
        /yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g,
      ),
    ];
    const statistiques = words.find((w) => w[3] === 'Statistiques');
    expect(statistiques).toBeDefined();
    expect(Number(statistiques![2])).toBeLessThan(432); // the footer's QR code starts at y = 432
    const castañeda = words.find((w) => w[3] === 'Castañeda');
    expect(castañeda, 'the long name is printed whole').toBeDefined();
    for (const word of words) expect(Number(word[1])).toBeGreaterThan(28); // inside the frame
  });
});

describe('font coverage', () => {
  it('covers Latin, Greek, Cyrillic, Arabic, Hebrew and Devanagari names, and says what it cannot print', () => {
    for (const name of [
      'Đặng Thị Hương',
      'Łukasz Żółć',
      'Şükrü Öztürk',
      'Алия Қасымова',
      'Ἀλέξανδρος',
      'محمد رضایی',
      'דוד כהן',
      'राम शर्मा',
    ])
      expect(missingCharacters(name), name).toEqual([]);
    expect(missingCharacters('王小明 Wang')).toEqual(['王', '小', '明']);
  });
});

describe('certificate dates', () => {
  it.each([
    ['2026-03-02', '2026-04-10', 'en', 'from 2 March to 10 April 2026'],
    ['2026-03-02', '2026-03-20', 'en', 'from 2 to 20 March 2026'],
    ['2025-10-26', '2026-01-04', 'en', 'from 26 October 2025 to 4 January 2026'],
    ['2026-03-01', '2026-04-10', 'fr', 'du 1er mars au 10 avril 2026'],
    ['2026-03-02', '2026-03-20', 'fr', 'du 2 au 20 mars 2026'],
    ['2025-12-01', '2026-02-01', 'fr', 'du 1er décembre 2025 au 1er février 2026'],
  ] as const)('writes %s … %s in %s as "%s"', (start, end, locale, expected) => {
    expect(formatDateRange(start, end, locale)).toBe(expected);
  });

  it('writes one date, and refuses what is not YYYY-MM-DD', () => {
    expect(formatCertificateDate('2026-08-15', 'fr')).toBe('15 août 2026');
    expect(() => formatCertificateDate('15/08/2026', 'en')).toThrow(RangeError);
  });
});
