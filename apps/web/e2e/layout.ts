// Test helper for the layout specs: a page must never be wider than the screen.
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/**
 * Fails when the page is wider than the viewport; the message names the elements that stick out (outside any box
 * that scrolls on its own), so a failure says what to fix.
 */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const found = await page.evaluate(() => {
    const view = document.documentElement.clientWidth;
    const wide: string[] = [];
    const scrolls = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        const { overflowX } = getComputedStyle(e);
        if (overflowX === 'auto' || overflowX === 'scroll' || overflowX === 'hidden') return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > view + 1 && !scrolls(el.parentElement)) {
        const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
        wide.push(`${name} (right edge ${Math.round(box.right)} px)`);
      }
    }
    return { page: document.documentElement.scrollWidth, view, wide: wide.slice(0, 5) };
  });
  expect(
    found.page,
    `${page.url()} is ${found.page} px wide on a ${found.view} px screen: ${found.wide.join(', ')}`,
  ).toBeLessThanOrEqual(found.view);
}
