import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import { seedState } from './state.ts';

/** The expert presentation of module 1 (week 1, open for the running cohort). */
const DECK = '01-overview-of-labour-statistics/slides';

test('the slide viewer moves between slides with the keyboard; focus and the URL hash follow', async ({
  page,
  javaScriptEnabled,
}) => {
  test.skip(!javaScriptEnabled, 'keyboard navigation is the script; without it the anchor links are tested');
  await signIn(page, seedState().students.js);
  await page.goto(`/cohorts/${seedState().cohorts.running}/learn/${DECK}`);
  const slides = page.locator('section.slide');
  const count = await slides.count();
  expect(count).toBeGreaterThan(3);
  const current = async (n: number): Promise<void> => {
    await expect(page).toHaveURL(new RegExp(`#slide-${n}$`));
    await expect(slides.nth(n - 1)).toBeFocused();
  };
  await page.locator('h1').click();
  await page.keyboard.press('ArrowRight');
  await current(2);
  await page.keyboard.press('PageDown');
  await current(3);
  await page.keyboard.press('ArrowLeft');
  await current(2);
  await page.keyboard.press('PageUp');
  await current(1);
  // At the first slide, "previous" stays there.
  await page.keyboard.press('ArrowLeft');
  await current(1);
  // After following an anchor link, the keys continue from that slide; the last slide is the end.
  await page
    .getByRole('navigation', { name: 'Slides', exact: true })
    .getByRole('link', { name: String(count), exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`#slide-${count}$`));
  await page.keyboard.press('ArrowRight');
  await current(count);
  await page.keyboard.press('ArrowLeft');
  await current(count - 1);
  // Keys with a modifier are left to the browser.
  await page.keyboard.press('Control+ArrowRight');
  await expect(page).toHaveURL(new RegExp(`#slide-${count - 1}$`));
});
