import { describe, expect, it } from 'vitest';
import { narrowRule } from './upload.commands.ts';
import { UPLOAD_RULES } from './upload-rules.ts';

describe('narrowRule', () => {
  const base = UPLOAD_RULES['assignment-submission'];

  it('keeps the narrower of the two on every count', () => {
    expect(
      narrowRule(base, {
        types: ['pdf', 'docx'],
        maxFileBytes: 1024,
        maxTotalBytes: 10 * 1024 ** 3,
        maxFiles: 3,
      }),
    ).toEqual({ types: ['pdf', 'docx'], maxFileBytes: 1024, maxTotalBytes: base.maxTotalBytes, maxFiles: 3 });
  });

  it('never lets a feature accept a type the use refuses', () => {
    expect(
      narrowRule(base, { types: ['pdf', 'sav'], maxFileBytes: 1, maxTotalBytes: 1, maxFiles: 1 }).types,
    ).toEqual(['pdf']);
  });

  it('is the use’s rule when the feature has none', () => {
    expect(narrowRule(base)).toBe(base);
  });
});
