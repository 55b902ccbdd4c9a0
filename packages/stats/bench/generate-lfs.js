// Writes a synthetic LFS CSV with the columns of lfs_large.csv, for when the reference file is not available.
// Seeded and simple: it has the shape of the real file (strata, PSUs, migrants, labour force status, SDG fields),
// not its distributions, so the R comparison is skipped for it.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const HEADER =
  'hh_id,person_id,line_no,region,urban,stratum,psu,psu_uid,design_weight,weight,sex,age,country_of_birth,migrant,citizenship,foreign_citizen,year_of_arrival,reason_for_migration,previous_country_of_residence,lfs,status_in_employment,icse18_group,isco08_major,isic4_section,monthly_earnings,recent_migrant_worker,recruitment_cost,first_month_earnings';
const ORIGINS = ['IDN', 'BGD', 'IND', 'NPL', 'CHN', 'PHL', 'MMR', 'PAK', 'VNM', 'SGP', 'THA', 'GBR'];
const REASONS = ['work', 'work', 'family', 'study', 'humanitarian', 'other'];
const ICSE = [41, 41, 41, 42, 43, 44, 22, 12, 11, 21, 30, 51];
const GROUP = { 11: 'A', 12: 'A', 21: 'A', 22: 'A', 30: 'B', 41: 'C', 42: 'C', 43: 'C', 44: 'C', 51: 'D' };
const ISIC = 'ABCDEFGHIJKLMNOPQRSTU';

/** Writes `n` persons to `path`. */
export async function generateLfs(path, n) {
  let s = 20240602;
  const rnd = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const out = createWriteStream(path);
  out.write(`${HEADER}\n`);
  let person = 0,
    hh = 0,
    psuUid = 0;
  let buf = [];
  for (let stratum = 1; person < n; stratum = (stratum % 50) + 1) {
    const psu = ++psuUid;
    const w = (500 + rnd() * 3000).toFixed(4);
    for (let h = 0; h < 8 && person < n; h++) {
      hh++;
      const size = 1 + Math.floor(rnd() * 5);
      for (let line = 1; line <= size && person < n; line++) {
        person++;
        const age = Math.floor(rnd() * 85);
        const fb = rnd() < 0.09;
        const cob = fb ? pick(ORIGINS) : 'MYS';
        const cit = fb && rnd() < 0.9 ? cob : 'MYS';
        const yoa = fb ? 2024 - Math.floor(rnd() * 20) : '';
        const why = fb ? pick(REASONS) : '';
        const lfs = age < 15 ? '' : rnd() < 0.62 ? 'employed' : rnd() < 0.07 ? 'unemployed' : 'outside_lf';
        const emp = lfs === 'employed';
        const icse = emp ? pick(ICSE) : '';
        const earn = emp && icse !== 51 ? Math.round(800 + rnd() * 4000) : '';
        const recent = fb && age >= 15 ? (emp && yoa >= 2022 && icse !== 51 ? 'yes' : 'no') : '';
        const cost = recent === 'yes' && rnd() < 0.93 ? (rnd() < 0.3 ? 0 : Math.round(rnd() * 8000)) : '';
        const fme = recent === 'yes' ? Math.round(700 + rnd() * 3000) : '';
        buf.push(
          [
            hh,
            person,
            line,
            1 + (stratum % 25),
            rnd() < 0.5 ? 'urban' : 'rural',
            stratum,
            psu,
            psuUid,
            w,
            w,
            rnd() < 0.5 ? 'male' : 'female',
            age,
            cob,
            fb ? 'yes' : 'no',
            cit,
            cit === 'MYS' ? 'no' : 'yes',
            yoa,
            why,
            fb ? pick([...ORIGINS, 'QAT', 'SAU']) : '',
            lfs,
            icse,
            emp ? GROUP[icse] : '',
            emp ? Math.floor(rnd() * 10) : '',
            emp ? ISIC[Math.floor(rnd() * 21)] : '',
            earn,
            recent,
            cost,
            fme,
          ].join(','),
        );
      }
    }
    if (buf.length > 5000) {
      if (!out.write(`${buf.join('\n')}\n`)) await once(out, 'drain');
      buf = [];
    }
  }
  out.write(buf.length ? `${buf.join('\n')}\n` : '');
  out.end();
  await once(out, 'finish');
}
