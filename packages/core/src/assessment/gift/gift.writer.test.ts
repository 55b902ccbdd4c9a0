import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGift } from './gift.parser.ts';
import { escapeGift, toGift } from './gift.writer.ts';
import type { Question } from './gift.types.ts';

const corpus = readFileSync(new URL('./fixtures/all-features.gift', import.meta.url), 'utf8');
/** Source lines differ after export; everything else must be equal. */
const withoutLines = (qs: Question[]) => qs.map(({ line: _line, ...rest }) => rest);

describe('toGift', () => {
  it('round-trips the corpus: import → export → import gives equal questions', () => {
    const first = parseGift(corpus);
    const exported = toGift(first);
    expect(withoutLines(parseGift(exported))).toEqual(withoutLines(first));
    expect(first.length).toBe(15);
  });

  it('is stable: exporting the re-imported questions gives the same text', () => {
    const once = toGift(parseGift(corpus));
    expect(toGift(parseGift(once))).toBe(once);
  });

  it('writes categories once per change, and Moodle syntax for each type', () => {
    const text = toGift(
      parseGift('$CATEGORY: a\n\n::t::Sky {T}\n\n::n::Pi {#3.14:0.01}\n\n$CATEGORY: b\n\n::e::Essay {}'),
    );
    expect(text).toBe(
      '$CATEGORY: a\n\n::t::Sky {TRUE}\n\n::n::Pi {#3.14:0.01}\n\n$CATEGORY: b\n\n::e::Essay {}\n',
    );
  });

  it('writes missing-word questions around the blank and weights without float noise', () => {
    const text = toGift(parseGift('::m::A {~%7%x ~%93%y ~%-33.333%z} b.'));
    expect(text).toBe('::m::A { ~%7%x ~%93%y ~%-33.333%z } b.\n');
  });

  it('escapes the special characters and newlines', () => {
    expect(escapeGift('a~b=c#d{e}f:g\\h\ni')).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni');
  });

  it('protects a text that starts with "[" from being read as a format tag', () => {
    const [q] = parseGift('[moodle][draft] check {T}');
    expect(q.text).toBe('[draft] check');
    expect(withoutLines(parseGift(toGift([q])))).toEqual(withoutLines([q]));
  });
});
