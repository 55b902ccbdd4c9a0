// Parses the values R printed in r_timings.txt and compares them with labmig's estimates (7 significant digits).

function parseBlock(lines, startPattern) {
  const i = lines.findIndex((l) => startPattern.test(l));
  return i < 0 ? [] : lines.slice(i);
}

/** Rows "label  v1 v2 ..." of the block after the header that matches `header`, until a blank or non-matching line. */
function table(text, header, rowPattern) {
  const lines = parseBlock(text.split('\n'), header).slice(1);
  const out = [];
  for (const l of lines) {
    const m = l.match(rowPattern);
    if (!m) break;
    out.push(l.trim().split(/\s+/));
  }
  return out;
}

const rel = (a, b) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
const find = (est, domain, term) =>
  est.rows.find((r) => r.term === term && Object.entries(domain).every(([k, v]) => r.domain?.[k] === v));

/**
 * Compares labmig's three estimates with R's printed values.
 * @returns {{ compared: number, maxRelDiff: number, ok: boolean }}
 */
export function checkAgainstR(text, est) {
  let compared = 0;
  let maxRel = 0;
  const cmp = (ours, theirs) => {
    if (!ours) throw new Error('bench: estimate missing for an R value');
    compared++;
    maxRel = Math.max(maxRel, rel(ours, Number(theirs)));
  };
  // 1. svyby unemployment share by sex × migrant: TRUE share and its SE.
  const t1a = table(text, /I\(lfs == "unemployed"\)TRUE se\./, /^(female|male)\.(no|yes)\s/);
  const t1b = table(text, /^\s+se\.I\(lfs == "unemployed"\)TRUE$/, /^(female|male)\.(no|yes)\s/);
  for (let k = 0; k < t1a.length; k++) {
    const [label, share, , seTrue] = [t1a[k][0], t1a[k][1], t1a[k][2], t1b[k]?.[1]];
    const [sex, migrant] = label.split('.');
    const row = find(est.unempBySexMigrant, { sex, migrant }, 'lfs=unemployed');
    cmp(row?.estimate, share);
    cmp(row?.se, seTrue);
  }
  // 2. lfs factor by country of birth: three shares then three SEs.
  const t2a = table(text, /country_of_birth lfsemployed lfsunemployed lfsoutside_lf/, /^[A-Z]{3}\s/);
  const t2b = table(text, /se\.lfsunemployed se\.lfsoutside_lf/, /^[A-Z]{3}\s/);
  t2a.forEach((r, k) => {
    const dom = { country_of_birth: r[0] };
    ['employed', 'unemployed', 'outside_lf'].forEach((lv, j) =>
      cmp(find(est.lfsByCountry, dom, `lfs=${lv}`)?.estimate, r[2 + j]),
    );
    cmp(find(est.lfsByCountry, dom, 'lfs=employed')?.se, r[5]);
    cmp(find(est.lfsByCountry, dom, 'lfs=unemployed')?.se, t2b[k][1]);
    cmp(find(est.lfsByCountry, dom, 'lfs=outside_lf')?.se, t2b[k][2]);
  });
  // 3. unemployment rate (svyratio) by sex × migrant.
  const t3 = table(text, /unemp\/lf\s+se\.unemp\/lf/, /^(female|male)\.(no|yes)\s/);
  for (const r of t3) {
    const row = find(est.urBySexMigrant, { sex: r[1], migrant: r[2] }, 'unemp/lf');
    cmp(row?.estimate, r[3]);
    cmp(row?.se, r[4]);
  }
  // R printed 7 significant digits: allow half a unit in the 7th digit.
  return { compared, maxRelDiff: Number(maxRel.toPrecision(3)), ok: compared === 94 && maxRel < 1e-6 };
}
