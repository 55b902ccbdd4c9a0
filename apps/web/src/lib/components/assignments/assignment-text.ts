import { m } from '$lib/paraglide/messages';

type Locale = 'en' | 'fr';

/** A byte count as people read it (KB / MB, decimal, in the page's language). */
export function fileSize(bytes: number, locale: Locale): string {
  const fmt = (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v);
  if (bytes >= 1_000_000) return `${fmt(bytes / 1_000_000)} ${locale === 'fr' ? 'Mo' : 'MB'}`;
  if (bytes >= 1_000) return `${fmt(bytes / 1_000)} ${locale === 'fr' ? 'ko' : 'KB'}`;
  return `${fmt(bytes)} ${locale === 'fr' ? 'o' : 'B'}`;
}

/** One history entry's action in words. */
export function historyText(action: string, words: number | null): string {
  switch (action) {
    case 'text-saved':
      return words === null ? m.asg_h_text() : m.asg_h_text_words({ count: words });
    case 'file-added':
      return m.asg_h_file_added();
    case 'file-removed':
      return m.asg_h_file_removed();
    case 'submitted':
      return m.asg_h_submitted();
    case 'withdrawn':
      return m.asg_h_withdrawn();
    case 'attempt-started':
      return m.asg_h_attempt();
    default:
      return action;
  }
}

/** Why the learner may not change the work now. */
export function refusalText(reason: string, cutOff: string): string {
  switch (reason) {
    case 'not-open':
      return m.asg_r_not_open();
    case 'closed':
      return m.asg_window_closed({ closed: cutOff });
    case 'already-submitted':
      return m.asg_r_submitted();
    default:
      return m.asg_r_other();
  }
}

/** The label of a learner's status. */
export function statusText(status: string): string {
  const labels: Record<string, () => string> = {
    'not-open': m.asg_s_not_open,
    'to-do': m.asg_s_to_do,
    draft: m.asg_s_draft,
    late: m.asg_s_late,
    submitted: m.asg_s_submitted,
    passed: m.asg_s_passed,
    resubmit: m.asg_s_resubmit,
    failed: m.asg_s_failed,
    missed: m.asg_s_missed,
  };
  return labels[status]?.() ?? status;
}

/** The label of a grade's marking state. */
export function markingText(state: string): string {
  const labels: Record<string, () => string> = {
    'not-started': m.asg_m_not_started,
    'in-progress': m.asg_m_in_progress,
    ready: m.asg_m_ready,
    released: m.asg_m_released,
  };
  return labels[state]?.() ?? state;
}
