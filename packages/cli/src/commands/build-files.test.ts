import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFiles } from './build-files.ts';

let build: string;
const asset = (name: string) => path.join(build, 'client', '_app', 'immutable', 'chunks', name);
beforeEach(() => {
  build = mkdtempSync(path.join(tmpdir(), 'labmig-build-'));
  mkdirSync(path.dirname(asset('x')), { recursive: true });
  writeFileSync(asset('A1b.js'), 'export {}');
  writeFileSync(asset('A1b.js.br'), 'br');
  writeFileSync(asset('été 1.js'), 'export {}');
  writeFileSync(path.join(build, 'client', 'slides.js'), '//');
});
afterEach(() => rmSync(build, { recursive: true, force: true }));

describe('the web build files a server started with', () => {
  it('are not gone while they are on disk, whatever the query or the encoding', () => {
    const files = buildFiles(build);
    expect(files.gone('/_app/immutable/chunks/A1b.js')).toBe(false);
    expect(files.gone('/_app/immutable/chunks/A1b.js?v=2')).toBe(false);
    expect(files.gone('/_app/immutable/chunks/%C3%A9t%C3%A9%201.js')).toBe(false);
    expect(files.gone('/slides.js')).toBe(false);
  });

  it('are gone when the file or its precompressed copy was removed after start', () => {
    const files = buildFiles(build);
    rmSync(asset('A1b.js.br'));
    expect(files.gone('/_app/immutable/chunks/A1b.js')).toBe(true);
    rmSync(asset('été 1.js'));
    expect(files.gone('/_app/immutable/chunks/%C3%A9t%C3%A9%201.js')).toBe(true);
    rmSync(path.join(build, 'client', 'slides.js'));
    expect(files.gone('/slides.js')).toBe(true);
  });

  it('leave alone what was never a file of the build: pages, new files, odd addresses', () => {
    const files = buildFiles(build);
    writeFileSync(asset('New.js'), 'export {}');
    rmSync(asset('New.js'));
    expect(files.gone('/_app/immutable/chunks/New.js')).toBe(false);
    expect(files.gone('/courses')).toBe(false);
    expect(files.gone('/_app/immutable/chunks/%E0%A4%A')).toBe(false);
    expect(files.gone(undefined)).toBe(false);
    expect(buildFiles(path.join(build, 'nowhere')).gone('/slides.js')).toBe(false);
  });
});
