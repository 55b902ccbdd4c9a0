import { DataFileError } from '../data-file-error.ts';
import { textDecoderFor } from '../text-decode.ts';
import type { CsvOptions } from './csv-options.ts';
import { checkNames } from './csv-reader.ts';
import { sniffDecimal, sniffDelimiter, sniffEncoding, type TextEncodingName } from './csv-sniff.ts';
import { CsvTokenizer } from './csv-tokenizer.ts';
import { unescapeQuotes } from './unescape-quotes.ts';

/** The dialect and header of a CSV file, read from its first bytes, for reading the rest in ranges. */
export interface CsvHead {
  /** The encoding given or announced by a BOM; undefined when it is to be decided from the bytes (UTF-8 or 1252). */
  readonly encoding: TextEncodingName | undefined;
  readonly delimiter: number;
  readonly decimal: number;
  /** Column names as bytes (empty for a missing name). */
  readonly names: readonly Uint8Array[];
  /** Column names decoded for checks and field selection. */
  readonly decodedNames: readonly string[];
  /** Byte offset of the first data record (after the BOM and the header). */
  readonly dataStart: number;
  /** Average bytes per data record in the sample (0 when the sample holds none). */
  readonly bytesPerRow: number;
}

/**
 * Reads the dialect (encoding, delimiter, decimal separator) and the header from the first bytes of a CSV file,
 * as {@link CsvReader} does. Returns null when the file cannot be read in byte ranges: UTF-16 text, or a sample
 * that does not hold the whole header.
 *
 * @throws DataFileError for a bad option or header (duplicate names, unknown `select` names).
 * @example
 * readCsvHead(new TextEncoder().encode('a;b\n1,5;2\n'), {})?.decimal; // 44
 */
export function readCsvHead(sample: Uint8Array, options: CsvOptions): CsvHead | null {
  const sniffed = sniffEncoding(sample);
  const encoding = options.encoding ?? sniffed.encoding;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return null;
  const bom = sniffed.encoding === encoding ? sniffed.bom : 0;
  const head = sample.subarray(bom);
  const delimiter = options.delimiter ? options.delimiter.charCodeAt(0) : sniffDelimiter(head);
  const decimal = options.decimal ? options.decimal.charCodeAt(0) : sniffDecimal(head, delimiter);
  if (decimal === delimiter) {
    throw new DataFileError('file.bad_option', 'the decimal separator cannot be the delimiter.', {
      file: options.source,
    });
  }
  let names: Uint8Array[] | null = null;
  let headerEnd = -1;
  let records = 0;
  let lastEnd = 0;
  const tokenizer = new CsvTokenizer(
    delimiter,
    (b, starts, ends, flags, nf) => {
      if (nf === 1 && starts[0] === ends[0] && flags[0] === 0) return;
      if (names === null) {
        names = [];
        for (let j = 0; j < nf; j++) {
          let raw = b.slice(starts[j], ends[j]);
          if (flags[j] === 3) raw = raw.subarray(0, unescapeQuotes(raw, 0, raw.length, raw));
          names.push(raw);
        }
        headerEnd = tokenizer.recordEnd;
        return;
      }
      records++;
      lastEnd = tokenizer.recordEnd;
    },
    options.source,
  );
  tokenizer.push(head, false);
  if (names === null) return null;
  const raw: Uint8Array[] = names;
  const hasHeader = options.header ?? true;
  const decode = textDecoderFor(encoding === 'windows-1252' ? 'windows-1252' : 'utf-8');
  const decodedNames = raw.map((n, j) => (hasHeader && n.length ? decode(n) : `V${j + 1}`));
  checkNames(decodedNames, options);
  return {
    encoding,
    delimiter,
    decimal,
    names: hasHeader ? raw : raw.map(() => new Uint8Array(0)),
    decodedNames,
    dataStart: bom + (hasHeader ? headerEnd : 0),
    bytesPerRow: records > 0 ? (lastEnd - headerEnd) / records : 0,
  };
}
