// The Lab's engine in the browser (issue 16, points 2 and 7): the practice file or the user's own file is read and
// analysed in a Web Worker, nothing is uploaded, and the tables equal those of `labmig stats tables` on the same file
// and mapping.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import { seedState } from './state.ts';

const repo = resolve(import.meta.dirname, '../../..');
const practice = (name: string) => join(repo, 'content', 'data', 'lab', name);

/** Every request the page makes, with its method and whether it carried a body. */
function watchRequests(page: Page): { method: string; url: string; body: number }[] {
  const seen: { method: string; url: string; body: number }[] = [];
  page.on('request', (r: Request) =>
    seen.push({ method: r.method(), url: r.url(), body: r.postDataBuffer()?.length ?? 0 }),
  );
  return seen;
}

/** Saves what a download link offers and returns its text. */
async function downloadText(page: Page, name: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name }).click(),
  ]);
  return readFileSync((await download.path())!, 'utf8');
}

/** `labmig stats tables` on a file with a mapping: the tables of its tables.json and the CSV of each table. */
function cliOutput(data: string, mapping: string): { tables: unknown; csv: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'labmig-lab-e2e-'));
  try {
    const mappingPath = join(dir, 'mapping.json');
    writeFileSync(mappingPath, mapping);
    const out = join(dir, 'out');
    execFileSync(
      process.execPath,
      [
        join(repo, 'packages/cli/bin/labmig.js'),
        'stats',
        'tables',
        '--data',
        data,
        '--mapping',
        mappingPath,
        '--out',
        out,
        '--format',
        'json,csv',
      ],
      { stdio: 'pipe' },
    );
    const csv = Object.fromEntries(
      readdirSync(out)
        .filter((f) => f.endsWith('.csv'))
        .map((f) => [f.slice(0, -4), readFileSync(join(out, f), 'utf8')]),
    );
    return { tables: JSON.parse(readFileSync(join(out, 'tables.json'), 'utf8')).tables, csv };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function computeTables(page: Page): Promise<void> {
  await expect(page.getByText('The mapping can run.')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Compute the tables' }).click();
  await expect(page.getByText(/^\d+ tables computed in [\d.]+ s\.$/)).toBeVisible({ timeout: 30_000 });
}

test.beforeEach(async ({ page }) => {
  await signIn(page, seedState().learner);
});

test.describe('analysis on this computer (JavaScript on)', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'the analysis runs in the browser');

  test('the practice lfs_small.sav: same tables as the command line, and nothing uploaded', async ({
    page,
  }) => {
    const requests = watchRequests(page);
    await page.goto('/lab/local');
    await expect(page.getByText(/Practice datasets are synthetic/)).toBeVisible();
    await page.getByRole('button', { name: /Analyse lfs_small\.sav/ }).click();
    await expect(
      page.getByText(/^lfs_small\.sav: 21,473 persons, 28 variables, read in [\d.]+ s\.$/),
    ).toBeVisible({ timeout: 30_000 });
    await expect(page.getByLabel('Survey weight')).toHaveValue('weight');
    await expect(page.getByText('Suggested: weight (confidence high).')).toBeVisible();
    await expect(page.getByLabel('Home country')).toHaveValue('MYS');
    await expect(page.getByLabel('Survey year')).toHaveValue('2024');
    await computeTables(page);

    const mapping = await downloadText(page, 'Save the mapping (JSON)');
    expect(JSON.parse(mapping)).toMatchObject({
      format: 'labmig-mapping',
      version: 1,
      design: { weight: 'weight' },
    });
    const inBrowser = JSON.parse(await downloadText(page, 'Tables (JSON)')).tables;
    expect(inBrowser.length).toBeGreaterThan(20);
    expect(inBrowser).toEqual(cliOutput(practice('lfs_small.sav'), mapping).tables);

    const worker = requests.filter((r) =>
      /\/_app\/immutable\/workers\/engine\.worker-[\w-]+\.js$/.test(r.url),
    );
    expect(worker).toHaveLength(1);
    expect(requests.filter((r) => r.method !== 'GET' || r.body > 0)).toEqual([]);
    expect(
      requests.filter((r) => r.url.includes('/lab/practice/')).map((r) => new URL(r.url).pathname),
    ).toEqual(['/lab/practice/lfs_small.sav']);
  });

  test('the user’s own .dta file is read in the browser: no request carries it', async ({ page }) => {
    await page.goto('/lab/local');
    await expect(page.getByLabel('Survey file (CSV, SPSS, Stata, Parquet or Arrow)')).toBeEnabled();
    const requests = watchRequests(page);
    await page
      .getByLabel('Survey file (CSV, SPSS, Stata, Parquet or Arrow)')
      .setInputFiles(practice('lfs_small.dta'));
    await expect(page.getByText(/^lfs_small\.dta: 21,473 persons, 28 variables/)).toBeVisible({
      timeout: 30_000,
    });
    await computeTables(page);
    const mapping = await downloadText(page, 'Save the mapping (JSON)');
    const inBrowser = JSON.parse(await downloadText(page, 'Tables (JSON)')).tables;
    expect(inBrowser).toEqual(cliOutput(practice('lfs_small.dta'), mapping).tables);
    const toServer = requests.filter((r) => new URL(r.url).origin === new URL(page.url()).origin);
    expect(toServer.filter((r) => !/\/_app\/immutable\//.test(r.url))).toEqual([]);
    expect(requests.filter((r) => r.method !== 'GET' || r.body > 0)).toEqual([]);
  });

  test('a Parquet file loads its reader on demand, in the worker', async ({ page }) => {
    const parquet = join(repo, 'packages/stats/test/fixtures/columnar/arrow_rs_zstd.parquet');
    await page.goto('/lab/local');
    await expect(page.getByLabel('Survey file (CSV, SPSS, Stata, Parquet or Arrow)')).toBeEnabled();
    const chunks: string[] = [];
    page.on('request', (r) => chunks.push(new URL(r.url()).pathname));
    await page.getByLabel('Survey file (CSV, SPSS, Stata, Parquet or Arrow)').setInputFiles(parquet);
    await expect(page.getByText(/^arrow_rs_zstd\.parquet: 300 persons, 8 variables/)).toBeVisible({
      timeout: 30_000,
    });
    expect(chunks.filter((p) => p.startsWith('/_app/immutable/workers/chunks/')).length).toBeGreaterThan(0);
    await expect(page.getByText(/problems? stops? the run/)).toBeVisible();
  });

  test('the wizard: an unset role stops the run and says which; a code given another meaning is counted', async ({
    page,
  }) => {
    await page.goto('/lab/local');
    await page.getByRole('button', { name: /Analyse lfs_small\.sav/ }).click();
    await expect(page.getByText('The mapping can run.')).toBeVisible({ timeout: 30_000 });
    const compute = page.getByRole('button', { name: 'Compute the tables' });

    await page.getByLabel('Survey weight').selectOption('');
    await expect(page.getByText('Survey weight is not set. Choose it to run the tables.')).toBeVisible();
    await expect(page.getByText('1 problem stops the run:')).toBeVisible();
    await expect(compute).toBeDisabled();
    await page.getByLabel('Survey weight').selectOption('weight');
    await expect(page.getByText('The mapping can run.')).toBeVisible();

    // the code table comes from the value labels: 1 = employed (10,288 rows)
    const table = page.getByRole('table', { name: 'Labour force status (column lfs)' });
    await expect(table.getByRole('row', { name: /^1 employed 10,288/ })).toBeVisible();
    const employed = page.getByLabel('Meaning of Labour force status 1 (employed)');
    await expect(employed).toHaveValue('employed');
    await employed.selectOption('');
    await expect(page.getByText(/Labour force status — employed: no code is listed yet\./)).toBeVisible();
    await expect(
      page.getByText(/Labour force status: 10,288 persons have a value that no category lists\./),
    ).toBeVisible();
    await expect(compute).toBeDisabled();
    await employed.selectOption('employed');
    await expect(page.getByText('The mapping can run.')).toBeVisible();

    // a column changed for a coded role brings that column's codes
    await page.getByLabel('Sex', { exact: true }).selectOption('lfs');
    await expect(page.getByRole('table', { name: 'Sex (column lfs)' })).toBeVisible();
    await expect(page.getByText(/problems? stops? the run/)).toBeVisible();
    await page.getByRole('button', { name: 'Back to the suggestion' }).click();
    await expect(page.getByText('The mapping can run.')).toBeVisible();
    await expect(page.getByLabel('Sex', { exact: true })).toHaveValue('sex');
    await computeTables(page);
  });

  test('a saved mapping is reused for the next file; a file that is not a mapping is refused', async ({
    page,
  }) => {
    await page.goto('/lab/local');
    await page.getByRole('button', { name: /Analyse lfs_small\.sav/ }).click();
    await expect(page.getByText('The mapping can run.')).toBeVisible({ timeout: 30_000 });
    await page.getByLabel('Survey year').fill('2023');
    await page.getByLabel('Survey year').press('Tab');
    await expect(page.getByText('The mapping can run.')).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Save the mapping (JSON)' }).click(),
    ]);
    const saved = readFileSync((await download.path())!);
    expect(JSON.parse(saved.toString('utf8'))).toMatchObject({
      surveyYear: 2023,
      dataset: { file: 'lfs_small.sav' },
    });

    // the "next wave": the same survey as a Stata file, mapped with the saved mapping
    await page
      .getByLabel('Survey file (CSV, SPSS, Stata, Parquet or Arrow)')
      .setInputFiles(practice('lfs_small.dta'));
    await expect(page.getByText(/^lfs_small\.dta: 21,473 persons/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByLabel('Survey year')).toHaveValue('2024');
    const reuse = page.getByLabel('Reuse a saved mapping');
    await reuse.setInputFiles({ name: 'wave1.mapping.json', mimeType: 'application/json', buffer: saved });
    await expect(
      page.getByText('The mapping wave1.mapping.json was applied. Check the points below.'),
    ).toBeVisible();
    await expect(page.getByLabel('Survey year')).toHaveValue('2023');
    await expect(page.getByText('The mapping can run.')).toBeVisible();

    await reuse.setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ nope'),
    });
    await expect(page.getByRole('alert')).toHaveText(
      'notes.json is not a JSON file. Choose a mapping saved by the Lab (a .json file).',
    );
    await reuse.setInputFiles({
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from('[1, 2]'),
    });
    await expect(page.getByRole('alert')).toContainText('The variable mapping cannot be used as it is.');
  });

  test('a computation can be cancelled, then run again', async ({ page }) => {
    await page.goto('/lab/local');
    await page.getByRole('button', { name: /Analyse lfs_small\.sav/ }).click();
    await expect(page.getByText('The mapping can run.')).toBeVisible({ timeout: 30_000 });
    // Click "Compute" then "Cancel" in one go, before the worker can finish.
    await page.evaluate(async () => {
      const byText = (t: string) =>
        [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === t);
      byText('Compute the tables')!.click();
      await new Promise((r) => requestAnimationFrame(r));
      byText('Cancel')!.click();
    });
    await expect(page.getByText('Stopped. Nothing was kept.')).toBeVisible();
    await expect(page.getByText(/tables computed in/)).toHaveCount(0);
    await computeTables(page);
  });

  test('a broken file gets a message naming the problem and the line, in English and in French', async ({
    page,
  }) => {
    const bad = { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('age,sex\n30,f\n41\n') };
    await page.goto('/lab/local');
    await expect(page.getByLabel('Survey file (CSV, SPSS, Stata, Parquet or Arrow)')).toBeEnabled();
    await page.getByLabel('Survey file (CSV, SPSS, Stata, Parquet or Arrow)').setInputFiles(bad);
    await expect(page.getByRole('alert')).toContainText(
      'A row of the CSV file has more or fewer fields than the header. Check the delimiter and the quotes. Line 3 of bad.csv.',
    );
    await page.goto('/fr/lab/local');
    await expect(page.getByLabel('Fichier d’enquête (CSV, SPSS, Stata, Parquet ou Arrow)')).toBeEnabled();
    await page.getByLabel('Fichier d’enquête (CSV, SPSS, Stata, Parquet ou Arrow)').setInputFiles(bad);
    await expect(page.getByRole('alert')).toContainText('n’a pas le même nombre de champs que l’en-tête');
    await expect(page.getByRole('alert')).toContainText('Ligne 3 de bad.csv.');
  });
});

test.describe('without JavaScript', () => {
  test.skip(({ javaScriptEnabled }) => javaScriptEnabled, 'the notice is for browsers without JavaScript');

  test('the page says that the analysis needs it and leads to the tables computed in advance', async ({
    page,
  }) => {
    await page.goto('/lab/local');
    await expect(page.getByText('The analysis runs in your browser and needs JavaScript.')).toBeVisible();
    await expect(page.getByLabel('Survey file (CSV, SPSS, Stata, Parquet or Arrow)')).toBeDisabled();
    await page.getByRole('link', { name: 'Tables of lfs_small, computed in advance' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Tables of the practice dataset lfs_small' }),
    ).toBeVisible();
  });

  test('the Lab’s home says so too', async ({ page }) => {
    await page.goto('/lab');
    await expect(
      page.getByText(/The analysis in your browser needs JavaScript, which is off here\./),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Open a file or a practice dataset' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Tables of lfs_small, computed in advance' })).toBeVisible();
  });
});

test('the Lab’s home leads to the analysis and to the practice tables, whose figures and CSV are the engine’s', async ({
  page,
  javaScriptEnabled,
}) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lab' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The Lab' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open a file or a practice dataset' })).toHaveCount(
    javaScriptEnabled ? 1 : 0,
  );
  await expect(page.getByText(/Practice datasets are synthetic/)).toBeVisible();
  await page.getByRole('link', { name: 'Tables of lfs_small, computed in advance' }).click();
  await expect(
    page.getByText(/from lfs_small\.sav with its variable mapping: 21,473 persons, home country MYS/),
  ).toBeVisible();
  const cli = cliOutput(practice('lfs_small.sav'), readFileSync(practice('lfs_small.mapping.json'), 'utf8'));
  // the SDG 10.7.1 table is open; its first cell shows the engine's estimate and SE
  const first = (cli.tables as { id: string; rows: { estimate: number; se: number }[] }[])[
    (cli.tables as { id: string }[]).findIndex((t) => t.id === 'sdg1071_all')
  ].rows[0];
  const sdg = page
    .getByRole('region', { name: 'SDG indicator 10.7.1: recruitment cost' })
    .locator('details')
    .first();
  const row = sdg.getByRole('row').nth(1);
  await expect(row).toContainText(first.estimate.toFixed(3));
  await expect(row).toContainText(first.se.toFixed(3));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    sdg.getByRole('link', { name: 'Download this table (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('lfs_small-sdg1071_all.csv');
  expect(readFileSync((await download.path())!, 'utf8')).toBe(cli.csv.sdg1071_all);
  if (javaScriptEnabled) {
    // from the tables computed in advance to the same file opened in the browser
    await page.getByRole('link', { name: 'Compute them yourself in your browser' }).click();
    await expect(page.getByText(/^lfs_small\.sav: 21,473 persons, 28 variables/)).toBeVisible({
      timeout: 30_000,
    });
  } else
    await expect(page.getByRole('link', { name: 'Compute them yourself in your browser' })).toHaveCount(0);
  expect((await page.request.get('/lab/tables/lfs_small/nope.csv')).status()).toBe(404);
  expect((await page.request.get('/lab/tables/nope')).status()).toBe(404);
  await page.goto('/fr/lab/tables/lfs_small');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Tableaux du jeu d’exercice lfs_small' }),
  ).toBeVisible();
});

test('the Lab is for signed-in users', async ({ browser }) => {
  const anonymous = await browser.newPage();
  for (const path of [
    '/lab',
    '/lab/local',
    '/lab/tables/lfs_small',
    '/lab/tables/lfs_small/ur_sex_age.csv',
  ]) {
    const response = await anonymous.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(303);
    expect(response.headers().location, path).toBe(`/signin?next=${encodeURIComponent(path)}`);
  }
  await anonymous.close();
});

test('the practice files are served as downloads; other paths are not', async ({ request }) => {
  const ok = await request.get('/lab/practice/lfs_small.csv');
  expect(ok.status()).toBe(200);
  expect(ok.headers()['content-disposition']).toBe('attachment; filename="lfs_small.csv"');
  expect((await ok.body()).length).toBe(readFileSync(practice('lfs_small.csv')).length);
  for (const path of ['lfs_small.mapping.json', 'README.md', '..%2Fcountries.csv', '..%2F..%2Fcourse.yaml'])
    expect((await request.get(`/lab/practice/${path}`)).status(), path).toBe(404);
});

/** CSP directives with the per-page hashes and nonces taken out. */
function directives(csp: string): Record<string, string> {
  return Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources.filter((s) => !/^'(sha256-|nonce-)/.test(s)).join(' ')]),
  );
}

test('the CSP lets the Lab start its worker from this origin and is otherwise unchanged', async ({
  page,
}) => {
  const response = await page.request.get('/lab/local', { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  const lab = response.headers()['content-security-policy'];
  const home = (await page.request.get('/')).headers()['content-security-policy'];
  expect(directives(lab)['worker-src']).toBe("'self'");
  expect(directives(lab)).toEqual(directives(home));
  expect(directives(home)).toMatchObject({
    'default-src': "'self'",
    'script-src': "'self'",
    'connect-src': "'self'",
    'object-src': "'none'",
    'frame-ancestors': "'none'",
  });
});
