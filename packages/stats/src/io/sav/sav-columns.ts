import { textDecoderFor } from '../text-decode.ts';
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
  /** String user-missing values, trailing blanks removed (from the variable record or record 7.22). */
  readonly missingStrings?: readonly Uint8Array[];
}

function trimBlanks(b: Uint8Array): Uint8Array {
  let e = b.length;
  while (e > 0 && (b[e - 1] === 32 || b[e - 1] === 0)) e--;
  return b.subarray(0, e);
}

/** The text encoding a .sav file declares (record 7.20, else the code page of 7.3, else Windows-1252). */
export function savEncoding(dict: SavDictionary): string {
  if (dict.encodingName) return dict.encodingName;
  switch (dict.characterCode) {
    case 65001:
      return 'utf-8';
    case 20127:
    case 28591:
    case 1252:
    case undefined:
      return 'windows-1252';
    default:
      return `windows-${dict.characterCode}`;
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
export function planSavColumns(dict: SavDictionary): SavColumnPlan[] {
  const decode = textDecoderFor(savEncoding(dict));
  const longNames = dict.longNames ? parseMap(decode(dict.longNames), /\t/) : new Map<string, string>();
  const veryLong = dict.veryLongStrings
    ? parseMap(decode(dict.veryLongStrings).replace(/\0/g, ''), /\t/)
    : new Map<string, string>();
  const plans: SavColumnPlan[] = [];
  const vars = dict.variables;
  for (let i = 0; i < vars.length; i++) {
    const v = vars[i];
    const name = longNames.get(v.shortName.toUpperCase()) ?? v.shortName;
    let width = v.width;
    let segments = [{ offset: v.slot * 8, length: v.width }];
    const vls = Number(veryLong.get(v.shortName.toUpperCase()));
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
    const longMissing = dict.longStringMissing?.find((m) => {
      const n = decode(m.name).toUpperCase();
      return n === name.toUpperCase() || n === v.shortName.toUpperCase();
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
    });
  }
  return plans;
}
