import type { ByteCursor } from '../byte-cursor.ts';
import type { SavDictionary } from './sav-dictionary.ts';

/** Reads one record of type 7 (extension): keeps what the reader uses, skips the rest. */
export function readSavExtension(c: ByteCursor, dict: SavDictionary): void {
  const subtype = c.i32();
  const size = c.i32();
  const count = c.i32();
  const total = size * count;
  if (size < 0 || count < 0 || total > c.remaining) {
    c.fail(
      'sav.bad_record',
      `extension record ${subtype} claims ${size}×${count} bytes, more than the file holds.`,
    );
  }
  const start = c.pos;
  switch (subtype) {
    case 3:
      if (total >= 32) {
        c.skip(28);
        dict.characterCode = c.i32();
      }
      break;
    case 4:
      if (total >= 8) dict.sysmis = c.f64();
      break;
    case 13:
      dict.longNames = c.take(total);
      break;
    case 14:
      dict.veryLongStrings = c.take(total);
      break;
    case 20:
      dict.encodingName = c.ascii(total).replace(/\0+$/, '').trim();
      break;
    case 21:
      dict.longStringLabels = readLongStringLabels(c, start + total);
      break;
    case 22:
      dict.longStringMissing = readLongStringMissing(c, start + total);
      break;
    default:
      break;
  }
  c.pos = start + total;
}

/** Record 7.22: per variable, its name, a count, a value length, then the values. */
function readLongStringMissing(c: ByteCursor, end: number): NonNullable<SavDictionary['longStringMissing']> {
  const out: NonNullable<SavDictionary['longStringMissing']> = [];
  while (c.pos + 4 <= end) {
    const nameLen = c.i32();
    if (nameLen < 0 || c.pos + nameLen + 5 > end)
      c.fail('sav.bad_record', 'a long string missing-value record is inconsistent.');
    const name = c.take(nameLen);
    const n = c.u8();
    const len = c.i32();
    if (len < 0 || c.pos + n * len > end)
      c.fail('sav.bad_record', 'a long string missing-value record is inconsistent.');
    out.push({ name, values: Array.from({ length: n }, () => c.take(len)) });
  }
  return out;
}

/** Record 7.21: per variable, its name, width and labels (value bytes, label bytes). */
function readLongStringLabels(c: ByteCursor, end: number): NonNullable<SavDictionary['longStringLabels']> {
  const out: NonNullable<SavDictionary['longStringLabels']> = [];
  const bad = () =>
    c.fail(
      'sav.bad_record',
      'a long string value label record (7.21) is inconsistent: a length runs past the record.',
    );
  const chunk = () => {
    if (c.pos + 4 > end) bad();
    const n = c.i32();
    if (n < 0 || c.pos + n > end) bad();
    return c.take(n);
  };
  while (c.pos + 4 <= end) {
    const name = chunk();
    if (c.pos + 8 > end) bad();
    c.i32(); // width
    const n = c.i32();
    if (n < 0 || n > (end - c.pos) / 8) bad();
    const labels = Array.from({ length: n }, () => ({ value: chunk(), label: chunk() }));
    out.push({ name, labels });
  }
  return out;
}
