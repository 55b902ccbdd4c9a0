/**
 * Classification codes for the ILOSTAT bulk layout. Codes seen in ILOSTAT material (domain brief §2.2): `SEX_T`,
 * `CBR_BIR_NATIVE/FOREIGN/TOTAL/X`, `OCU_ISCO08_0…9/TOTAL/X`. The others follow the same pattern but are labmig's
 * construction, **unverified** against ILOSTAT's codelists: `SEX_M/F`, `AGE_YTHADULT_*`, `CCT_*`, `MIG_*`,
 * `EDU_*`, `ECO_ISIC4_*`, `STE_ICSE18_*`.
 */

const SEX: Record<string, string> = { male: 'SEX_M', female: 'SEX_F', total: 'SEX_T' };
const MIGRANT: Record<string, Record<string, string>> = {
  CBR: {
    migrant: 'CBR_BIR_FOREIGN',
    non_migrant: 'CBR_BIR_NATIVE',
    unknown: 'CBR_BIR_X',
    total: 'CBR_BIR_TOTAL',
  },
  CCT: {
    migrant: 'CCT_CIT_FOREIGN',
    non_migrant: 'CCT_CIT_NATIONAL',
    unknown: 'CCT_CIT_X',
    total: 'CCT_CIT_TOTAL',
  },
  MIG: {
    migrant: 'MIG_STATUS_MIGRANT',
    non_migrant: 'MIG_STATUS_NONMIGRANT',
    unknown: 'MIG_STATUS_X',
    total: 'MIG_STATUS_TOTAL',
  },
};
const STANDARD_AGE: Record<string, string> = {
  '15-24': 'AGE_YTHADULT_Y15-24',
  '25-54': 'AGE_YTHADULT_Y25-54',
  '55-64': 'AGE_YTHADULT_Y55-64',
  '65+': 'AGE_YTHADULT_YGE65',
};

/**
 * ILOSTAT code of a level of a labmig table dimension.
 *
 * @param dim - dimension name (`sex`, `migrant`, `age`, `education`, `isic`, `isco`, `status_in_employment`).
 * @param level - level label (`total` for the margin).
 * @param criterion - CBR, CCT or MIG (for `migrant`).
 * @param minAge - working-age lower limit (for the age total).
 * @example
 * ilostatCode('isco', '9', 'CBR', 15);       // 'OCU_ISCO08_9'
 * ilostatCode('migrant', 'total', 'CBR', 15); // 'CBR_BIR_TOTAL'
 */
export function ilostatCode(dim: string, level: string, criterion: string, minAge: number): string {
  const up = level.toUpperCase().replace(/[^A-Z0-9+-]/g, '_');
  switch (dim) {
    case 'sex':
      return SEX[level] ?? `SEX_${up}`;
    case 'migrant':
      return MIGRANT[criterion]?.[level] ?? `${criterion}_${up}`;
    case 'age':
      if (level === 'total') return `AGE_YTHADULT_YGE${minAge}`;
      return STANDARD_AGE[level] ?? `AGE_Y${level.replace('+', 'GE')}`;
    case 'education':
      return `EDU_${up}`;
    case 'isic':
      return `ECO_ISIC4_${up}`;
    case 'isco':
      return `OCU_ISCO08_${up}`;
    case 'status_in_employment':
      return `STE_ICSE18_${up}`;
    default:
      return `${dim.toUpperCase()}_${up}`;
  }
}
