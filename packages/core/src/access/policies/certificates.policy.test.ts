import { checkPolicyTable, type Who, type WhoOwned } from '../testing/policy-table.ts';
import { certificatesPolicy } from './certificates.policy.ts';

const STAFF: Who[] = ['tutor (active)', 'manager (active)', 'site admin', 'site admin, learner (active)'];
const MANAGERS: Who[] = ['manager (active)', 'site admin', 'site admin, learner (active)'];
const onAny = (who: readonly Who[]): WhoOwned[] =>
  who.flatMap((w) => [`${w}, own`, `${w}, other's`] as const);

// Everyone not named is refused: anonymous visitors, outsiders, waitlisted people, withdrawn staff, members of other
// cohorts, and learners on someone else's certificate.
checkPolicyTable(
  'certificates',
  certificatesPolicy,
  {
    'certificate.download': [...onAny(STAFF), 'learner (active), own', 'learner (withdrawn), own'],
    'completion.own': ['learner (active)', 'learner (withdrawn)', 'site admin, learner (active)'],
    'completion.report': STAFF,
    // Tutors grade; only managers and admins make exceptions or take a certificate back.
    'certificate.issue': MANAGERS,
    'certificate.revoke': MANAGERS,
    'diploma.revoke': ['site admin', 'site admin, learner (active)'],
  },
  { owned: ['certificate.download'], site: ['diploma.revoke'] },
);
