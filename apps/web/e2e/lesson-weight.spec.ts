import { gzipSync } from 'node:zlib';
import type { Request } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import { seedState } from './state.ts';

/** The budget of issue 4: a lesson page transfers under 40 KB (HTML+CSS+JS, compressed, no images). */
const BUDGET_BYTES = 40 * 1024;

test('a lesson page stays under 40 KB compressed (HTML + CSS + JS)', async ({
  page,
  javaScriptEnabled,
}, testInfo) => {
  test.skip(!javaScriptEnabled, 'measured with JavaScript on (the heavier case)');
  await signIn(page, seedState().students.js);
  await page.goto(`/cohorts/${seedState().cohorts.running}/learn`);
  const href = await page
    .locator('section', { hasText: "What's next" })
    .getByRole('link')
    .first()
    .getAttribute('href');

  // A fresh tab (same session) so that no late request of the course home is counted, or read after its page is
  // gone.
  const lesson = await page.context().newPage();
  const resources: { url: string; type: string; raw: number; gzip: number }[] = [];
  const reads: Promise<void>[] = [];
  lesson.on('requestfinished', (request) => reads.push(measure(request)));
  const measure = async (request: Request) => {
    const type = request.resourceType();
    if (!['document', 'stylesheet', 'script'].includes(type)) return;
    const response = await request.response();
    if (!response) return;
    const body = await response.body();
    resources.push({ url: request.url(), type, raw: body.length, gzip: gzipSync(body, { level: 6 }).length });
  };
  await lesson.goto(href!, { waitUntil: 'networkidle' });
  await expect(lesson.getByRole('button', { name: /Mark as/ })).toBeVisible();
  await Promise.all(reads);

  // Compressed size = gzip (level 6) of each response body, as in page-weight.spec.ts.
  const gzipBytes = resources.reduce((sum, r) => sum + r.gzip, 0);
  const rawBytes = resources.reduce((sum, r) => sum + r.raw, 0);
  const summary = { url: href, requests: resources.length, rawBytes, gzipBytes };
  console.log(`lesson page weight: ${JSON.stringify(summary)}`);
  await testInfo.attach('lesson-weight.json', {
    body: JSON.stringify({ summary, resources }, null, 2),
    contentType: 'application/json',
  });
  expect(resources.filter((r) => r.type === 'document')).toHaveLength(1);
  expect(resources.some((r) => r.type === 'stylesheet')).toBe(true);
  expect(gzipBytes).toBeLessThan(BUDGET_BYTES);
});
