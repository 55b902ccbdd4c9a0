/**
 * The catalogue key naming an audit action (`enrolment.role_changed` → `audit_enrolment_role_changed`).
 * @example auditActionKey('cohort.closed') // 'audit_cohort_closed'
 */
export function auditActionKey(action: string): string {
  return `audit_${action.replace(/\./g, '_')}`;
}
