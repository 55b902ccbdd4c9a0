import type { ByteReader } from './byte-reader.ts';
import type { FileTypeId } from './file-types.ts';
import { sniffText, type TextEncoding } from './text-sniff.rules.ts';
import { readStoredEntry, readZipDirectory, ZIP_ENTRY_SCAN_LIMIT } from './zip-directory.ts';

/** Why a file is refused whatever the use (the allow-list then decides among the recognised types). */
export type RefusalReason =
  | 'empty'
  | 'executable'
  | 'markup'
  | 'archive'
  | 'zip-bomb'
  | 'macros'
  | 'legacy-office'
  | 'damaged'
  | 'unrecognised';

/** The verdict on a file's content. */
export type Detection =
  | { readonly ok: true; readonly type: FileTypeId; readonly encoding?: TextEncoding }
  | { readonly ok: false; readonly reason: RefusalReason };

/** Limits for archives (OOXML and OpenDocument files are ZIPs): beyond them, a file is treated as a ZIP bomb. */
export const ARCHIVE_LIMITS = {
  /** Entries at most (a large workbook has a few hundred). */
  maxEntries: 5_000,
  /** Total uncompressed size at most: 1 GiB. */
  maxUncompressedBytes: 1024 ** 3,
  /** Expansion ratio of an entry at most, for entries over 1 MiB (XML compresses 10–30×; bombs 1,000×). */
  maxRatio: 200,
} as const;

const SAMPLE = 64 * 1024;
const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));
const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  magic.every((b, i) => bytes[at + i] === b);

const EXECUTABLE_MAGIC: readonly (readonly number[])[] = [
  [0x7f, 0x45, 0x4c, 0x46], // ELF (Linux, BSD)
  [0x4d, 0x5a], // MZ: Windows PE, DOS
  [0xfe, 0xed, 0xfa, 0xce], // Mach-O 32-bit
  [0xfe, 0xed, 0xfa, 0xcf], // Mach-O 64-bit
  [0xce, 0xfa, 0xed, 0xfe], // Mach-O 32-bit, little-endian
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O 64-bit, little-endian
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal, Java class
  [0x00, 0x61, 0x73, 0x6d], // WebAssembly
  [0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00], // Windows shortcut (.lnk)
];
const OLD_STATA = new Set([102, 103, 104, 105, 108, 110, 111, 112, 113, 114, 115]);

/**
 * The type of a file from its content alone (the name is never trusted): magic numbers, the ZIP directory of
 * OOXML and OpenDocument files, the tag of SPSS portable files, the header of every Stata release, and a look at
 * text. Executables, scripts, markup (HTML, SVG, XML) and ZIP bombs are refused whatever they are called.
 */
export async function detectFileType(reader: ByteReader): Promise<Detection> {
  if (reader.size === 0) return { ok: false, reason: 'empty' };
  const head = await reader.read(0, Math.min(reader.size, SAMPLE));
  if (EXECUTABLE_MAGIC.some((m) => startsWith(head, m))) return { ok: false, reason: 'executable' };
  const binary = detectBinary(head);
  if (binary) return binary;
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]))
    return detectZipBased(reader);
  if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) {
    const tail = await reader.read(reader.size - 4, 4);
    return reader.size >= 12 && ascii(tail, 0, 4) === 'PAR1'
      ? { ok: true, type: 'parquet' }
      : { ok: false, reason: 'damaged' };
  }
  if (isPortable(head)) return { ok: true, type: 'por' };
  const text = sniffText(head, reader.size <= SAMPLE);
  switch (text.kind) {
    case 'text':
      return { ok: true, type: text.delimited ? 'csv' : 'txt', encoding: text.encoding };
    case 'script':
      return { ok: false, reason: 'executable' };
    case 'markup':
      return { ok: false, reason: 'markup' };
    default:
      return { ok: false, reason: 'unrecognised' };
  }
}

function detectBinary(head: Uint8Array): Detection | undefined {
  const four = ascii(head, 0, 4);
  if (ascii(head, 0, 5) === '%PDF-') return { ok: true, type: 'pdf' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) && ascii(head, 12, 16) === 'IHDR')
    return { ok: true, type: 'png' };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { ok: true, type: 'jpeg' };
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return { ok: true, type: 'gif' };
  if (four === '$FL2') return { ok: true, type: 'sav' };
  if (four === '$FL3') return { ok: true, type: 'zsav' };
  if (/^<stata_dta><header><release>1(1[7-9]|2[01])<\/release>/.test(ascii(head, 0, 48)))
    return { ok: true, type: 'dta' };
  // Stata releases 102–115: release byte, byte order (1 = big-endian, 2 = little-endian), file type 1, a zero byte.
  if (OLD_STATA.has(head[0]!) && (head[1] === 1 || head[1] === 2) && head[2] === 1 && head[3] === 0)
    return { ok: true, type: 'dta' };
  if (ascii(head, 0, 8) === 'ARROW1\0\0' || four === 'FEA1') return { ok: true, type: 'arrow' };
  // OLE2 compound file: .doc/.xls/.ppt of Office 97–2003, or an Office file protected by a password.
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return { ok: false, reason: 'legacy-office' };
  return undefined;
}

/** SPSS portable: 200 bytes of splash text, a 256-byte character table, then the tag SPSSPORT (lines of 80). */
function isPortable(head: Uint8Array): boolean {
  const bytes = head.subarray(0, 700).filter((b) => b !== 0x0d && b !== 0x0a);
  if (bytes.length < 464) return false;
  if (ascii(bytes, 456, 464) === 'SPSSPORT') return true;
  // Another character set: the tag is written in the file's own codes, which the table maps (A–Z at 74–99).
  const table = bytes.subarray(200, 456);
  return [...'SPSSPORT'].every((ch, i) => bytes[456 + i] === table[74 + ch.charCodeAt(0) - 65]);
}

async function detectZipBased(reader: ByteReader): Promise<Detection> {
  const directory = await readZipDirectory(reader);
  if (!directory) return { ok: false, reason: 'damaged' };
  const { entries, total } = directory;
  if (total > ARCHIVE_LIMITS.maxEntries || total > ZIP_ENTRY_SCAN_LIMIT)
    return { ok: false, reason: 'zip-bomb' };
  let uncompressed = 0;
  for (const e of entries) {
    uncompressed += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > 1024 ** 2 && ratio > ARCHIVE_LIMITS.maxRatio)
      return { ok: false, reason: 'zip-bomb' };
  }
  if (uncompressed > ARCHIVE_LIMITS.maxUncompressedBytes) return { ok: false, reason: 'zip-bomb' };
  const names = new Set(entries.map((e) => e.name));
  if ([...names].some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return { ok: false, reason: 'macros' };
  const first = entries[0];
  if (first?.name === 'mimetype') {
    const mimetype = new TextDecoder().decode(
      (await readStoredEntry(reader, first, 100)) ?? new Uint8Array(),
    );
    const odf: Record<string, FileTypeId> = {
      'application/vnd.oasis.opendocument.text': 'odt',
      'application/vnd.oasis.opendocument.spreadsheet': 'ods',
      'application/vnd.oasis.opendocument.presentation': 'odp',
    };
    const type = odf[mimetype.trim()];
    if (type && names.has('content.xml')) return { ok: true, type };
  }
  if (names.has('[Content_Types].xml')) {
    if (names.has('word/document.xml')) return { ok: true, type: 'docx' };
    if (names.has('xl/workbook.xml')) return { ok: true, type: 'xlsx' };
    if (names.has('ppt/presentation.xml')) return { ok: true, type: 'pptx' };
  }
  return { ok: false, reason: 'archive' };
}
