import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANNOUNCER_STYLE_HASH, config } from '../svelte.config.js';

describe('the Content-Security-Policy', () => {
  it("allows by hash exactly the style attribute of the installed SvelteKit's route announcer", () => {
    const kit = dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json'));
    const root = readFileSync(join(kit, 'src', 'core', 'sync', 'write_root.js'), 'utf8');
    const style = /id="svelte-announcer"[^>]*\sstyle="([^"]+)"/.exec(root)?.[1];
    expect(style, 'the announcer of SvelteKit has a style attribute').toBeTruthy();
    const hash = `sha256-${createHash('sha256').update(style!).digest('base64')}`;
    // When SvelteKit changes the announcer's style, put the new hash in svelte.config.js.
    expect(ANNOUNCER_STYLE_HASH).toBe(hash);
    expect(config.kit!.csp!.directives!['style-src-attr']).toEqual(['unsafe-hashes', hash]);
  });

  it('never allows inline styles or scripts wholesale', () => {
    const policy = JSON.stringify(config.kit!.csp!.directives!);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
  });
});
