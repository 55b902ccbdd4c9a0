import { checkPolicyTable, type Who, type WhoOwned } from '../testing/policy-table.ts';
import { supportPolicy } from './support.policy.ts';

const STAFF: Who[] = ['tutor (active)', 'manager (active)', 'site admin'];
const LEARNERS: Who[] = ['learner (active)', 'site admin, learner (active)'];
const onAny = (who: readonly Who[]): WhoOwned[] =>
  who.flatMap((w) => [`${w}, own`, `${w}, other's`] as const);
const own = (who: readonly Who[]): WhoOwned[] => who.map((w) => `${w}, own` as const);

// Everyone not named is refused: anonymous visitors, outsiders, pending, waitlisted, declined and withdrawn people,
// members of other cohorts, a learner on another learner's question, and a site admin taking the course as a
// learner on the queue (they ask as a learner).
checkPolicyTable(
  'support',
  supportPolicy,
  {
    'support.view': [...STAFF, ...LEARNERS],
    'support.ask': LEARNERS,
    'support.queue': STAFF,
    'support.read': [...onAny(STAFF), ...own(LEARNERS)],
    'support.follow-up': own(LEARNERS),
    'support.close-own': own(LEARNERS),
  },
  { owned: ['support.read', 'support.follow-up', 'support.close-own'] },
);
