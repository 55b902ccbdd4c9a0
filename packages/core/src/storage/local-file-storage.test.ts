import {
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
  mkdirSync,
  chmodSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLocalFileStorage, STALE_TEMP_MS } from './local-file-storage.ts';
import { describeFileStorageContract, UNSAFE_KEYS } from './storage-contract.testing.ts';

const tempRoot = () => mkdtempSync(path.join(tmpdir(), 'labmig-files-'));

describeFileStorageContract('local folder', async () => {
  const dir = tempRoot();
  return {
    storage: await createLocalFileStorage(dir),
    cleanup: async () => rmSync(dir, { recursive: true }),
  };
});

describe('createLocalFileStorage', () => {
  it('keeps every object inside its root, whatever key is tried', async () => {
    const parent = tempRoot();
    const root = path.join(parent, 'files');
    const storage = await createLocalFileStorage(root);
    for (const key of UNSAFE_KEYS)
      await storage.put(key, Readable.from([Buffer.from('x')]), { maxBytes: 10 }).catch(() => undefined);
    await storage.put('inside/ok.txt', Readable.from([Buffer.from('ok')]), { maxBytes: 10 });
    // Nothing was written next to the root, and inside it only the one valid key (plus the empty temp folder).
    expect(readdirSync(parent)).toEqual(['files']);
    expect(readdirSync(root, { recursive: true }).sort()).toEqual(['.tmp', 'inside', 'inside/ok.txt']);
    rmSync(parent, { recursive: true });
  });

  it('leaves no temporary file behind after refused or broken uploads', async () => {
    const root = tempRoot();
    const storage = await createLocalFileStorage(root);
    await storage.put('a', Readable.from([Buffer.alloc(20)]), { maxBytes: 10 }).catch(() => undefined);
    const broken = (async function* () {
      yield Buffer.alloc(1000);
      throw new Error('reset');
    })();
    await storage.put('b', broken, { maxBytes: 1e6 }).catch(() => undefined);
    expect(readdirSync(path.join(root, '.tmp'))).toEqual([]);
    rmSync(root, { recursive: true });
  });

  it('removes temporary files that a dead process left, and only stale ones', async () => {
    const root = tempRoot();
    mkdirSync(path.join(root, '.tmp'));
    writeFileSync(path.join(root, '.tmp', 'dead'), 'half a file');
    writeFileSync(path.join(root, '.tmp', 'in-progress'), 'being written by another process');
    const old = (Date.now() - STALE_TEMP_MS - 60_000) / 1000;
    utimesSync(path.join(root, '.tmp', 'dead'), old, old);
    await createLocalFileStorage(root);
    expect(readdirSync(path.join(root, '.tmp'))).toEqual(['in-progress']);
    rmSync(root, { recursive: true });
  });

  it('says so at once when the folder cannot be written', async () => {
    if (process.getuid?.() === 0) {
      // root ignores permission bits: a path under a regular file cannot be created by anyone.
      const root = tempRoot();
      writeFileSync(path.join(root, 'not-a-folder'), '');
      await expect(createLocalFileStorage(path.join(root, 'not-a-folder', 'files'))).rejects.toThrow(
        /ENOTDIR/,
      );
      rmSync(root, { recursive: true });
      return;
    }
    const root = tempRoot();
    chmodSync(root, 0o500);
    await expect(createLocalFileStorage(path.join(root, 'files'))).rejects.toThrow(/EACCES/);
    rmSync(root, { recursive: true });
  });

  it('streams a 256 MB upload through without holding it in memory', async () => {
    const root = tempRoot();
    const storage = await createLocalFileStorage(root);
    const chunk = 1 << 20;
    let peak = 0;
    const before = process.memoryUsage();
    const base = before.arrayBuffers + before.heapUsed;
    const source = (async function* () {
      for (let i = 0; i < 256; i++) {
        // A new buffer per chunk, as a network stream gives: retained chunks would add up to 256 MB.
        yield Buffer.alloc(chunk, i % 256);
        if (i % 16 === 0) {
          const m = process.memoryUsage();
          peak = Math.max(peak, m.arrayBuffers + m.heapUsed - base);
        }
      }
    })();
    const stored = await storage.put('big/file', source, { maxBytes: 300 * chunk });
    expect(stored.size).toBe(256 * chunk);
    expect(statSync(path.join(root, 'big', 'file')).size).toBe(256 * chunk);
    // Flat: a few dozen MB of chunks in flight or not yet collected at most — far below the 256 MB streamed.
    expect(peak).toBeLessThan(96 * chunk);
    rmSync(root, { recursive: true });
  });
});
