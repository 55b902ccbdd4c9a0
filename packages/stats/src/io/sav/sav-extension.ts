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
    default:
      break;
  }
  c.pos = start + total;
}
