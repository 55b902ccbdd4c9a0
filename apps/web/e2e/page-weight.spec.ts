import { expect, test } from './fixtures.ts';
import { measurePageLoad } from './weight.ts';

/**
 * The budget of issue 11 (issue 2 had 60 KB): a course page load transfers under 20 KB (HTML + CSS, compressed, no
 * images). The page is server-rendered only, so it sends no JavaScript even with JavaScript on.
 */
const BUDGET_BYTES = 20 * 1024;

test('the course page stays under 20 KB compressed and sends no script', async ({
  page,
  javaScriptEnabled,
}, testInfo) => {
  test.skip(!javaScriptEnabled, 'measured with JavaScript on (where scripts would load)');
  const weight = await measurePageLoad(page, '/courses/measuring-labour-migration');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // Compressed size = gzip (level 6) of each response body, what any compressing server or proxy sends;
  // `transferred` is what the test server actually sent (static assets precompressed, SSR HTML gzipped).
  const { resources, ...summary } = weight;
  console.log(`course page weight: ${JSON.stringify(summary)}`);
  await testInfo.attach('page-weight.json', {
    body: JSON.stringify({ summary, resources }, null, 2),
    contentType: 'application/json',
  });
  expect(resources.filter((r) => r.type === 'document')).toHaveLength(1);
  expect(resources.filter((r) => r.type === 'script')).toEqual([]);
  expect(summary.gzipBytes).toBeLessThan(BUDGET_BYTES);
});
