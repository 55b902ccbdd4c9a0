import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packEstimate } from '../migration/cell-estimate.ts';
import type { StatTable } from '../migration/table.types.ts';
import { csvField, toCsv } from './export-csv.ts';
import { toIlostatCsv } from './export-ilostat.ts';
import { readTidyJson, toTidyJson } from './export-json.ts';
import { toXlsx, toXlsxWorkbook } from './export-xlsx.ts';

const cell = (dims: Record<string, string>, estimate: number, se: number, n: number) => ({
  dims,
  ...packEstimate(estimate, se, n),
});
const wap: StatTable = {
  id: 'wap_sex_age',
  title: 'Working-age population by migrant status × sex × age',
  indicator: 'MST_XWAP_SEX_AGE_CBR_NB',
  unit: 'persons',
  dims: ['migrant', 'sex', 'age'],
  notes: ['a "quoted", note'],
  rows: [
    cell({ migrant: 'migrant', sex: 'male', age: '15-24' }, 123456.5, 2000, 120),
    cell({ migrant: 'total', sex: 'total', age: 'total' }, 29673153.5892, 193804.13, 15000),
    cell({ migrant: 'migrant', sex: 'female', age: '65+' }, 0, 0, 0),
  ],
};
const gap: StatTable = {
  ...wap,
  id: 'lfpr_gap_sex_age',
  indicator: null,
  unit: 'percentage_points',
  dims: ['sex', 'age'],
  rows: [cell({ sex: 'total', age: 'total' }, 15.5, 1.2, 900)],
};

describe('toCsv', () => {
  it('writes RFC 4180: CRLF, quoted fields with commas or quotes, empty for non-finite numbers', () => {
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(Infinity)).toBe('');
    const lines = toCsv(wap).split('\r\n');
    expect(lines[0]).toBe('migrant,sex,age,estimate,se,cv,ci_lower,ci_upper,n,flags');
    expect(lines[1].startsWith('migrant,male,15-24,123456.5,2000,')).toBe(true);
    expect(lines[3]).toMatch(/^migrant,female,65\+,0,0,,0,0,0,small_n$/);
    expect(lines.at(-1)).toBe('');
  });
});

describe('toTidyJson', () => {
  it('writes one object per cell with dims as keys and null for non-finite numbers', () => {
    const j = JSON.parse(toTidyJson([wap], { source: 'x.csv' }));
    expect(j.meta.source).toBe('x.csv');
    expect(j.tables[0].rows[2]).toMatchObject({
      migrant: 'migrant',
      age: '65+',
      estimate: 0,
      cv: null,
      flags: ['small_n'],
    });
  });
});

describe('readTidyJson', () => {
  it('reads the tidy JSON back into the same tables, null becoming NaN', () => {
    const back = readTidyJson(toTidyJson([wap, gap], { persons: 3 }));
    expect(back.meta).toEqual({ persons: 3 });
    expect(back.tables).toEqual([wap, gap]);
    expect(Number.isNaN(back.tables[0]!.rows[2]!.cv)).toBe(true);
    expect(back.tables[0]!.rows[1]!.estimate).toBe(29673153.5892);
  });
});

describe('toXlsx', () => {
  const files = unzipSync(toXlsx([wap, gap]));
  const text = (name: string) => strFromU8(files[name]);
  it('writes the OOXML parts with one sheet per table after a contents sheet', () => {
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
    ]);
    expect(text('xl/workbook.xml')).toContain('<sheet name="contents" sheetId="1" r:id="rId1"/>');
    expect(text('xl/workbook.xml')).toContain('<sheet name="lfpr_gap_sex_age" sheetId="3" r:id="rId3"/>');
    expect(text('[Content_Types].xml')).toContain('/xl/worksheets/sheet3.xml');
    expect(text('xl/_rels/workbook.xml.rels')).toContain('Target="worksheets/sheet2.xml"');
  });
  it('stores numbers as numeric cells and text as inline strings, escaped', () => {
    const s2 = text('xl/worksheets/sheet2.xml');
    expect(s2).toContain('<c r="D2"><v>123456.5</v></c>');
    expect(s2).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">migrant</t></is></c>');
    expect(s2).toContain('<c r="I3"><v>15000</v></c>');
    expect(text('xl/worksheets/sheet1.xml')).toContain('a &quot;quoted&quot;, note');
    expect(s2).not.toContain('NaN');
  });
});

describe('toIlostatCsv', () => {
  const csv = toIlostatCsv([wap, gap], {
    refArea: 'MYS',
    source: 'NA',
    time: 2024,
    criterion: 'CBR',
    minWorkingAge: 15,
  });
  const lines = csv.split('\r\n');
  it('writes the bulk layout with sex, breakdown and migrant status codes and numbers in thousands', () => {
    expect(lines[0]).toBe(
      'ref_area,source,indicator,sex,classif1,classif2,time,obs_value,obs_status,note_classif,note_indicator,note_source',
    );
    expect(lines[1]).toBe(
      'MYS,NA,MST_XWAP_SEX_AGE_CBR_NB,SEX_M,AGE_YTHADULT_Y15-24,CBR_BIR_FOREIGN,2024,123.4565,,,se=2,',
    );
    expect(
      lines[2].startsWith(
        'MYS,NA,MST_XWAP_SEX_AGE_CBR_NB,SEX_T,AGE_YTHADULT_YGE15,CBR_BIR_TOTAL,2024,29673.153589,',
      ),
    ).toBe(true);
  });
  it('keeps zero cells with their flags and leaves out tables without an ILOSTAT indicator', () => {
    expect(lines.filter((l) => l !== '')).toHaveLength(4);
    expect(lines[3]).toBe(
      'MYS,NA,MST_XWAP_SEX_AGE_CBR_NB,SEX_F,AGE_YTHADULT_YGE65,CBR_BIR_FOREIGN,2024,0,,,labmig quality flags: small_n; se=0,',
    );
    expect(csv).not.toContain('gap');
  });
});

describe('xlsx text cells', () => {
  it('drop characters XML cannot hold and keep tabs and line breaks', () => {
    const t: StatTable = { ...gap, id: 'x', rows: [cell({ sex: 'a\u0001b\tc\nd', age: 'total' }, 1, 0, 1)] };
    const xml = strFromU8(unzipSync(toXlsx([t]))['xl/worksheets/sheet2.xml']);
    expect(xml).toContain('<t xml:space="preserve">ab\tc\nd</t>');
  });
});

describe('toXlsxWorkbook', () => {
  const book = unzipSync(
    toXlsxWorkbook([
      {
        name: 'grades/2020',
        header: ['learner', 'grade'],
        rows: [
          ['Ana <Diaz>', 72.5],
          ['=SUM(A1)', null],
        ],
      },
      { name: 'summary', header: ['n'], rows: [[2]] },
    ]),
  );

  it('writes one worksheet per sheet, with valid names', () => {
    expect(strFromU8(book['xl/workbook.xml']!)).toContain('<sheet name="grades_2020" sheetId="1"');
    expect(strFromU8(book['xl/workbook.xml']!)).toContain('<sheet name="summary" sheetId="2"');
    expect(book['xl/worksheets/sheet3.xml']).toBeUndefined();
  });

  it('stores numbers as numbers, escapes text, keeps formulas as text and leaves nulls empty', () => {
    const xml = strFromU8(book['xl/worksheets/sheet1.xml']!);
    expect(xml).toContain('<c r="B2"><v>72.5</v></c>');
    expect(xml).toContain('<t xml:space="preserve">Ana &lt;Diaz&gt;</t>');
    expect(xml).toContain('<c r="A3" t="inlineStr"><is><t xml:space="preserve">=SUM(A1)</t></is></c>');
    expect(xml).not.toContain('<f>');
    expect(xml).not.toContain('r="B3"');
  });

  it('refuses an empty workbook', () => {
    expect(() => toXlsxWorkbook([])).toThrow(/at least one sheet/);
  });
});
