import { DataFileError } from '../data-file-error.ts';
import { decoderFor, spssCodePage, UnknownEncodingError, type TextDecodeFn } from '../encodings/decoders.ts';
import type { SavDictionary, SavVariableRecord } from './sav-dictionary.ts';

/** How to pull one output column out of a case. */
export interface SavColumnPlan {
  readonly name: string;
  readonly label?: string;
  readonly record: SavVariableRecord;
  /** For strings: byte ranges of the case, concatenated (several for very long strings). */
  readonly segments: readonly { readonly offset: number; readonly length: number }[];
  readonly width: number;
  readonly valueLabels?: Map<number, string>;
  /** Value labels of a string variable: text (trailing blanks removed) → label. */
  readonly stringLabels?: Map<string, string>;
  /** String user-missing values, trailing blanks removed (from the variable record or record 7.22). */
  readonly missingStrings?: readonly Uint8Array[];
}

function trimBlanks(b: Uint8Array): Uint8Array {
  let e = b.length;
  while (e > 0 && (b[e - 1] === 32 || b[e - 1] === 0)) e--;
  return b.subarray(0, e);
}

/**
 * The text encoding a .sav file declares: record 7.20 (a name), else the code page of record 7.3, else
 * Windows-1252 (files older than both records).
 *
 * @throws DataFileError `sav.unsupported` naming the encoding or code page when no decoder is known for it.
 */
export function savDecoder(dict: SavDictionary, file?: string): { encoding: string; decode: TextDecodeFn } {
  let encoding = 'windows-1252';
  let from = '';
  if (dict.encodingName) {
    encoding = dict.encodingName;
    from = 'the encoding record (7.20)';
  } else if (dict.characterCode !== undefined) {
    const known = spssCodePage(dict.characterCode);
    if (!known)
      throw new DataFileError(
        'sav.unsupported',
        `code page ${dict.characterCode} in the machine integer record (7.3) is not a code page labmig knows. Save the file again in SPSS with Unicode (UTF-8) on.`,
        { file },
      );
    encoding = known;
  }
  try {
    return { encoding, decode: decoderFor(encoding) };
  } catch (e) {
    if (e instanceof UnknownEncodingError)
      throw new DataFileError(
        'sav.unsupported',
        `${e.message.replace(/\.$/, '')} (named in ${from || 'the machine integer record (7.3)'}). Save the file again in SPSS with Unicode (UTF-8) on.`,
        { file },
      );
    throw e;
  }
}

function parseMap(text: string, sep: RegExp): Map<string, string> {
  const m = new Map<string, string>();
  for (const entry of text.split(sep)) {
    const eq = entry.indexOf('=');
    if (eq > 0) m.set(entry.slice(0, eq).toUpperCase(), entry.slice(eq + 1));
  }
  return m;
}

/** Output columns in file order: long names applied, very long string segments merged, texts decoded. */
export function planSavColumns(dict: SavDictionary, decode: TextDecodeFn): SavColumnPlan[] {
  const longNames = dict.longNames ? parseMap(decode(dict.longNames), /\t/) : new Map<string, string>();
  const veryLong = dict.veryLongStrings
    ? parseMap(decode(dict.veryLongStrings).replace(/\0/g, ''), /\t/)
    : new Map<string, string>();
  const plans: SavColumnPlan[] = [];
  const vars = dict.variables;
  for (let i = 0; i < vars.length; i++) {
    const v = vars[i];
    // short names are in the file's encoding too: decoded with it, they match the long-name record's keys
    const shortName = decode(v.shortNameBytes);
    const name = longNames.get(shortName.toUpperCase()) ?? shortName;
    let width = v.width;
    let segments = [{ offset: v.slot * 8, length: v.width }];
    const vls = Number(veryLong.get(shortName.toUpperCase()));
    if (v.width > 0 && vls > 255) {
      const nseg = Math.ceil(vls / 252);
      segments = [];
      for (let k = 0; k < nseg && i + k < vars.length && vars[i + k].width > 0; k++) {
        const seg = vars[i + k];
        segments.push({ offset: seg.slot * 8, length: Math.min(255, seg.width) });
      }
      i += segments.length - 1;
      width = vls;
    }
    const labels = v.width === 0 ? dict.valueLabels.get(v.dictIndex) : undefined;
    const stringLabels = new Map<string, string>();
    if (v.width > 0) {
      for (const { raw, label } of dict.stringValueLabels.get(v.dictIndex) ?? [])
        stringLabels.set(decode(trimBlanks(raw)), decode(label).trimEnd());
      const long = dict.longStringLabels?.find((m) => {
        const n = decode(m.name).toUpperCase();
        return n === name.toUpperCase() || n === shortName.toUpperCase();
      });
      for (const { value, label } of long?.labels ?? [])
        stringLabels.set(decode(trimBlanks(value)), decode(label).trimEnd());
    }
    const longMissing = dict.longStringMissing?.find((m) => {
      const n = decode(m.name).toUpperCase();
      return n === name.toUpperCase() || n === shortName.toUpperCase();
    });
    const missingStrings = [...(v.missingStrings ?? []), ...(longMissing?.values ?? [])].map(trimBlanks);
    plans.push({
      name,
      record: v,
      ...(missingStrings.length ? { missingStrings } : {}),
      segments,
      width,
      ...(v.label ? { label: decode(v.label).trimEnd() } : {}),
      ...(labels ? { valueLabels: new Map([...labels].map(([k, raw]) => [k, decode(raw).trimEnd()])) } : {}),
      ...(stringLabels.size ? { stringLabels } : {}),
    });
  }
  return plans;
}
