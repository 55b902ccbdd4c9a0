import { writeDtaOld } from './writers/dta-old-writer.ts';
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

/** The generated binary test files, by fixture name. */
export function binaryTestFiles(): Record<string, Uint8Array> {
  return {
    'gen_crlf.por': writePor(POR_VARS),
    'gen_lf.por': writePor(POR_VARS, { lineEnd: '\n' }),
    'gen_uncompressed_le.sav': writeSav(SAV_VARS, { compression: 0 }),
    'gen_bytecode_le.sav': writeSav(SAV_VARS, { compression: 1 }),
    'gen_zlib_le.zsav': writeSav(SAV_VARS, { compression: 2, zblock: 64 }),
    'gen_uncompressed_be.sav': writeSav(SAV_VARS, { compression: 0, littleEndian: false }),
    'gen_bytecode_be.sav': writeSav(SAV_VARS, { compression: 1, littleEndian: false }),
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

/** Files whose ReadStat CSV is stored as the expected output. */
export const ORACLE_FILES = [
  'lfs_small.sav',
  'lfs_small.dta',
  'readstat_written.sav',
  'readstat_written.dta',
  ...Object.keys(binaryTestFiles()),
];
