// The Observatory (issue 17): the global estimates explored by edition, a table set published from the Lab and
// seen on the atlas, the SDG 10.7.1 page and a country profile, the policy-coherence matrix created, scored and
// exported, with JavaScript on and off; the atlas page's weight.
import { gzipSync } from 'node:zlib';
import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import { seedState } from './state.ts';

const student = (project: string) => seedState().students[project === 'js' ? 'js' : 'no-js'];

test('explore the global estimates by edition, with sources, CSV and chart downloads', async ({
  page,
  request,
}) => {
  await page.goto('/observatory');
  await page.getByRole('link', { name: 'ILO global estimates of international migrant workers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /ILO global estimates/ })).toBeVisible();
  // the comparison across editions draws the four headline totals (values of the data files)
  const headline = page.getByRole('img', { name: 'International migrant workers', exact: true }).first();
  await expect(headline).toBeVisible();
  await page.getByLabel('Edition', { exact: true }).selectOption('2013');
  await page.getByRole('button', { name: 'Show' }).nth(1).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Edition 2013 (edition 1)' })).toBeVisible();
  const table = page.getByRole('region', { name: 'Figures of edition 2013 (edition 1)' });
  await expect(
    table.getByRole('row', { name: /International migrant workers\s+150\.3 million/ }),
  ).toBeVisible();
  await expect(
    table.getByRole('link', { name: 'International Labour Office (ILO) (2015)' }).first(),
  ).toBeVisible();
  // compare a breakdown across editions
  await page
    .getByLabel('Breakdown to compare')
    .selectOption({ label: 'Distribution of migrant workers — sector (%)' });
  await page.getByRole('button', { name: 'Show' }).first().click();
  await expect(page.getByRole('img', { name: /^Distribution of migrant workers/ }).first()).toBeVisible();

  const csv = await request.get('/observatory/estimates.csv?edition=2013');
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = await csv.text();
  expect(text.split('\r\n')[0]).toContain('reference_year,edition,indicator');
  expect(text).toContain('2013,1,migrant_workers,,,150.3,millions,International Labour Office (ILO)');
  const svg = await request.get('/observatory/charts/editions--migrant_workers--millions.svg');
  expect(svg.headers()['content-type']).toContain('image/svg+xml');
  expect(await svg.text()).toContain('<title');
  const png = await request.get('/observatory/charts/editions--migrant_workers--millions.png');
  expect(png.headers()['content-type']).toBe('image/png');
  expect([...(await png.body()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  // the chart's own page renders without JavaScript, in French too
  await page.goto('/fr/observatory/charts/editions--migrant_workers--millions');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Travailleurs migrants internationaux' }),
  ).toBeVisible();
});

test('publish the practice tables from the Lab and see them on the map, the SDG page and the country profile', async ({
  page,
}, info) => {
  const who = student(info.project.name);
  const cohort = seedState().cohorts.running;
  const title = `LFS practice ${info.project.name} ${Date.now()}`;
  await signIn(page, who);
  await page.goto('/lab/tables/lfs_small');
  const form = page.getByRole('form', { name: 'Publish these tables' });
  await form.getByLabel('Cohort').selectOption(cohort);
  await form.getByLabel('Title').fill(title);
  await expect(form.getByLabel('Country')).toHaveValue('MYS');
  await form.getByLabel('Source').fill('Synthetic labour force survey (labmig practice data)');
  await form.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Migrant share of employment by/ })).toBeVisible();

  await page.goto(`/cohorts/${cohort}/observatory`);
  await expect(page.getByRole('row', { name: new RegExp(`^${title}`) })).toBeVisible();
  await page.getByRole('link', { name: 'Atlas' }).click();
  const map = page.getByRole('img', { name: 'Migrant share of employment' });
  await expect(map).toBeVisible();
  await page.getByText('Data: Migrant share of employment').click();
  await expect(
    page
      .getByRole('region', { name: 'Data: Migrant share of employment' })
      .getByRole('row', { name: /Malaysia/ }),
  ).toBeVisible();
  await page.getByLabel('Figure shown').selectOption('lfpr_gap');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('img', { name: /^Participation rate gap/ })).toBeVisible();

  await page.goto(`/cohorts/${cohort}/observatory/sdg`);
  await expect(page.getByRole('heading', { level: 1, name: 'SDG 10.7.1 by corridor' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Bangladesh → Malaysia/ }).first()).toBeVisible();
  await expect(page.getByText(/Mean of ratios: the average over workers/)).toBeVisible();

  await page.goto(`/cohorts/${cohort}/observatory/countries/MYS`);
  await expect(page.getByRole('heading', { level: 1, name: 'Malaysia' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(title) })).toBeVisible();
  await expect(page.getByText('South-eastern Asia')).toBeVisible();
});

test('the observatory of a cohort is for its people only', async ({ page }) => {
  const cohort = seedState().cohorts.running;
  await page.goto(`/cohorts/${cohort}/observatory/atlas`);
  await expect(page).toHaveURL(/\/signin\?next=/);
  await signIn(page, seedState().learner);
  const response = await page.goto(`/cohorts/${cohort}/observatory`);
  expect([403, 404]).toContain(response?.status());
});

test('create, score and export a policy-coherence matrix', async ({ page }, info) => {
  const who = student(info.project.name);
  const cohort = seedState().cohorts.running;
  await signIn(page, who);
  await page.goto(`/cohorts/${cohort}/coherence`);
  await expect(page.getByText('What follows ILO guidance, and what is labmig’s own scoring')).toBeVisible();
  const create = page.getByRole('form', { name: 'Start an assessment' });
  await create.getByLabel('Title').fill(`Senegal ${info.project.name}`);
  await create.getByLabel('Country').selectOption('SEN');
  await create.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Senegal ${info.project.name}` })).toBeVisible();

  const add = async (policy: string, text: string) => {
    const form = page.getByRole('form', { name: 'Add an objective' });
    await form.getByLabel('Policy').selectOption({ label: policy });
    await form.getByLabel('Objective').fill(text);
    await form.getByRole('button', { name: 'Add' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: text })).toBeVisible();
  };
  await add('Employment policy', 'Create decent jobs for young people');
  await add('Education and training policy', 'Expand vocational training in construction');
  await add('Labour migration policy', 'Promote temporary labour migration to the Gulf');

  const score = page.getByRole('form', { name: 'Score a pair' });
  await score
    .getByLabel('First objective')
    .selectOption({ label: 'T1 — Expand vocational training in construction' });
  await score
    .getByLabel('Second objective')
    .selectOption({ label: 'M1 — Promote temporary labour migration to the Gulf' });
  await score.getByLabel('Conflict').check();
  await score.getByRole('button', { name: 'Save the score' }).click();
  // a conflict needs its evidence: refused, nothing lost
  await expect(page.getByRole('alert')).toContainText('Give the evidence for a conflict or a synergy.');
  const again = page.getByRole('form', { name: 'Score a pair' });
  await again.getByLabel('Evidence').fill('Graduates are recruited abroad; no return scheme');
  await again.getByLabel('Conflict').check();
  await again.getByRole('button', { name: 'Save the score' }).click();
  await expect(
    page.getByText('Conflicts: 1; neutral: 0; synergies: 0; pairs not assessed: 2.', { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: /^Policy coherence/ })).toBeVisible();

  const csvHref = await page.getByRole('link', { name: 'Download the matrix (CSV)' }).getAttribute('href');
  const csv = await (await page.request.get(csvHref!)).text();
  expect(csv).toContain(
    'T1,education,Expand vocational training in construction,M1,migration,Promote temporary labour migration to the Gulf,conflict,-1,"Graduates are recruited abroad; no return scheme"',
  );
  await page.getByRole('link', { name: 'Printable page' }).click();
  await expect(
    page.getByRole('row', { name: /T1 × M1\s+Conflict\s+Graduates are recruited abroad/ }),
  ).toBeVisible();
});

test('the atlas page transfers under 120 KB compressed', async ({ page }, info) => {
  test.skip(info.project.name !== 'js', 'measured once, with everything a browser with JavaScript loads');
  const cohort = seedState().cohorts.running;
  await signIn(page, student('js'));
  const url = new URL(`/cohorts/${cohort}/observatory/atlas`, page.url()).href;
  const html = await (await page.request.get(url)).text();
  expect(html).toMatch(/<img[^>]+\.svg/);
  // The document, then every stylesheet, image and script it names, and every module those scripts import
  // (static and dynamic, so this counts at least what a browser fetches). Each body is fetched with the request
  // context: nothing is read after a navigation.
  const queue: string[] = [];
  const seen = new Set<string>();
  const add = (ref: string, from: string) => {
    const absolute = new URL(ref.replaceAll('&amp;', '&'), from).href;
    if (!seen.has(absolute)) queue.push((seen.add(absolute), absolute));
  };
  for (const m of html.matchAll(/<link[^>]+href="([^"]+\.(?:css|js))"/g)) add(m[1]!, url);
  for (const m of html.matchAll(/<img[^>]+src="([^"]+)"/g)) add(m[1]!, url);
  for (const m of html.matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g)) add(m[1]!, url);
  let total = gzipSync(Buffer.from(html), { level: 6 }).length;
  while (queue.length) {
    const next = queue.shift()!;
    const response = await page.request.get(next);
    expect(response.ok(), next).toBe(true);
    const body = await response.body();
    total += gzipSync(body, { level: 6 }).length;
    if (next.endsWith('.js'))
      for (const m of body.toString('utf8').matchAll(/(?:from|import)\s*\(?\s*["']([^"']+\.js)["']/g))
        add(m[1]!, next);
  }
  expect(seen.size).toBeGreaterThan(3);
  test.info().annotations.push({ type: 'atlas page, gzip bytes', description: String(total) });
  expect(total).toBeLessThan(120 * 1024);
});
