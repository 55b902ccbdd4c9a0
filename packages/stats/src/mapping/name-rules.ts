import type { MappingRole } from './mapping-roles.ts';

/**
 * A name or label in comparable form: camelCase split, accents dropped, lower case, every run of other characters
 * one `_`.
 *
 * @example
 * normaliseName('PaysDeNaissance'); // 'pays_de_naissance'
 * normaliseName('Année d’arrivée'); // 'annee_d_arrivee'
 */
export function normaliseName(s: string): string {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** How a column's name and label point to a role. Patterns run on {@link normaliseName} output. */
export interface NameRule {
  /** Usual names (English, French, Spanish LFS questionnaires and ILO/ILOSTAT micro-data). */
  readonly exact: readonly string[];
  readonly name: RegExp;
  readonly label: RegExp;
  /** A name or label that points elsewhere (a design weight, an age group, a yes/no flag). */
  readonly penalty?: RegExp;
}

const r = (source: string): RegExp => new RegExp(source);

/** Name and label rules per role. */
export const NAME_RULES: Readonly<Record<MappingRole, NameRule>> = {
  weight: {
    exact: [
      'weight',
      'wgt',
      'wt',
      'pweight',
      'pwgt',
      'pwt',
      'perwt',
      'final_weight',
      'weight_final',
      'finalwt',
    ],
    name: r(
      '(^|_)(weights?|wgt|wt|poids|pond|ponderation|ponderateur|peso|factor|fac|fex|fexp|factor_exp)(_|$|\\d)|expan',
    ),
    label: r('weight|poids|ponderat|factor_de_expansion|peso|expansion_factor|facteur_d_extrapolation'),
    penalty: r(
      'design|base|initial|(^|_)init|replic|(^|_)rep_?\\d|brr|(^|_)jk|boot|household|hh_?w|menage|hogar',
    ),
  },
  strata: {
    exact: ['stratum', 'strata', 'strat', 'estrato', 'strate', 'stratum_id', 'strata_id'],
    name: r('strat|estrato'),
    label: r('strat|estrato'),
  },
  psu: {
    exact: [
      'psu',
      'upm',
      'cluster',
      'grappe',
      'conglomerado',
      'ea',
      'ea_id',
      'psu_id',
      'id_upm',
      'upm_id',
      'segmento',
    ],
    name: r('(^|_)(psu|upm|cluster|grappe|conglomerado|ea|ze|zd)(_|$|\\d)|enumeration|segment'),
    label: r(
      'primary_sampling|(^|_)psu(_|$)|enumeration_area|cluster|grappe|unidad_primaria|unite_primaire|conglomerado|zone_de_denombrement',
    ),
  },
  age: {
    exact: [
      'age',
      'edad',
      'age_years',
      'ageyears',
      'p_age',
      'age_yrs',
      'age_in_years',
      'agea',
      'anos_cumplidos',
    ],
    name: r('(^|_)(age|edad|ages)(_|$|\\d)'),
    label: r('(^|_)(age|edad)(_|$)|age_in_(completed_)?years|age_en_annees|anos_cumplidos'),
    penalty: r(
      'group|grp|band|(^|_)cat|class|tranche|grupo|(^|_)gr(_|$)|_g$|10|5y|quinq|retire|arriv|first|marri',
    ),
  },
  sex: {
    exact: ['sex', 'gender', 'sexe', 'genre', 'sexo', 'sex_code', 'p_sex'],
    name: r('(^|_)(sex|gender|sexe|genre|sexo)(_|$)'),
    label: r('(^|_)(sex|gender|sexe|genre|sexo)(_|$)'),
  },
  lfs: {
    exact: [
      'lfs',
      'ilo_status',
      'lf_status',
      'lfstat',
      'lfs_status',
      'labour_force_status',
      'labor_force_status',
      'activity_status',
      'statut_bit',
      'statut_activite',
      'condact',
      'cond_act',
      'condicion_actividad',
      'ilo_lfs',
    ],
    name: r(
      '(^|_)lfs(_|$)|(ilo|bit|oit)_?(lf|stat|status)|lab(ou|o)r_?force|activity_?stat|econ\\w*_(activ\\w*_)?stat|statut_\\w*(activ|bit)|cond\\w*_?act|estado_?laboral|situacion_?laboral',
    ),
    label: r(
      'labou?r_force_status|activity_status|statut_d_activite|statut_bit|condicion_de_actividad|fuerza_de_trabajo|situacion_laboral|(employed|occupe)\\w*_(unemployed|chomeur)',
    ),
  },
  education: {
    exact: [
      'education',
      'educ',
      'edu',
      'isced',
      'isced11',
      'educ_level',
      'edu_level',
      'education_level',
      'niveau_etudes',
      'niveau_instruction',
      'diplome',
      'nivel_educativo',
      'nivel_instruccion',
      'cine',
    ],
    name: r('educ|isced|(^|_)cine|diplom|instruc|(^|_)niv\\w*_(etud|ed|instr)|hatlev|attain'),
    label: r(
      'education|isced|highest_level|niveau_d_(etudes|instruction)|diplome|nivel_educativo|nivel_de_instruccion|(^|_)cine(_|$)',
    ),
    penalty: r(
      'years|annees|anos|father|mother|pere|mere|padre|madre|attend|current|enrol|field|domaine|spouse',
    ),
  },
  countryOfBirth: {
    exact: [
      'country_of_birth',
      'cob',
      'birth_country',
      'countryofbirth',
      'pays_naissance',
      'pays_de_naissance',
      'pays_naiss',
      'pais_nacimiento',
      'pais_de_nacimiento',
      'pais_nac',
      'birthplace',
      'place_of_birth',
      'ctry_birth',
    ],
    name: r('birth|naiss|nacim|(^|_)cob(_|$)|born'),
    label: r(
      'country_of_birth|birth_country|born|pays_de_naissance|lieu_de_naissance|pais_de_nacimiento|lugar_de_nacimiento',
    ),
    penalty: r(
      'year|date|annee|(^|_)ano|month|mois|(^|_)mes(_|$)|(^|_)day|jour|dia|mother|father|mere|pere|madre|padre|region|province|district',
    ),
  },
  citizenship: {
    exact: [
      'citizenship',
      'nationality',
      'citizen',
      'nationalite',
      'nacionalidad',
      'ciudadania',
      'country_of_citizenship',
    ],
    name: r('citizen|nationalit|nacionalid|ciudadan'),
    label: r('citizenship|nationality|nationalite|citoyennete|nacionalidad|ciudadania'),
    penalty: r('foreign|etrang|extranj|dual|double|second|acqui|since|year|annee'),
  },
  usualResidenceCountry: {
    exact: [
      'country_of_residence',
      'usual_residence',
      'residence_country',
      'usual_residence_country',
      'pays_residence',
      'pays_de_residence',
      'pais_residencia',
      'pais_de_residencia',
    ],
    name: r('resid\\w*_(country|pays|pais)|(country|pays|pais)_(of_|de_)?resid'),
    label: r('country_of_(usual_)?residence|pays_de_residence|pais_de_residencia'),
    penalty: r('prev|last|before|anterior|precedent|former|ancien|ante'),
  },
  presentInCountry: {
    exact: ['present', 'present_in_country', 'presence', 'presente'],
    name: r('(^|_)presen(t|ce|te)(_|$)'),
    label: r('present_in|physically_present|presence|presente'),
  },
  previousCountryOfResidence: {
    exact: [
      'previous_country_of_residence',
      'prev_country',
      'previous_country',
      'last_country',
      'country_prev',
      'prev_residence',
      'pays_residence_anterieure',
      'pais_residencia_anterior',
      'country_before',
    ],
    name: r(
      '(prev|last|anterior|precedent|former|before)\\w*_(country|pays|pais|resid)|(country|pays|pais|resid)\\w*_(prev|previous|last|anterior\\w*|precedent\\w*|before)',
    ),
    label: r(
      'previous_(country|residence)|last_country|previous_usual|residence_anterieure|pays_de_residence_precedent|residencia_anterior',
    ),
  },
  yearOfArrival: {
    exact: [
      'year_of_arrival',
      'arrival_year',
      'yr_arrival',
      'year_arrival',
      'arr_year',
      'annee_arrivee',
      'annee_d_arrivee',
      'ano_llegada',
      'ano_de_llegada',
      'anio_llegada',
      'yoa',
      'year_arrived',
      'yrarr',
    ],
    name: r('arriv|llegad|(^|_)yoa(_|$)|yr_?arr|year\\w*_(came|entry|immig)|immig\\w*_year|entry_year'),
    label: r(
      'year_of_arrival|arrival|annee_d_arrivee|ano_de_llegada|year\\w*_came|year_of_(entry|immigration)',
    ),
    penalty: r('month|mois|(^|_)mes(_|$)|age|reason|motif'),
  },
  reasonForMigration: {
    exact: [
      'reason_for_migration',
      'migration_reason',
      'reason_migration',
      'motive',
      'motif_migration',
      'raison_migration',
      'motivo_migracion',
      'main_reason',
    ],
    name: r('reason|motiv|motif|raison|(^|_)why'),
    label: r('reason_for_(migration|moving|coming|leaving)|main_reason|motif|raison|motivo'),
    penalty: r('inactiv|not_?work|absen|part_?time|leave|quit|left|chom|unemp|no_busca|search'),
  },
  workedAbroad: {
    exact: ['worked_abroad', 'work_abroad', 'ever_worked_abroad', 'trabajo_extranjero'],
    name: r('(work|trav|trab)\\w*_(abroad|etranger|extranjero)|abroad\\w*_work|returnee'),
    label: r('worked_abroad|work\\w*_abroad|travaille\\w*_l_etranger|trabajo\\w*_en_el_extranjero'),
  },
  isic: {
    exact: [
      'isic',
      'isic4',
      'isic4_section',
      'isic_section',
      'nace',
      'industry',
      'branch',
      'branche',
      'secteur',
      'sector',
      'rama',
      'rama_actividad',
      'ciiu',
      'ciiu4',
    ],
    name: r('isic|nace|ciiu|industr|branch|(^|_)rama(_|$)|(^|_)sect(o|eu)r(_|$)'),
    label: r(
      'industry|isic|economic_activity|(^|_)branch|branche|secteur_d_activite|rama_de_actividad|ciiu|nace|activite_economique|actividad_economica',
    ),
    penalty: r('status|statut|condic|second|job2|previous|last_job'),
  },
  isco: {
    exact: [
      'isco',
      'isco08',
      'isco08_major',
      'isco_major',
      'occupation',
      'occup',
      'occ',
      'profession',
      'ocupacion',
      'ciuo',
      'ciuo08',
    ],
    name: r('isco|ciuo|occup|profession|ocupaci'),
    label: r('occupation|isco|profession|ocupacion|ciuo|metier'),
    penalty: r('second|job2|previous|last_job|status|categ'),
  },
  statusInEmployment: {
    exact: [
      'status_in_employment',
      'icse',
      'icse18',
      'icse93',
      'ste',
      'emp_status',
      'employment_status',
      'statut_emploi',
      'statut_dans_l_emploi',
      'categoria_ocupacional',
      'cat_ocup',
      'posicion_ocupacional',
      'situacion_profesional',
    ],
    name: r(
      'icse|status_in_employ|employment_status|emp_?stat|statut\\w*_emploi|categ\\w*_ocup|posici\\w*_ocup|situaci\\w*_profes',
    ),
    label: r(
      'status_in_employment|employment_status|icse|statut_dans_l_emploi|situation_dans_la_profession|categoria_ocupacional|posicion_ocupacional|situacion_profesional',
    ),
    penalty: r('group|grp|second|job2'),
  },
  recruitmentCost: {
    exact: [
      'recruitment_cost',
      'recr_cost',
      'recruit_cost',
      'cost_recruitment',
      'migration_cost',
      'cout_recrutement',
      'frais_recrutement',
      'costo_reclutamiento',
    ],
    name: r('recruit|recrut|reclut|(^|_)mig\\w*_cost'),
    label: r(
      'recruitment_cost|cost\\w*_recruit|frais_de_recrutement|cout\\w*_recrutement|costo\\w*_reclutamiento|paid\\w*_(to_get|for)\\w*_job',
    ),
  },
  firstMonthEarnings: {
    exact: [
      'first_month_earnings',
      'first_month_income',
      'earnings_first_month',
      'first_earnings',
      'salaire_premier_mois',
      'premier_salaire',
      'primer_salario',
      'ingreso_primer_mes',
    ],
    name: r(
      'first_?month|premier_?mois|primer_?mes|first_(earn|wage|salar|pay)|premier_salaire|primer_salario',
    ),
    label: r('first_month|premier_mois|primer_mes|first_(earnings|wage|salary|pay)'),
  },
};
