import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { ForbiddenError } from '../../errors/domain-errors.ts';
import { buildAssessmentWorld, WORLD_GIFT } from '../attempt/assessment-world.testing.ts';
import { exportQuestionBankGift } from './bank-import-export.queries.ts';
import { parseGift } from '../gift/gift.parser.ts';

const withoutLines = (source: string) =>
  parseGift(source)
    .map(({ line: _line, ...q }) => q)
    .sort((a, b) => a.name.localeCompare(b.name));

forEachDialect((ctx) => {
  describe('exportQuestionBankGift', () => {
    it('writes the imported bank back as GIFT that parses to the same questions', async () => {
      const w = await buildAssessmentWorld(ctx);
      const gift = await exportQuestionBankGift(w.app, w.tutor, w.cohort.id);
      expect(withoutLines(gift)).toEqual(withoutLines(WORLD_GIFT));
      await expect(exportQuestionBankGift(w.app, w.ana, w.cohort.id)).rejects.toBeInstanceOf(ForbiddenError);
    });
  });
});
