import { unzlibSync } from 'fflate';
import { ByteCursor } from '../byte-cursor.ts';
import { DataFileError } from '../data-file-error.ts';

/**
 * Inflates the data of a .zsav file (compression 2): a zlib header (offsets), blocks of zlib streams, and a trailer
 * listing the blocks. Returns the bytecode-compressed data, all blocks back to back.
 */
export function inflateZsav(
  bytes: Uint8Array,
  dataStart: number,
  littleEndian: boolean,
  file?: string,
): Uint8Array {
  const c = new ByteCursor(bytes, littleEndian, file, dataStart);
  c.u64('zlib header offset');
  const trailerOfs = c.u64('zlib trailer offset');
  const trailerLen = c.u64('zlib trailer length');
  if (trailerOfs + trailerLen > bytes.length || trailerLen < 24) {
    c.fail('file.truncated', 'the .zsav block index lies beyond the end of the file. The file is truncated.');
  }
  c.pos = trailerOfs;
  c.skip(16); // bias, zero
  c.i32(); // block size
  const nblocks = c.i32();
  if (nblocks < 0 || nblocks * 24 > c.remaining)
    c.fail('sav.bad_data', `the .zsav index lists ${nblocks} blocks, more than it holds.`);
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let i = 0; i < nblocks; i++) {
    c.u64('block offset');
    const compOfs = c.u64('block offset');
    const usize = c.i32();
    const csize = c.i32();
    if (csize < 0 || compOfs + csize > bytes.length)
      c.fail('file.truncated', `zlib block ${i + 1} lies beyond the end of the file.`);
    let out: Uint8Array;
    try {
      out = unzlibSync(bytes.subarray(compOfs, compOfs + csize));
    } catch (e) {
      throw new DataFileError(
        'sav.bad_data',
        `zlib block ${i + 1} cannot be inflated (${(e as Error).message}). The file is damaged.`,
        {
          file,
          offset: compOfs,
        },
      );
    }
    if (out.length !== usize)
      c.fail('sav.bad_data', `zlib block ${i + 1} inflates to ${out.length} bytes, not ${usize}.`);
    parts.push(out);
    total += out.length;
  }
  const all = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    all.set(p, o);
    o += p.length;
  }
  return all;
}
