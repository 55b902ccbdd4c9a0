// For tests: the text of a PDF as Debian's poppler (pdftotext) extracts it — a reader sharing no code with pdfkit.
import { execFileSync } from 'node:child_process';

/** The extracted text of a PDF (pdftotext reads it from standard input). */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' });
}
