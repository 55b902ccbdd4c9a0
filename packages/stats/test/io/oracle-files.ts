import { writeDtaOld, type DtaOldRelease } from './writers/dta-old-writer.ts';
import { writeDta, type DtaTestVariable } from './writers/dta-writer.ts';
import { writeSav, type SavTestVariable } from './writers/sav-writer.ts';
import { writePor, type PorTestVariable } from './writers/por-writer.ts';

const LONG = 'L'.repeat(250) + 'é' + 'M'.repeat(300) + 'end';

/** Variables of the .sav test files: user-missing (discrete, range), value labels, short/long/very long strings. */
export const SAV_VARS: SavTestVariable[] = [
  { name: 'id_number', values: [1, 2, 3, 4, 5] },
  { name: 'score', values: [1.5, -99, null, 1e10, 0.0078125], label: 'Score', missing: { discrete: [-99] } },
  {
    name: 'grp',
    values: [1, 8, 9, 2, 250],
    valueLabels: [
      [1, 'one'],
      [9, 'refused'],
    ],
    missing: { low: 8, high: 9 },
  },
  { name: 'short', width: 3, values: ['ab', '', 'xyz', null, 'a"b'] },
  { name: 'medium', width: 20, values: ['twenty chars here!!', 'é', '', 'q', '  lead'] },
  { name: 'longtext', width: 600, values: [LONG, 'short', '', 'x'.repeat(600), 'tail '] },
];

/** Variables of the .dta test files: every numeric type, extended missing, str#, strL, value labels. */
export function dtaVars(withStrL: boolean, release = 118): DtaTestVariable[] {
  const vars: DtaTestVariable[] = [
    {
      name: 'b',
      type: 'byte',
      values: [1, -127, 100, null, '.a', '.z'],
      label: 'A byte',
      valueLabels: [
        [1, 'one'],
        [100, 'hundred'],
      ],
    },
    { name: 'i', type: 'int', values: [-32767, 32740, 0, '.b', null, 7] },
    { name: 'l', type: 'long', values: [2147483620, -2147483647, 5, null, '.c', 1] },
    { name: 'f', type: 'float', values: [1.5, 0.1, -3.25e10, null, '.d', 1e-3] },
    { name: 'd', type: 'double', values: [1438.3396, 0.0078125, -1e15, null, '.e', 12345.678901234] },
    { name: 's', type: 5, values: ['abc', '', 'é', 'hello', null, 'x"y'] },
  ];
  if (withStrL)
    vars.push({
      name: 'txt',
      type: 'strL',
      values: ['a long text ' + 'z'.repeat(3000), '', 'short', null, strlText(release), 'q'],
    });
  return vars;
}

/**
 * Variables of the files of releases 102–113: the types each release has (no byte before 104, no strings before
 * 103), its missing values (one `.` before 112, `.a`–`.z` from 112), value labels in its own table format.
 * Before 112 the integer types reach one below the missing code (126, 32766, 2^31 − 2, and down to −128 …) — but not
 * in 102–104, whose only second reader (readstata13) applies Stata 8's narrower ranges to every release.
 */
export function dtaOldVars(release: DtaOldRelease): DtaTestVariable[] {
  const ext = release >= 112;
  const wide = release >= 105 && !ext;
  const vars: DtaTestVariable[] = [];
  if (release >= 104)
    vars.push({
      name: 'b',
      type: 'byte',
      values: ext ? [1, -127, 100, null, '.a', '.z'] : [1, wide ? -128 : -127, 100, null, wide ? 126 : 99, 7],
      label: 'A byte',
      valueLabels: [
        [1, 'one'],
        [100, 'hundred'],
      ],
    });
  vars.push({
    name: 'i',
    type: 'int',
    values: ext
      ? [-32767, 32740, 0, '.b', null, 7]
      : [wide ? -32768 : -32767, wide ? 32766 : 32740, 0, null, 12, 7],
    label: 'An int',
    valueLabels: [
      [0, 'zero'],
      [-5, 'eightchr'],
      [7, 'seven'],
    ],
  });
  vars.push({
    name: 'l',
    type: 'long',
    values: ext
      ? [2147483620, -2147483647, 5, null, '.c', 1]
      : [wide ? 2147483646 : 2147483620, wide ? -2147483648 : -2147483647, 5, null, 2147483620, 1],
  });
  vars.push({ name: 'f', type: 'float', values: [1.5, 0.1, -3.25e10, null, ext ? '.d' : 2.5, 1e-3] });
  vars.push({
    name: 'd',
    type: 'double',
    values: [1438.3396, 0.0078125, -1e15, null, ext ? '.e' : 1e300, 12345.678901234],
  });
  if (release >= 103)
    vars.push({
      name: 's',
      // Stata 2–3 strings have even widths (str2–str80)
      type: release <= 104 ? 6 : 5,
      values: ['abc', '', release >= 110 ? 'é' : 'e', 'hello', null, 'x"y'],
    });
  return vars;
}

/** The old-release test files (both byte orders), by fixture name. */
export function oldDtaFiles(): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const rel of [102, 103, 104, 105, 108, 110, 111, 112, 113] as const)
    for (const le of [true, false])
      out[`gen_${rel}_${le ? 'le' : 'be'}.dta`] = writeDtaOld(dtaOldVars(rel), rel, le, {
        characteristic: rel >= 105 ? 'a note' : undefined,
        // an empty data label makes readstata13 (which reads a 4-byte count and a 30-byte label) an oracle for 102
        dataLabel: rel === 102 ? '' : 'test',
      });
  return out;
}

/**
 * Old-release files checked against an R reader (dta-oracle.R stores its reading as FILE.r.json), because ReadStat
 * refuses 102 and 103, misreads the value labels of 104–105 (it takes 105's for 108's format) and reads 112 with
 * 111's type codes. 102_be has no second reader (readstata13 reads 102's count as 4 bytes: right only for a
 * little-endian file with an empty data label); it is checked against the layout in dta.test.ts.
 */
export const R_DTA_ORACLE: Record<string, 'foreign' | 'readstata13'> = {
  'gen_102_le.dta': 'readstata13',
  'gen_103_le.dta': 'readstata13',
  'gen_103_be.dta': 'readstata13',
  'gen_104_le.dta': 'readstata13',
  'gen_104_be.dta': 'readstata13',
  'gen_105_le.dta': 'foreign',
  'gen_105_be.dta': 'foreign',
  'gen_108_le.dta': 'foreign',
  'gen_110_be.dta': 'foreign',
  'gen_111_le.dta': 'foreign',
  'gen_112_le.dta': 'readstata13',
  'gen_112_be.dta': 'readstata13',
  'gen_113_be.dta': 'foreign',
};

// ReadStat passes strL bytes through unconverted; a 117 file (Windows-1252) gets ASCII there to keep it an oracle.
function strlText(release: number): string {
  return release === 117 ? 'u' : 'ü';
}

/** Variables of the .por test file: base-30 numbers, fractions, user-missing values, labels, Latin-1 text. */
export const POR_VARS: PorTestVariable[] = [
  { name: 'ID', width: 0, values: [1, 2, 3, 4, 5, 900] },
  {
    name: 'SCORE',
    width: 0,
    values: [1.5, -99, null, 1e10, 0.0078125, -0.25],
    label: 'Score (points)',
    missing: [-99],
  },
  {
    name: 'GRP',
    width: 0,
    values: [1, 8, 9, 2, 250, 1],
    range: [8, 9],
    valueLabels: [
      [1, 'one'],
      [9, 'refused'],
    ],
  },
  {
    name: 'NOTE',
    width: 12,
    values: ['hello', 'cafe', '', 'x/y 3.5', 'NA', '  lead'],
    label: 'A note',
    missing: ['NA'],
    valueLabels: [['hello', 'greeting']],
  },
];

/** Variables with names, labels and text in a script: short names too are in the file's code page. */
function scriptVars(short: string[], long: string[], text: string[]): SavTestVariable[] {
  return [
    { name: long[0], shortName: short[0], values: [1, 2, 3], label: text[0], valueLabels: [[1, text[1]]] },
    { name: long[1], shortName: short[1], width: 12, values: [text[2], '', text[3]], label: text[1] },
  ];
}

/** Code pages of record 7.3 (no record 7.20, as SPSS before version 16 wrote), and names of record 7.20. */
export const CODE_PAGE_FILES: Record<string, [SavTestVariable[], Parameters<typeof writeSav>[1]]> = {
  'gen_cp866.sav': [
    scriptVars(['ВОЗРАСТ', 'ГОРОД'], ['возраст_лет', 'город'], ['Возраст', 'один', 'Москва', 'Тверь']),
    { compression: 1, encoding: 'cp866', codePage: 866 },
  ],
  'gen_cp1251_720.sav': [
    scriptVars(['ПОЛ', 'ИМЯ'], ['пол', 'имя'], ['Пол', 'мужчина', 'Иван', 'Ольга']),
    { compression: 0, encoding: 'windows-1251', codePage: 1251, encodingName: 'windows-1251' },
  ],
  'gen_cp1255.sav': [
    scriptVars(['גיל', 'עיר'], ['גיל_שנים', 'עיר'], ['גיל', 'אחד', 'חיפה', 'אילת']),
    { compression: 1, encoding: 'windows-1255', codePage: 1255 },
  ],
  'gen_cp1256.sav': [
    scriptVars(['العمر', 'مدينة'], ['العمر_بالسنوات', 'مدينة'], ['العمر', 'واحد', 'دبي', 'عمان']),
    { compression: 1, encoding: 'windows-1256', encodingName: 'windows-1256', codePage: 1256 },
  ],
  'gen_cp850.sav': [
    scriptVars(['ÉTAT', 'RÉGION'], ['état_civil', 'région'], ['État', 'marié', 'Genève', 'Zürich']),
    { compression: 0, encoding: 'cp850', codePage: 850 },
  ],
  'gen_ascii2.sav': [
    scriptVars(['AGE', 'CITY'], ['age', 'city'], ['Âge', 'un', 'Besançon', 'Orléans']),
    { compression: 1, encoding: 'windows-1252', codePage: 2 },
  ],
};

/** String variables with value labels (short: record 3; long: record 7.21) and user-missing texts (7.22). */
export const STRING_LABEL_VARS: SavTestVariable[] = [
  { name: 'id', values: [1, 2, 3, 4] },
  {
    name: 'code',
    width: 3,
    values: ['A', 'B', 'X', 'Z'],
    valueLabels: [
      ['A', 'alpha'],
      ['X', 'refused'],
    ],
    missingStrings: ['X', 'Z'],
  },
  {
    name: 'answer',
    width: 20,
    values: ['yes, certainly', 'no answer given', 'maybe', 'no answer given'],
    valueLabels: [
      ['yes, certainly', 'Yes'],
      ['no answer given', 'No answer'],
    ],
    missingStrings: ['no answer'],
  },
];

/** The generated binary test files, by fixture name. */
export function binaryTestFiles(): Record<string, Uint8Array> {
  return {
    'gen_crlf.por': writePor(POR_VARS),
    ...Object.fromEntries(
      Object.entries(CODE_PAGE_FILES).map(([name, [vars, o]]) => [name, writeSav(vars, o)]),
    ),
    'gen_string_labels.sav': writeSav(STRING_LABEL_VARS, { compression: 1 }),
    'gen_lf.por': writePor(POR_VARS, { lineEnd: '\n' }),
    'gen_uncompressed_le.sav': writeSav(SAV_VARS, { compression: 0 }),
    'gen_bytecode_le.sav': writeSav(SAV_VARS, { compression: 1 }),
    'gen_zlib_le.zsav': writeSav(SAV_VARS, { compression: 2, zblock: 64 }),
    'gen_uncompressed_be.sav': writeSav(SAV_VARS, { compression: 0, littleEndian: false }),
    'gen_bytecode_be.sav': writeSav(SAV_VARS, { compression: 1, littleEndian: false }),
    ...oldDtaFiles(),
    'gen_114_le.dta': writeDtaOld(dtaVars(false, 114), 114, true),
    'gen_115_be.dta': writeDtaOld(dtaVars(false, 115), 115, false),
    'gen_117_le.dta': writeDta(dtaVars(true, 117), 117, true),
    'gen_117_be.dta': writeDta(dtaVars(true, 117), 117, false),
    'gen_118_le.dta': writeDta(dtaVars(true), 118, true),
    'gen_118_be.dta': writeDta(dtaVars(true), 118, false),
    // ReadStat reads 119 strL references with 2-byte v like 118: its output would not be an oracle for strL.
    'gen_119_le.dta': writeDta(dtaVars(false), 119, true),
    'gen_119_be.dta': writeDta(dtaVars(false), 119, false),
  };
}

/**
 * Files ReadStat reads wrongly, checked against R's foreign::read.spss instead (foreign-oracle.test.ts):
 * - gen_cp1251_720.sav: ReadStat refuses the long-name record in Windows-1251 ("Error parsing string");
 * - gen_cp1255.sav: ReadStat shifts the last Hebrew letter of each text into the next one (glibc's CP1255
 *   converter holds a letter back to combine it with a following point, and ReadStat never flushes it).
 */
export const FOREIGN_ORACLE_FILES = ['gen_cp1251_720.sav', 'gen_cp1255.sav'];

/** Old-release files ReadStat reads wrongly or refuses (see R_DTA_ORACLE). */
const NOT_READSTAT = /^gen_10[2-5]_|^gen_112_/;

/** Files whose ReadStat CSV is stored as the expected output. */
export const ORACLE_FILES = [
  'lfs_small.sav',
  'lfs_small.dta',
  'readstat_written.sav',
  'readstat_written.dta',
  // written by R's foreign::write.dta (dta-foreign-written.R): a second writer for releases 108, 110 and 113
  'foreign_108.dta',
  'foreign_110.dta',
  'foreign_113.dta',
  ...Object.keys(binaryTestFiles()).filter((n) => !FOREIGN_ORACLE_FILES.includes(n) && !NOT_READSTAT.test(n)),
];
