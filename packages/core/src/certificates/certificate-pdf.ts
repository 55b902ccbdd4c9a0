import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import {
  CERTIFICATE_TEXTS,
  formatCertificateDate,
  formatDateRange,
  type CertificateLocale,
  type CertificateTexts,
} from './certificate-pdf.texts.ts';
import type { AchievementKind } from './open-badge.build.ts';
import { drawLine, fitName, wrapLines, type TextStyle } from './pdf-text.ts';

/** What is printed on one certificate or diploma. */
export interface CertificatePdfInput {
  readonly kind: AchievementKind;
  readonly locale: CertificateLocale;
  readonly recipientName: string;
  /** The course title (certificate) or the programme's name (diploma), in `locale`. */
  readonly title: string;
  /** First and last day of the edition, YYYY-MM-DD. */
  readonly edition?: { readonly startDate: string; readonly endDate: string };
  readonly learningHours?: number;
  /** Diploma: the courses that earned it, in `locale`. */
  readonly courses?: readonly string[];
  /** The date of issue, YYYY-MM-DD (in the issuer's calendar). */
  readonly issuedOn: string;
  readonly code: string;
  /** Where the QR code leads. */
  readonly verifyUrl: string;
  readonly issuerName: string;
  /** Printed under a signature line when given. */
  readonly signatory?: { readonly name: string; readonly title: string };
}

// A4 landscape in points, and the palette: ink, a deep blue for the headings and rules, grey for labels.
const WIDTH = 841.89;
const HEIGHT = 595.28;
const CENTER = WIDTH / 2;
const INK = '#1b1f24';
const BLUE = '#1f3a68';
const GREY = '#5a6270';
const RULE = '#b8c2d3';

const style = (face: TextStyle['face'], size: number, color = INK, characterSpacing = 0): TextStyle => ({
  face,
  size,
  color,
  characterSpacing,
});

/**
 * Renders the certificate (or diploma) as an A4 landscape PDF: every text is real text in embedded Noto fonts
 * (subsets), with font fallback for names in other scripts; the QR code is drawn as vector squares.
 */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  const texts = CERTIFICATE_TEXTS[input.kind][input.locale];
  const issued = formatCertificateDate(input.issuedOn, input.locale);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    font: null as unknown as string, // no default Helvetica: every font is embedded
    lang: input.locale,
    displayTitle: true,
    info: {
      Title: `${texts.heading} — ${input.recipientName}`,
      Author: input.issuerName,
      Subject: input.title,
      Keywords: `${input.code}; ${input.verifyUrl}`,
      CreationDate: new Date(`${input.issuedOn}T00:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  drawFrame(doc);
  drawBody(doc, input, texts);
  drawFooter(doc, input, texts, issued);
  await drawQrCode(doc, input.verifyUrl, WIDTH - 76 - 78, 432, 78);
  doc.end();
  return done;
}

// The main block. Extra lines (a two-line name or title, a list of courses) first use the slack above the footer,
// then lift the whole block towards the top edge, so nothing ever runs into the footer (which starts at y = 432).
function drawBody(doc: PDFKit.PDFDocument, input: CertificatePdfInput, texts: CertificateTexts): void {
  const nameStyle = style('serifSemiBold', 32);
  const bodyStyle = style('serif', 13, INK);
  const titleStyle = style('serifSemiBold', 21, BLUE);
  const smallStyle = style('sans', 9.5, GREY);
  const name = fitName(doc, input.recipientName, nameStyle, 600, 20);
  const bodyLines = wrapLines(doc, texts.body, bodyStyle, 620);
  const titleLines = wrapLines(doc, input.title, titleStyle, 700);
  const details = [
    input.edition
      ? texts.held(formatDateRange(input.edition.startDate, input.edition.endDate, input.locale))
      : '',
    input.learningHours ? texts.hours(input.learningHours) : '',
  ].filter(Boolean);
  const courses = input.courses?.length
    ? wrapLines(doc, `${texts.coursesLabel}${texts.colon} ${input.courses.join(' · ')}`, smallStyle, 660)
    : [];
  const extra =
    (name.lines.length - 1) * name.size * 1.2 +
    (bodyLines.length - 1) * 18 +
    (titleLines.length - 1) * 27 +
    (details.length > 0 && courses.length > 0 ? 15 : 0) +
    Math.max(0, courses.length - 1) * 15;
  const lift = Math.min(60, Math.max(0, extra - 30));

  let y = 92 - lift / 3;
  drawLine(doc, input.issuerName.toUpperCase(), style('sansSemiBold', 9.5, BLUE, 1), CENTER, y);
  doc
    .moveTo(CENTER - 24, y + 14)
    .lineTo(CENTER + 24, y + 14)
    .lineWidth(0.8)
    .strokeColor(BLUE)
    .stroke();
  y = 160 - (lift * 2) / 3;
  drawLine(doc, texts.heading, style('serif', 38, BLUE, 0.4), CENTER, y);
  y += 46 - lift / 6;
  drawLine(doc, texts.lead, style('serifItalic', 14, GREY), CENTER, y);
  y += 50 - lift / 6;
  for (const line of name.lines) {
    drawLine(doc, line, { ...nameStyle, size: name.size }, CENTER, y);
    y += name.size * 1.2;
  }
  const ruleY = y - name.size * 1.2 + 16;
  doc
    .moveTo(CENTER - 220, ruleY)
    .lineTo(CENTER + 220, ruleY)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  y = ruleY + 34;
  for (const line of bodyLines) {
    drawLine(doc, line, bodyStyle, CENTER, y);
    y += 18;
  }
  y += 14;
  for (const line of titleLines) {
    drawLine(doc, line, titleStyle, CENTER, y);
    y += 27;
  }
  y += 2;
  if (details.length > 0) {
    drawLine(doc, details.join('  ·  '), style('sans', 10.5, GREY), CENTER, y);
    y += 15;
  }
  for (const line of courses) {
    drawLine(doc, line, smallStyle, CENTER, y);
    y += 15;
  }
}

function drawFrame(doc: PDFKit.PDFDocument): void {
  doc
    .rect(22, 22, WIDTH - 44, HEIGHT - 44)
    .lineWidth(1.2)
    .strokeColor(BLUE)
    .stroke();
  doc
    .rect(28, 28, WIDTH - 56, HEIGHT - 56)
    .lineWidth(0.4)
    .strokeColor(BLUE)
    .stroke();
}

function drawFooter(
  doc: PDFKit.PDFDocument,
  input: CertificatePdfInput,
  texts: CertificateTexts,
  issued: string,
): void {
  // Two columns on one baseline grid: date of issue (and signature) left, code, address and QR code right.
  const label = style('sans', 7.5, GREY, 0.6);
  const value = style('sansSemiBold', 12.5, INK, 0.3);
  const left = 76;
  // With a signatory the left column holds the signature (line, name, role) above the date.
  const dateY = input.signatory ? 490 : 452;
  if (input.signatory) {
    doc
      .moveTo(left, 440)
      .lineTo(left + 190, 440)
      .lineWidth(0.5)
      .strokeColor(GREY)
      .stroke();
    drawLine(doc, input.signatory.name, style('sansSemiBold', 10), left, 455, 'left');
    drawLine(doc, input.signatory.title, style('sans', 9, GREY), left, 468, 'left');
  }
  drawLine(doc, texts.issuedLabel.toUpperCase(), label, left, dateY, 'left');
  drawLine(doc, issued, value, left, dateY + 18, 'left');
  const right = WIDTH - 76 - 78 - 16;
  drawLine(doc, texts.codeLabel.toUpperCase(), label, right, 452, 'right');
  drawLine(doc, input.code, value, right, 470, 'right');
  drawLine(doc, texts.verifyLabel.toUpperCase(), label, right, 492, 'right');
  drawLine(doc, input.verifyUrl.replace(/^https?:\/\//, ''), style('sans', 8.5, BLUE), right, 506, 'right');
  drawLine(doc, texts.credentialNote, style('sans', 7.5, GREY), CENTER, HEIGHT - 46);
}

async function drawQrCode(
  doc: PDFKit.PDFDocument,
  url: string,
  x: number,
  y: number,
  size: number,
): Promise<void> {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const cell = size / count;
  doc.fillColor(INK);
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (qr.modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell + 0.02, cell + 0.02);
    }
  }
  doc.fill();
  doc.link(x, y, size, size, url);
}
