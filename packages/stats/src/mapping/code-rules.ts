import { normaliseName } from './name-rules.ts';

/** Concepts of a coded role, tested in order (the first match wins), with the text that points to each. */
type ConceptRules = readonly (readonly [concept: string, pattern: RegExp])[];

const r = (source: string): RegExp => new RegExp(source);

/** Value labels or text values (normalised) → concept, per code list of the mapping. */
export const CODE_RULES: Readonly<Record<string, ConceptRules>> = {
  'codes.lfs': [
    [
      'unemployed',
      r('unemploy|chom|desocup|desemple|(^|_)parad|jobless|sans_emploi|without_work|sin_empleo'),
    ],
    [
      'outside_lf',
      r(
        'outside|inacti(v|f)|not_in_(the_)?labou?r_force|out_of_(the_)?labou?r_force|hors|fuera|not_economically|(^|_)(olf|nilf|oolf)(_|$)',
      ),
    ],
    ['employed', r('employ|occup|ocupad|emplead|(^|_)working|en_emploi|con_empleo|trabaj|(^|_)emp(_|$)')],
  ],
  'codes.sex': [
    ['female', r('^(f|w|fem)$|female|wom[ae]n|femme|feminin|mujer|femenin|girl')],
    ['male', r('^(m|h|masc)$|(^|_)male|(^|_)m[ae]n(_|$)|homme|masculin|hombre|varon|boy')],
  ],
  'codes.reasonForMigration': [
    ['seek_work', r('seek|look\\w*_for_(a_)?(work|job)|search|cherch|buscar|busqueda')],
    ['asylum', r('asylum|refug|humanitar|asile|protection|persecut|conflict|(^|_)war(_|$)|guerre|guerra')],
    ['family', r('famil|marri|spouse|mariage|conjoint|accompan|reunif|matrimon|conyug|parent')],
    ['study', r('stud|educat|school|etud|estudi|formation|training')],
    ['work', r('work|employ|(^|_)jobs?(_|$)|travail|emploi|trabaj|empleo|labou?r|econom')],
    ['other', r('other|autre|otr[oa]|(^|_)else(_|$)')],
  ],
  'codes.education': [
    [
      'not_stated',
      r('not_stated|unknown|don_t_know|no_sabe|ne_sait_pas|non_declare|no_declarad|missing|no_respon'),
    ],
    ['intermediate', r('post_?secondary|postsecondaire|post_secundari')],
    [
      'advanced',
      r(
        'tertiary|universit|bachelor|master|doctor|phd|licence|superieur|superior|terciari|postgrad|isced_[5-8]',
      ),
    ],
    [
      'less_than_basic',
      r(
        'no_(formal_)?(schooling|education)|(^|_)none(_|$)|never_attended|less_than_primary|early_childhood|pre_?primary|aucun|sans_(diplome|instruction)|jamais|ningun|sin_(instruccion|estudios)|preescolar|isced_0',
      ),
    ],
    [
      'basic',
      r(
        'primary|lower_secondary|(^|_)basic|primaire|college|premier_cycle|primaria|secundaria_(baja|inferior)|basica|isced_[12]',
      ),
    ],
    [
      'intermediate',
      r('secondary|secondaire|lycee|(^|_)bac|secundaria|media|vocational|professionnel|tecnic|isced_[34]'),
    ],
  ],
  'codes.yes': [
    ['yes', r('^(y|yes|oui|si|o|true)$|(^|_)(yes|oui|si)(_|$)')],
    ['no', r('^(n|no|non|false)$|(^|_)(no|non)(_|$)')],
  ],
};

/** The ILOSTAT aggregate levels of education, in table order, for suggested `codes.education`. */
export const EDUCATION_LEVELS = ['less_than_basic', 'basic', 'intermediate', 'advanced', 'not_stated'];

/** ICSE-18-A detailed codes (two digits): 41–44 are employees. */
const ICSE18 = new Set(['11', '12', '21', '22', '30', '41', '42', '43', '44', '51']);
const EMPLOYEE = r('employee|salari|asalariad|wage|empleado|obrero|journalier|jornaler|apprenti');
const NOT_EMPLOYEE = r(
  'employer|self|own_account|propre_compte|cuenta_propia|independ|famil|contract|patron|owner|unpaid',
);

/**
 * The concept a code points to, from its value label or, without one, from the code itself.
 *
 * @param list - the mapping's code list, e.g. `codes.lfs`.
 * @returns the concept, or null when nothing points to one.
 * @example
 * conceptOfCode('codes.lfs', '2', 'Unemployed'); // 'unemployed'
 * conceptOfCode('codes.sex', 'F'); // 'female'
 */
export function conceptOfCode(list: string, code: string, label?: string): string | null {
  const rules = CODE_RULES[list];
  if (!rules) return null;
  for (const text of [label, code]) {
    if (text === undefined) continue;
    const t = normaliseName(text);
    if (t === '') continue;
    for (const [concept, pattern] of rules) if (pattern.test(t)) return concept;
  }
  return null;
}

/**
 * Codes of status in employment that mean employee: ICSE-18-A codes 41–44 when the column uses that
 * classification, else the codes whose label says employee (not employer, own-account or family worker).
 *
 * @example
 * employeeCodes([{ code: '41' }, { code: '42' }, { code: '11' }, { code: '51' }]); // ['41', '42']
 * employeeCodes([{ code: '1', label: 'Employees' }, { code: '2', label: 'Employers' }]); // ['1']
 */
export function employeeCodes(values: readonly { code: string; label?: string }[]): string[] {
  const icse18 = values.length >= 3 && values.every((v) => ICSE18.has(v.code));
  if (icse18) return values.filter((v) => v.code.startsWith('4')).map((v) => v.code);
  return values
    .filter((v) => {
      const t = normaliseName(v.label ?? v.code);
      return EMPLOYEE.test(t) && !NOT_EMPLOYEE.test(t);
    })
    .map((v) => v.code);
}
