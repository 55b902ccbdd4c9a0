import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Frame, type Page } from '@playwright/test';

/** An accessibility violation found on a page, kept short for the failure message. */
interface Finding {
  readonly url: string;
  readonly rule: string;
  readonly targets: string[];
}

/** Runs axe on the page as it is now (WCAG 2.1 A/AA and best practices). Legacy mode: the app has no iframes. */
async function scan(page: Page): Promise<Finding[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .setLegacyMode(true)
    .analyze();
  return results.violations.map((v) => ({
    url: page.url(),
    rule: v.id,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** Errors that only mean the page navigated away during a scan. */
const NAVIGATED =
  /Execution context was destroyed|because of a navigation|Target page, context or browser has been closed/;

/** A cheap hash of the page's markup (runs in the browser). */
function markupHash(): string {
  const html = document.documentElement.outerHTML.replace(/nonce="[^"]*"/g, '');
  let hash = 0;
  for (let i = 0; i < html.length; i++) hash = (Math.imul(31, hash) + html.charCodeAt(i)) | 0;
  return `${html.length}:${hash}`;
}

/**
 * `page` that, in the project with JavaScript on, runs an axe scan after every main-frame navigation (full loads
 * and client-side ones) and once more on the final page; the test fails on any violation.
 */
export const test = base.extend<{ scanned: string[] }, { seen: Set<string> }>({
  scanned: async ({}, use) => {
    await use([]);
  },
  // Identical page states (same path, same markup) are scanned once per worker to keep the run short.
  seen: [
    async ({}, use) => {
      await use(new Set());
    },
    { scope: 'worker' },
  ],
  page: async ({ page, javaScriptEnabled, scanned, seen }, use) => {
    if (!javaScriptEnabled) {
      await use(page);
      return;
    }
    const findings: Finding[] = [];
    let chain: Promise<void> = Promise.resolve();
    let navigations = 0;
    const scanCurrent = async (): Promise<void> => {
      const startedAt = navigations;
      const url = page.url();
      if (url === 'about:blank' || !/^https?:/.test(url)) return;
      try {
        await page.waitForLoadState('load');
        const key = `${new URL(url).pathname}|${await page.evaluate(markupHash)}`;
        if (!seen.has(key)) {
          findings.push(...(await scan(page)));
          seen.add(key);
        }
        scanned.push(url);
      } catch (error) {
        // The test navigated on while the scan ran; the next page is scanned by its own navigation event.
        // (The navigation event can arrive just after the error, hence the short wait before checking.)
        if (page.isClosed() || NAVIGATED.test(String(error))) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
        if (navigations === startedAt) throw error;
      }
    };
    // Every scan goes through one queue: axe refuses to start while another run is going on in the page
    // ("Axe is already running"), which happened when a late navigation event (e.g. a hash change from an anchor
    // link or the slide keys) queued a scan while the final scan was running.
    const onNavigated = (frame: Frame): void => {
      if (frame !== page.mainFrame()) return;
      navigations++;
      chain = chain.then(scanCurrent);
    };
    page.on('framenavigated', onNavigated);
    await use(page);
    page.off('framenavigated', onNavigated);
    if (!page.isClosed()) chain = chain.then(scanCurrent);
    await chain;
    expect(findings, `axe violations on ${[...new Set(findings.map((f) => f.url))].join(', ')}`).toEqual([]);
    expect(scanned.length, 'pages scanned by axe').toBeGreaterThan(0);
  },
});

export { expect };
