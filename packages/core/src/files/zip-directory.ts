import type { ByteReader } from './byte-reader.ts';

/** One entry of a ZIP's central directory (what it claims, before anything is inflated). */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** Reading stops past this many entries: the caller refuses such an archive anyway. */
export const ZIP_ENTRY_SCAN_LIMIT = 10_000;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const MAX_COMMENT = 0xffff;

/**
 * Reads a ZIP's central directory from the end of the file (ZIP64 included), without inflating anything.
 * Returns undefined when the file has no readable directory (damaged or not a ZIP); `truncated` is true when it
 * holds more than ZIP_ENTRY_SCAN_LIMIT entries (only that many are read).
 */
export async function readZipDirectory(
  reader: ByteReader,
): Promise<{ entries: ZipEntry[]; total: number; truncated: boolean } | undefined> {
  const tailLength = Math.min(reader.size, 22 + MAX_COMMENT);
  const tail = await reader.read(reader.size - tailLength, tailLength);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let total = view.getUint16(eocd + 10, true);
  let dirSize = view.getUint32(eocd + 12, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  if (
    (total === 0xffff || dirOffset === 0xffffffff) &&
    eocd >= 20 &&
    view.getUint32(eocd - 20, true) === ZIP64_LOCATOR
  ) {
    const z64Offset = Number(view.getBigUint64(eocd - 20 + 8, true));
    const z64 = await reader.read(z64Offset, 56);
    const zv = new DataView(z64.buffer, z64.byteOffset, z64.byteLength);
    if (z64.length < 56 || zv.getUint32(0, true) !== ZIP64_EOCD) return undefined;
    total = Number(zv.getBigUint64(32, true));
    dirSize = Number(zv.getBigUint64(40, true));
    dirOffset = Number(zv.getBigUint64(48, true));
  }
  if (dirOffset + dirSize > reader.size) return undefined;
  // Read at most what the first entries need (46 bytes + name/extra/comment each, 64 KB names at worst).
  const dir = await reader.read(dirOffset, Math.min(dirSize, ZIP_ENTRY_SCAN_LIMIT * 400));
  const dv = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let p = 0;
  while (entries.length < Math.min(total, ZIP_ENTRY_SCAN_LIMIT)) {
    if (p + 46 > dir.length || dv.getUint32(p, true) !== CENTRAL)
      return entries.length > 0 ? { entries, total, truncated: true } : undefined;
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let uncompressedSize = dv.getUint32(p + 24, true);
    let localHeaderOffset = dv.getUint32(p + 42, true);
    const name = decoder.decode(dir.subarray(p + 46, p + 46 + nameLength));
    // ZIP64 extra field: the 64-bit values, in this order, for the fields that were saturated.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd && e + 4 <= dir.length) {
      const id = dv.getUint16(e, true);
      const size = dv.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        const next = () => {
          const v = q + 8 <= dir.length ? Number(dv.getBigUint64(q, true)) : 0;
          q += 8;
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      e += 4 + size;
    }
    entries.push({
      name,
      method: dv.getUint16(p + 10, true),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    p = extraEnd + commentLength;
  }
  return { entries, total, truncated: total > entries.length };
}

/** The stored (uncompressed) data of an entry, at most `limit` bytes; undefined when it is compressed or damaged. */
export async function readStoredEntry(
  reader: ByteReader,
  entry: ZipEntry,
  limit: number,
): Promise<Uint8Array | undefined> {
  if (entry.method !== 0) return undefined;
  const header = await reader.read(entry.localHeaderOffset, 30);
  const hv = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.length < 30 || hv.getUint32(0, true) !== 0x04034b50) return undefined;
  const start = entry.localHeaderOffset + 30 + hv.getUint16(26, true) + hv.getUint16(28, true);
  return reader.read(start, Math.min(limit, entry.compressedSize));
}
