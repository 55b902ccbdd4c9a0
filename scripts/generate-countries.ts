/**
 * Writes content/data/countries.csv: ISO 3166-1 codes and names (English, French) from Debian's `iso-codes` package,
 * joined to the UN M49 regions below (UN Statistics Division, "Standard country or area codes for statistical use").
 * Run once when iso-codes or M49 change: `npx tsx scripts/generate-countries.ts` (needs `apt-get install iso-codes`).
 */
import { readFileSync, writeFileSync } from 'node:fs';

const ISO_JSON = '/usr/share/iso-codes/json/iso_3166-1.json';
const ISO_MO_FR = '/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo';
const OUT = new URL('../content/data/countries.csv', import.meta.url).pathname;

/** M49 regions, sub-regions and intermediate regions, in English and French as UNSD publishes them. */
const AREAS: Record<string, [string, string]> = {
  '002': ['Africa', 'Afrique'],
  '015': ['Northern Africa', 'Afrique septentrionale'],
  '202': ['Sub-Saharan Africa', 'Afrique subsaharienne'],
  '014': ['Eastern Africa', 'Afrique orientale'],
  '017': ['Middle Africa', 'Afrique centrale'],
  '018': ['Southern Africa', 'Afrique australe'],
  '011': ['Western Africa', 'Afrique occidentale'],
  '019': ['Americas', 'Amériques'],
  '419': ['Latin America and the Caribbean', 'Amérique latine et Caraïbes'],
  '029': ['Caribbean', 'Caraïbes'],
  '013': ['Central America', 'Amérique centrale'],
  '005': ['South America', 'Amérique du Sud'],
  '021': ['Northern America', 'Amérique septentrionale'],
  '142': ['Asia', 'Asie'],
  '143': ['Central Asia', 'Asie centrale'],
  '030': ['Eastern Asia', 'Asie orientale'],
  '035': ['South-eastern Asia', 'Asie du Sud-Est'],
  '034': ['Southern Asia', 'Asie méridionale'],
  '145': ['Western Asia', 'Asie occidentale'],
  '150': ['Europe', 'Europe'],
  '151': ['Eastern Europe', 'Europe orientale'],
  '154': ['Northern Europe', 'Europe septentrionale'],
  '039': ['Southern Europe', 'Europe méridionale'],
  '155': ['Western Europe', 'Europe occidentale'],
  '009': ['Oceania', 'Océanie'],
  '053': ['Australia and New Zealand', 'Australie et Nouvelle-Zélande'],
  '054': ['Melanesia', 'Mélanésie'],
  '057': ['Micronesia', 'Micronésie'],
  '061': ['Polynesia', 'Polynésie'],
};

/** Members (ISO alpha-3) of each M49 group, keyed "region/sub-region[/intermediate]". */
const MEMBERS: Record<string, string> = {
  '002/015': 'DZA EGY LBY MAR SDN TUN ESH',
  '002/202/014': 'IOT BDI COM DJI ERI ETH ATF KEN MDG MWI MUS MYT MOZ REU RWA SYC SOM SSD UGA TZA ZMB ZWE',
  '002/202/017': 'AGO CMR CAF TCD COG COD GNQ GAB STP',
  '002/202/018': 'BWA SWZ LSO NAM ZAF',
  '002/202/011': 'BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SHN SEN SLE TGO',
  '019/419/029':
    'AIA ATG ABW BHS BRB BES VGB CYM CUB CUW DMA DOM GRD GLP HTI JAM MTQ MSR PRI BLM KNA LCA MAF VCT SXM TTO TCA VIR',
  '019/419/013': 'BLZ CRI SLV GTM HND MEX NIC PAN',
  '019/419/005': 'ARG BOL BVT BRA CHL COL ECU FLK GUF GUY PRY PER SGS SUR URY VEN',
  '019/021': 'BMU CAN GRL SPM USA',
  '142/143': 'KAZ KGZ TJK TKM UZB',
  '142/030': 'CHN HKG MAC PRK JPN MNG KOR',
  '142/035': 'BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM',
  '142/034': 'AFG BGD BTN IND IRN MDV NPL PAK LKA',
  '142/145': 'ARM AZE BHR CYP GEO IRQ ISR JOR KWT LBN OMN QAT SAU PSE SYR TUR ARE YEM',
  '150/151': 'BLR BGR CZE HUN POL MDA ROU RUS SVK UKR',
  '150/154': 'ALA DNK EST FRO FIN GGY ISL IRL IMN JEY LVA LTU NOR SJM SWE GBR',
  '150/039': 'ALB AND BIH HRV GIB GRC VAT ITA MLT MNE MKD PRT SMR SRB SVN ESP',
  '150/155': 'AUT BEL FRA DEU LIE LUX MCO NLD CHE',
  '009/053': 'AUS CXR CCK HMD NZL NFK',
  '009/054': 'FJI NCL PNG SLB VUT',
  '009/057': 'GUM KIR MHL FSM NRU MNP PLW UMI',
  '009/061': 'ASM COK PYF NIU PCN WSM TKL TON TUV WLF',
};

/** ISO entries that M49 does not place in a region: Antarctica (World only) and Taiwan (not listed in M49). */
const OUTSIDE_M49 = new Set(['ATA', 'TWN']);

/** Reads a GNU gettext .mo file into a msgid → msgstr map. */
function readMo(path: string): Map<string, string> {
  const buf = readFileSync(path);
  const le = buf.readUInt32LE(0) === 0x950412de;
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const count = u32(8);
  const [origins, translations] = [u32(12), u32(16)];
  const map = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const str = (table: number) =>
      buf.toString('utf8', u32(table + i * 8 + 4), u32(table + i * 8 + 4) + u32(table + i * 8));
    map.set(str(origins), str(translations));
  }
  return map;
}

const csv = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const iso: { alpha_2: string; alpha_3: string; numeric: string; name: string; common_name?: string }[] =
  JSON.parse(readFileSync(ISO_JSON, 'utf8'))['3166-1'];
const fr = readMo(ISO_MO_FR);
const groupOf = new Map<string, string[]>();
for (const [path, members] of Object.entries(MEMBERS)) {
  for (const a3 of members.split(' ')) {
    if (groupOf.has(a3)) throw new Error(`${a3} is in two M49 groups`);
    groupOf.set(a3, path.split('/'));
  }
}
const known = new Set(iso.map((c) => c.alpha_3));
for (const a3 of groupOf.keys())
  if (!known.has(a3)) throw new Error(`M49 member ${a3} is not an ISO 3166-1 code`);

const lines = ['alpha2,alpha3,numeric,name_en,name_fr,region,sub_region,intermediate_region'];
for (const c of [...iso].sort((a, b) => a.alpha_2.localeCompare(b.alpha_2))) {
  const group = groupOf.get(c.alpha_3);
  if (!group && !OUTSIDE_M49.has(c.alpha_3)) throw new Error(`${c.alpha_3} has no M49 region`);
  const [region = '', sub = '', intermediate = ''] = group ?? [];
  for (const code of [region, sub, intermediate])
    if (code && !AREAS[code]) throw new Error(`unknown M49 area ${code}`);
  const name = c.common_name ?? c.name;
  lines.push(
    [c.alpha_2, c.alpha_3, c.numeric, name, fr.get(name) ?? fr.get(c.name) ?? name, region, sub, intermediate]
      .map(csv)
      .join(','),
  );
}
writeFileSync(OUT, `${lines.join('\n')}\n`);
const areas = [
  'code,name_en,name_fr',
  ...Object.entries(AREAS).map(([code, [en, frName]]) => [code, en, frName].map(csv).join(',')),
];
writeFileSync(OUT.replace('countries.csv', 'm49-areas.csv'), `${areas.join('\n')}\n`);
console.log(`${lines.length - 1} countries, ${Object.keys(AREAS).length} M49 areas`);
