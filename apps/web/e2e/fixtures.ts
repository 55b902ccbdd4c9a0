import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** An accessibility violation found on a page, kept short for the failure message. */
interface Finding {
  readonly url: string;
  readonly rule: string;
  readonly targets: string[];
}

/** Runs axe on the page as it is now (WCAG 2.1 A/AA and best practices). */
async function scan(page: Page): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.map((v) => ({ url: page.url(), rule: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * `page` that, in the project with JavaScript on, runs an axe scan after every main-frame navigation (full loads
 * and client-side ones) and once more on the final page; the test fails on any violation.
 */
export const test = base.extend<{ scanned: string[] }>({
  scanned: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, javaScriptEnabled, scanned }, use) => {
    if (!javaScriptEnabled) {
      await use(page);
      return;
    }
    const findings: Finding[] = [];
    let chain: Promise<void> = Promise.resolve();
    const scanCurrent = async (): Promise<void> => {
      const url = page.url();
      if (url === 'about:blank' || !/^https?:/.test(url)) return;
      try {
        await page.waitForLoadState('load');
        findings.push(...(await scan(page)));
        scanned.push(url);
      } catch (error) {
        // The test navigated on while the scan ran; the next page is scanned by its own navigation event.
        if (!/Execution context was destroyed|navigat|Target .* closed|has been closed/i.test(String(error))) throw error;
      }
    };
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) chain = chain.then(scanCurrent);
    });
    await use(page);
    await chain;
    if (!page.isClosed()) await scanCurrent();
    expect(findings, `axe violations on ${[...new Set(findings.map((f) => f.url))].join(', ')}`).toEqual([]);
    expect(scanned.length, 'pages scanned by axe').toBeGreaterThan(0);
  },
});

export { expect };
