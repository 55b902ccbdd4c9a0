import {
  COUNTRY_INDICATOR_IDS,
  COUNTRY_INDICATORS,
  countryValues,
  listTableSetsWithTables,
  withdrawTableSet,
} from '@labmig/core/observatory';
import { countryIndicatorLabel } from '$lib/observatory/labels';
import { runAction, runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import { countryLabel, referenceData } from '$lib/server/observatory/reference';
import type { Actions, PageServerLoad } from './$types';

/**
 * A cohort's observatory: the country table sets its learners and groups published from the Lab, each with its
 * metadata, and the countries compared on the gaps and shares taken from them (enrolled people and staff only).
 */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  return runLoad(event, async () => {
    const locale = locals.locale;
    const data = referenceData(locals);
    const sets = await listTableSetsWithTables(locals.app, actor, params.id);
    const comparisons = COUNTRY_INDICATOR_IDS.map((indicator) => ({
      indicator,
      label: countryIndicatorLabel(indicator, locale),
      unit: COUNTRY_INDICATORS[indicator].unit,
      values: countryValues(sets.details, indicator).map((v) => ({
        country: v.country,
        name: countryLabel(data, v.country, locale),
        value: v.value,
        ciLower: v.ciLower,
        ciUpper: v.ciUpper,
        flags: v.flags,
        setId: v.setId,
        setTitle: v.setTitle,
        referenceYear: v.referenceYear,
      })),
    }));
    return {
      cohortId: sets.cohortId,
      cohortTitle: sets.cohortTitle,
      sets: sets.sets.map((s) => ({ ...s, countryName: countryLabel(data, s.country, locale) })),
      comparisons,
      mayPublish: sets.mayPublish || sets.mayPublishForGroup,
    };
  });
};

export const actions: Actions = {
  /** Withdraws a published set (its owner, a member of its group, or staff). */
  withdraw: async (event) => {
    const actor = requireUser(event.locals, event.url);
    return runAction(event, async (form) => {
      await withdrawTableSet(event.locals.app, actor, event.params.id, String(form.get('setId') ?? ''));
      return { done: 'withdrawn' as const };
    });
  },
};
