import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bufferReader } from './byte-reader.ts';
import { detectFileType } from './detect-file-type.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const detect = (bytes: Uint8Array) => detectFileType(bufferReader(bytes));

describe('detectFileType on genuine files (made by readstat, pandoc, LibreOffice, Ghostscript, Arrow, hyparquet)', () => {
  it.each([
    ['sample.pdf', 'pdf'],
    ['sample.docx', 'docx'],
    ['sample.xlsx', 'xlsx'],
    ['readstat.xlsx', 'xlsx'],
    ['sample.pptx', 'pptx'],
    ['sample.odt', 'odt'],
    ['sample.ods', 'ods'],
    ['sample.csv', 'csv'],
    ['notes.txt', 'txt'],
    ['sample.png', 'png'],
    ['sample.jpg', 'jpeg'],
    ['sample.gif', 'gif'],
    ['sample.sav', 'sav'],
    ['sample.zsav', 'zsav'],
    ['sample.por', 'por'],
    ['sample.dta', 'dta'],
    ['stata-114.dta', 'dta'],
    ['stata-115.dta', 'dta'],
    ['stata-117.dta', 'dta'],
    ['stata-119.dta', 'dta'],
    ['sample.parquet', 'parquet'],
    ['sample.arrow', 'arrow'],
  ])('%s is %s', async (name, type) => {
    expect(await detect(fixture(name))).toMatchObject({ ok: true, type });
  });

  it('tells the encoding of text: UTF-8, Windows-1252, UTF-16 with its mark', async () => {
    expect(await detect(fixture('sample.csv'))).toEqual({ ok: true, type: 'csv', encoding: 'utf-8' });
    expect(await detect(fixture('sample-cp1252.csv'))).toEqual({
      ok: true,
      type: 'csv',
      encoding: 'windows-1252',
    });
    expect(await detect(fixture('sample-utf16.tsv'))).toEqual({
      ok: true,
      type: 'csv',
      encoding: 'utf-16le',
    });
  });

  it('recognises the header of every old Stata release (102–115), either byte order', async () => {
    for (const release of [102, 103, 104, 105, 108, 110, 111, 112, 113, 114, 115])
      for (const order of [1, 2]) {
        const header = new Uint8Array(109);
        header.set([release, order, 1, 0]);
        expect(await detect(header)).toMatchObject({ ok: true, type: 'dta' });
      }
    expect(await detect(new Uint8Array([116, 2, 1, 0, 5, 0]))).toMatchObject({ ok: false });
  });
});

describe('detectFileType refuses what must never be stored, whatever its name', () => {
  it.each([
    ['elf-program.pdf', 'executable'], // a Linux program named .pdf
    ['windows-program.docx', 'executable'], // a Windows program named .docx
    ['script.csv', 'executable'], // a shell script named .csv
    ['page.png', 'markup'], // an HTML page named .png
    ['drawing.jpg', 'markup'], // an SVG with a script, named .jpg
    ['data.xlsx', 'markup'], // XML with an external entity, named .xlsx
    ['plain-archive.docx', 'archive'], // a ZIP that is not a Word file, named .docx
    ['macro.docx', 'macros'], // a Word file with a VBA project
    ['bomb.xlsx', 'zip-bomb'], // 300 MB of zeros in a 290 KB "workbook"
    ['legacy.doc', 'legacy-office'],
    ['empty.pdf', 'empty'],
  ])('%s: %s', async (name, reason) => {
    expect(await detect(fixture(name))).toEqual({ ok: false, reason });
  });

  it('refuses Mach-O programs and a ZIP with thousands of entries', async () => {
    expect(await detect(new Uint8Array([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]))).toEqual({
      ok: false,
      reason: 'executable',
    });
    const many: Record<string, Uint8Array> = {
      '[Content_Types].xml': new Uint8Array([60]),
      'word/document.xml': new Uint8Array([60]),
    };
    for (let i = 0; i < 6000; i++) many[`word/media/${i}.txt`] = new Uint8Array([i % 256]);
    expect(await detect(zipSync(many, { level: 0 }))).toEqual({ ok: false, reason: 'zip-bomb' });
  });

  it('refuses markup hidden after text, binary data and broken ZIPs', async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(await detect(enc('name,comment\nAna,<script>alert(1)</script>\n'))).toEqual({
      ok: false,
      reason: 'markup',
    });
    expect(await detect(enc('\ufeff  <!doctype html><p>hi'))).toEqual({ ok: false, reason: 'markup' });
    expect(await detect(new Uint8Array([1, 2, 3, 0, 0, 0, 9, 8]))).toEqual({
      ok: false,
      reason: 'unrecognised',
    });
    const zip = fixture('sample.docx');
    expect(await detect(zip.subarray(0, zip.length - 200))).toEqual({ ok: false, reason: 'damaged' });
  });
});
