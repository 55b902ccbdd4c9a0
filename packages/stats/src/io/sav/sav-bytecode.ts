import { DataFileError } from '../data-file-error.ts';

/**
 * Decodes SPSS bytecode-compressed cases (compression 1, and the inflated blocks of .zsav): 8 command bytes, then the
 * 8-byte values that commands 253 refer to. 1–251 = number (code − bias), 252 = end, 253 = verbatim, 254 = 8 spaces,
 * 255 = system missing, 0 = padding.
 */
export class SavBytecodeDecoder {
  private pos: number;
  private cmd = 0;
  private ci = 8;
  private readonly view: DataView;

  constructor(
    private readonly data: Uint8Array,
    start: number,
    private readonly bias: number,
    private readonly sysmis: number,
    private readonly littleEndian: boolean,
    private readonly file?: string,
  ) {
    this.pos = start;
    this.view = new DataView(new ArrayBuffer(8));
  }

  /** Fills `out` (one case) and returns true, or returns false at the end of the data. */
  nextCase(out: Uint8Array, outView: DataView): boolean {
    const data = this.data;
    const n = out.length;
    let o = 0;
    while (o < n) {
      if (this.ci === 8) {
        if (this.pos + 8 > data.length) {
          if (o === 0) return false;
          return this.truncated();
        }
        this.cmd = this.pos;
        this.pos += 8;
        this.ci = 0;
      }
      const code = data[this.cmd + this.ci++];
      if (code === 0) continue;
      if (code === 252) {
        if (o === 0) return false;
        return this.truncated();
      }
      if (code === 253) {
        if (this.pos + 8 > data.length) return this.truncated();
        out.set(data.subarray(this.pos, this.pos + 8), o);
        this.pos += 8;
      } else if (code === 254) out.fill(32, o, o + 8);
      else outView.setFloat64(o, code === 255 ? this.sysmis : code - this.bias, this.littleEndian);
      o += 8;
    }
    return true;
  }

  private truncated(): never {
    throw new DataFileError(
      'file.truncated',
      'the compressed data ends in the middle of a case. The file is truncated: export it again.',
      {
        file: this.file,
        offset: this.pos,
      },
    );
  }
}
