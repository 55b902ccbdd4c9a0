import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..');

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? entry.name === 'paraglide'
        ? []
        : svelteFiles(join(dir, entry.name))
      : entry.name.endsWith('.svelte')
        ? [join(dir, entry.name)]
        : [],
  );
}

// Svelte's server rendering drops `defaultValue` on a <textarea>: a saved text given that way is shown empty, and the
// next post of the form saves the empty text over it (the essay answers were lost this way).
describe('textareas', () => {
  it('never get their text from defaultValue', () => {
    const offenders: string[] = [];
    for (const file of svelteFiles(SRC)) {
      for (const tag of readFileSync(file, 'utf8').match(/<textarea\b[^>]*>/g) ?? [])
        if (/defaultValue=\{/.test(tag))
          offenders.push(`${file.slice(SRC.length + 1)}: ${tag.replace(/\s+/g, ' ')}`);
    }
    expect(offenders).toEqual([]);
  });
});
