// Test helper for the page-weight budgets (course page, lesson page, attempt page).
import { gzipSync } from 'node:zlib';
import type { Page, Request } from '@playwright/test';

/** One response of a page load: raw size, gzip level 6 (what any compressing server sends), bytes sent. */
export interface LoadedResource {
  readonly url: string;
  readonly type: string;
  readonly raw: number;
  readonly gzip: number;
  readonly transferred: number;
}

/** A page load's HTML, CSS and JS, with totals in bytes (gzip per type). */
export interface PageWeight {
  readonly resources: readonly LoadedResource[];
  readonly requests: number;
  readonly rawBytes: number;
  readonly gzipBytes: number;
  readonly transferredBytes: number;
  readonly byType: Readonly<Record<'document' | 'stylesheet' | 'script', number>>;
}

const TYPES = ['document', 'stylesheet', 'script'] as const;

/**
 * Loads `url` in `page` (use a page that has loaded nothing else, so no late request of another page is counted)
 * until the network is idle, and measures every document, stylesheet and script it fetched. Each body is read as
 * its request finishes and all reads are awaited before adding up.
 */
export async function measurePageLoad(page: Page, url: string): Promise<PageWeight> {
  const resources: LoadedResource[] = [];
  const reads: Promise<void>[] = [];
  const measure = async (request: Request) => {
    const type = request.resourceType();
    if (!(TYPES as readonly string[]).includes(type)) return;
    const response = await request.response();
    if (!response) return;
    // A body is gone once its page navigated away (a redirect or a client reload during the load): the same URL
    // is then fetched again with the page's cookies, which gives the same bytes.
    const body = await response
      .body()
      .catch(async () => (await page.request.get(request.url(), { maxRedirects: 0 })).body());
    const sizes = await request.sizes();
    resources.push({
      url: request.url(),
      type,
      raw: body.length,
      gzip: gzipSync(body, { level: 6 }).length,
      transferred: sizes.responseBodySize,
    });
  };
  const listener = (request: Request) => void reads.push(measure(request));
  page.on('requestfinished', listener);
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    await Promise.all(reads);
  } finally {
    page.off('requestfinished', listener);
  }
  const sum = (items: readonly LoadedResource[], key: 'raw' | 'gzip' | 'transferred') =>
    items.reduce((total, r) => total + r[key], 0);
  return {
    resources,
    requests: resources.length,
    rawBytes: sum(resources, 'raw'),
    gzipBytes: sum(resources, 'gzip'),
    transferredBytes: sum(resources, 'transferred'),
    byType: Object.fromEntries(
      TYPES.map((t) => [
        t,
        sum(
          resources.filter((r) => r.type === t),
          'gzip',
        ),
      ]),
    ) as PageWeight['byType'],
  };
}
