import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** sha256 of the style attribute of SvelteKit's route announcer (`<div id="svelte-announcer" style="…">`). */
export const ANNOUNCER_STYLE_HASH = 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

/**
 * SvelteKit configuration. `kit.csp` in `auto` mode hashes or nonces SvelteKit's own inline scripts, so the policy
 * can stay strict ('self' only). frame-ancestors only works as a header, which SvelteKit sends for SSR pages.
 * @type {import('@sveltejs/kit').Config}
 */
export const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build', precompress: true }),
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self'],
        // SvelteKit's route announcer (generated root component) is the app's only style attribute; its exact value
        // is allowed by hash, nothing else ('unsafe-hashes' admits hashed attributes only; never 'unsafe-inline').
        // src/csp.test.ts checks the hash against the installed SvelteKit.
        'style-src-attr': ['unsafe-hashes', ANNOUNCER_STYLE_HASH],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        // The Lab's engine runs in a module Web Worker served from this origin (no blob: or data: workers).
        'worker-src': ['self'],
        'form-action': ['self'],
        'base-uri': ['self'],
        'object-src': ['none'],
        'frame-ancestors': ['none'],
      },
    },
    // CSRF: cross-origin form posts are refused in hooks.server.ts (src/lib/server/csrf.ts), with SvelteKit's own
    // rule, except on the one-click unsubscribe route of forum mail (RFC 8058), which a signed link authenticates.
    csrf: { trustedOrigins: ['*'] },
    // Routes are resolved by the server on client navigation, so the client does not download the table of every
    // route: with forums, assignments, certificates, administration and the Lab, that table had grown to 3 KB gzip
    // on every page (the course page's 60 KB budget, e2e/page-weight.spec.ts).
    router: { resolution: 'server' },
  },
};

export default config;
