import type { MessageTable } from './message-table.ts';

/** Error messages of site administration. */
export const ADMIN_MESSAGES = {
  'admin.only': {
    en: 'You do not have access to this page.',
    fr: 'Vous n’avez pas accès à cette page.',
  },
} as const satisfies MessageTable;
