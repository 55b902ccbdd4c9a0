// .sav files that ReadStat reads wrongly (see FOREIGN_ORACLE_FILES), against R's foreign::read.spss, whose
// output foreign-oracle.R stored beside each file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSav } from '../../src/io/sav/read-sav.ts';
import { CODE_PAGE_FILES, FOREIGN_ORACLE_FILES } from './oracle-files.ts';

const dir = new URL('../fixtures/io/', import.meta.url);

describe('readers against R foreign::read.spss where ReadStat is wrong', () => {
  it.each(FOREIGN_ORACLE_FILES)('%s: names, labels, values and value labels as R reads them', (name) => {
    const want = JSON.parse(readFileSync(new URL(`${name}.foreign.json`, dir), 'utf8')) as {
      name: string;
      label: string;
      values: string[];
      value_labels: Record<string, string> | [];
    }[];
    const ds = readSav(new Uint8Array(readFileSync(new URL(name, dir))), { source: name });
    // R reads Hebrew names and labels through the same glibc CP1255 converter as ReadStat and loses letters
    // there too ("גיל_שנים" → "גיל_שני"); its data values are right. Names and labels are checked against what
    // the writer wrote instead.
    const written = CODE_PAGE_FILES[name][0];
    const namesFromR = name !== 'gen_cp1255.sav';
    expect(ds.columns.map((c) => c.name)).toEqual(
      namesFromR ? want.map((w) => w.name) : written.map((v) => v.name),
    );
    ds.columns.forEach((c, j) => {
      expect(c.label).toBe(namesFromR ? want[j].label : written[j].label);
      const values =
        c.kind === 'numeric'
          ? Array.from(c.values, (v) => String(v))
          : Array.from(c.codes, (k) => (k < 0 ? '' : c.levels[k]));
      expect(values).toEqual(want[j].values);
      if (c.kind === 'numeric' && namesFromR) {
        const labels = Object.fromEntries([...(c.valueLabels ?? [])].map(([k, l]) => [l, String(k)]));
        expect(labels).toEqual(Array.isArray(want[j].value_labels) ? {} : want[j].value_labels);
      }
    });
  });
});
