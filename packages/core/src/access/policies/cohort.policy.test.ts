import { CAST, checkPolicyTable, type Who } from '../testing/policy-table.ts';
import { cohortPolicy } from './cohort.policy.ts';

const SIGNED_IN = CAST.map((p) => p.who).filter((who): who is Who => who !== 'anonymous');

checkPolicyTable('cohorts', cohortPolicy, {
  // The enrolment rules (window, capacity, already enrolled) decide after the policy.
  'cohort.enrol': SIGNED_IN,
  'cohort.withdraw': SIGNED_IN,
  // Tutors, learners, withdrawn managers and managers of other cohorts never see the roster.
  'roster.view': ['manager (active)', 'site admin', 'site admin, learner (active)'],
});
