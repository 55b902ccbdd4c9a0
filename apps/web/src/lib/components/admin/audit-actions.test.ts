import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTIONS } from '@labmig/core/audit';
import { describe, expect, it } from 'vitest';
import { auditActionKey } from './audit-action-key.ts';

const catalogue = (locale: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../../messages/admin', `${locale}.json`), 'utf8'));

describe('audit action names', () => {
  it('name every action core records, in English and French', () => {
    for (const locale of ['en', 'fr'])
      for (const action of AUDIT_ACTIONS)
        expect(catalogue(locale), `${locale}: ${action}`).toHaveProperty(auditActionKey(action));
  });
});
