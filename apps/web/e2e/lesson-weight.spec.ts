import { expect, test } from './fixtures.ts';
import { measurePageLoad } from './weight.ts';
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
  const weight = await measurePageLoad(lesson, href!);
  await expect(lesson.getByRole('button', { name: /Mark as/ })).toBeVisible();
  const { resources } = weight;
  const summary = {
    url: href,
    requests: weight.requests,
    rawBytes: weight.rawBytes,
    gzipBytes: weight.gzipBytes,
  };
  console.log(`lesson page weight: ${JSON.stringify(summary)}`);
  await testInfo.attach('lesson-weight.json', {
    body: JSON.stringify({ summary, resources }, null, 2),
    contentType: 'application/json',
  });
  expect(resources.filter((r) => r.type === 'document')).toHaveLength(1);
  expect(resources.some((r) => r.type === 'stylesheet')).toBe(true);
  expect(weight.gzipBytes).toBeLessThan(BUDGET_BYTES);
});
