import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

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
    // CSRF: SvelteKit rejects cross-origin form posts; adapter-node takes the origin from ORIGIN.
    csrf: { trustedOrigins: [] },
  },
};

export default config;
