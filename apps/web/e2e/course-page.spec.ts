import { expect, test } from './fixtures.ts';
import { signUpNew } from './helpers.ts';
import { seedState } from './state.ts';

// Expected facts come from the seed course page (shared/seed/course-page.txt) and course.yaml.
test('the course page presents the whole course', async ({ page }) => {
  await page.goto('/courses/measuring-labour-migration');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Measuring and Analyzing Labour Migration',
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  const facts = page.getByRole('region', { name: 'Key facts' });
  await expect(facts).toContainText('English');
  await expect(facts).toContainText('60 learning hours');
  await expect(facts).toContainText('6 weeks');
  // The 2020 edition has ended: it is a past edition with its dates, not a key fact.
  await expect(facts).not.toContainText('2020');
  const past = page.getByRole('region', { name: 'Past editions' });
  await expect(past).toContainText(/2020 edition: 26 October\s–\s4 December 2020, on ITCILO eCampus/);
  // The page leads with an edition one can still join: its dates, time zone, places and the way in.
  const lead = page.getByRole('region', { name: /^(Current|Next) edition$/ });
  await expect(lead).toContainText(/time zone/);
  await expect(lead).toContainText(/Enrolment open|Full/);
  await expect(lead).toContainText(/places? left|No limit on places/);
  await expect(lead.getByRole('link', { name: 'Sign in' })).toBeVisible();
  const leadBox = await lead.boundingBox();
  const factsBox = await facts.boundingBox();
  expect(leadBox!.y).toBeLessThan(factsBox!.y);
  await expect(
    page.getByRole('region', { name: 'Course content: modules' }).getByRole('listitem'),
  ).toHaveCount(10);
  await expect(page.getByRole('region', { name: 'Topics covered' }).getByRole('listitem')).toHaveCount(10);
  await expect(page.getByRole('region', { name: 'What will I learn?' }).getByRole('listitem')).toHaveCount(5);
  await expect(page.getByRole('region', { name: 'Who is it for?' }).getByRole('listitem')).toHaveCount(6);
  await expect(
    page.getByRole('region', { name: 'How you will learn' }).getByRole('heading', { level: 3 }),
  ).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'Course overview' })).toContainText('Main objective');
  await expect(page.getByRole('region', { name: 'Assessment and certificate' })).toContainText(
    'Certificate of Achievement',
  );
  await expect(page.getByRole('region', { name: 'Diploma' })).toContainText(
    'ITCILO Diploma for Labour Migration Experts and Practitioners',
  );
  const faq = page.getByRole('region', { name: 'Frequently asked questions' });
  await expect(faq.locator('details')).not.toHaveCount(0);
  await faq.getByText('Who is this course for?').click();
  await expect(faq.getByText(/Anyone who produces or uses labour migration statistics/)).toBeVisible();

  // The FAQ answers from the edition's own data, not from the 2020 facts.
  await faq.getByText('When does the course run?').click();
  await expect(
    faq.getByText(/^The (current|next) edition, .+ time zone\. No deadline falls after its last day\./),
  ).toBeVisible();

  await expect(page.getByRole('region', { name: 'Small cohort' })).toContainText('Full');
  await expect(page.getByRole('region', { name: 'Small cohort' })).toContainText('0 places left');
  await expect(page.getByRole('region', { name: 'Autumn cohort' })).toContainText('Enrolment not yet open');
  await expect(
    page.getByRole('region', { name: 'Spring cohort' }).getByRole('link', { name: 'Sign in' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: '2020 edition' })).toHaveCount(0);
});

test('each refused enrolment has its own message', async ({ page, baseURL }) => {
  const { cohorts } = seedState();
  await signUpNew(page, 'refused');
  const post = async (cohortId: string) => {
    const response = await page.request.post('/courses/measuring-labour-migration?/enrol', {
      form: { cohortId, motivation: 'x' },
      headers: { origin: baseURL!, accept: 'text/html' },
    });
    return { status: response.status(), html: await response.text() };
  };
  const cases: [string, number, string][] = [
    [cohorts.full, 409, 'This cohort is full.'],
    [cohorts.edition2020, 409, 'Enrolment for this cohort is closed.'],
    [cohorts.later, 409, 'Enrolment for this cohort is not open yet.'],
  ];
  for (const [cohortId, status, message] of cases) {
    const result = await post(cohortId);
    expect(result.status, message).toBe(status);
    expect(result.html).toContain(message);
  }
  expect((await post(cohorts.open)).status).toBe(200);
  const again = await post(cohorts.open);
  expect(again.status).toBe(409);
  expect(again.html).toContain('You are already enrolled in this cohort.');
});
