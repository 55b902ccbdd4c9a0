import { expect, test } from './fixtures.ts';

test('the French course page: French interface, English content marked as such', async ({ page }) => {
  await page.goto('/fr/courses/measuring-labour-migration');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Mesurer et analyser les migrations de main-d’œuvre',
  );
  await expect(page.getByText('Une partie du contenu de ce cours n’existe qu’en anglais')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Questions fréquentes' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^(Édition en cours|Prochaine édition)$/ })).toBeVisible();
  const past = page.getByRole('region', { name: 'Éditions passées' });
  await expect(past).toContainText(/26\soctobre/);
  await expect(past).toContainText('4 décembre 2020');
  const facts = page.getByRole('region', { name: 'En bref' });
  await expect(facts).toContainText('60 heures d’apprentissage');
  await expect(facts).toContainText('6 semaines');
  // English text is labelled as English for screen readers.
  await expect(page.locator('[lang="en"]').first()).toBeVisible();

  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/courses\/measuring-labour-migration$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Measuring and Analyzing Labour Migration',
  );
});

test.describe('a French-speaking browser', () => {
  test.use({ locale: 'fr-FR' });

  test('gets French on its first visit, then keeps the language it chose', async ({ page }) => {
    await page.goto('/courses');
    await expect(page).toHaveURL(/\/fr\/courses$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cours');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/courses$/);
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
