import { error } from '@sveltejs/kit';
import {
  COUNTRY_INDICATOR_IDS,
  COUNTRY_INDICATORS,
  corridorValues,
  indicatorOf,
  listTableSetsWithTables,
} from '@labmig/core/observatory';
import { countryIndicatorLabel } from '$lib/observatory/labels';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import { areaName, countryByAlpha3, countryLabel, referenceData } from '$lib/server/observatory/reference';
import type { PageServerLoad } from './$types';

/**
 * A country profile, in the spirit of the Atlas of Migration's profiles: where the country is (UN M49), then
 * population and migration, the labour market and recruitment costs, from every table set the cohort published
 * for it (latest reference year first), and the SDG 10.7.1 corridors that start or end there.
 */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  return runLoad(event, async () => {
    const locale = locals.locale;
    const data = referenceData(locals);
    const country = countryByAlpha3(data, params.code.toUpperCase());
    if (!country) error(404, 'Not found');
    const sets = await listTableSetsWithTables(locals.app, actor, params.id);
    const mine = sets.details
      .filter((s) => s.country === country.alpha3)
      .sort((a, b) => b.referenceYear - a.referenceYear || b.publishedAt.localeCompare(a.publishedAt));
    const wap = (set: (typeof mine)[number], migrant: string) =>
      set.tables
        .find((t) => t.id === 'wap_sex_age')
        ?.rows.find((r) => r.migrant === migrant && r.sex === 'total' && r.age === 'total')?.estimate ?? null;
    return {
      cohortId: sets.cohortId,
      country: {
        code: country.alpha3,
        name: locale === 'fr' ? country.name_fr : country.name_en,
        alpha2: country.alpha2,
        numeric: country.numeric,
        region: areaName(data, country.region, locale),
        subRegion: areaName(data, country.sub_region, locale),
        intermediate: country.intermediate_region
          ? areaName(data, country.intermediate_region, locale)
          : null,
      },
      sets: mine.map((s) => ({
        id: s.id,
        title: s.title,
        referenceYear: s.referenceYear,
        source: s.source,
        owner: s.owner,
        population: { migrants: wap(s, 'migrant'), total: wap(s, 'total') },
        indicators: COUNTRY_INDICATOR_IDS.map((id) => ({
          id,
          label: countryIndicatorLabel(id, locale),
          unit: COUNTRY_INDICATORS[id].unit,
          figure: indicatorOf(s, id),
        })),
      })),
      corridors: corridorValues(sets.details)
        .filter((c) => c.origin === country.alpha3 || c.destination === country.alpha3)
        .map((c) => ({
          origin: countryLabel(data, c.origin, locale),
          destination: countryLabel(data, c.destination, locale),
          mean: c.meanOfRatios?.value ?? null,
          setId: c.setId,
          referenceYear: c.referenceYear,
        })),
    };
  });
};
