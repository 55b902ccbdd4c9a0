import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseStoredJson } from './stored-json.ts';

describe('parseStoredJson', () => {
  const schema = z.object({ slots: z.array(z.object({ maxMark: z.number() })) });

  it('returns the parsed value when it fits the schema', () => {
    expect(parseStoredJson(schema, '{"slots":[{"maxMark":2}]}', 'layout')).toEqual({
      slots: [{ maxMark: 2 }],
    });
  });

  it('names what was read and where it does not fit', () => {
    expect(() => parseStoredJson(schema, '{"slots":[{"maxMark":"2"}]}', 'attempt layout')).toThrow(
      /stored attempt layout does not fit its schema at slots\.0\.maxMark/,
    );
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseStoredJson(schema, '{slots', 'attempt layout')).toThrow(
      /stored attempt layout is not valid JSON/,
    );
  });
});
