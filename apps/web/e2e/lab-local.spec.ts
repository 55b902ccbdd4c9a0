// The Lab's engine in the browser (issue 16, points 2 and 7): the practice file or the user's own file is read and
// analysed in a Web Worker, nothing is uploaded, and the tables equal those of `labmig stats tables` on the same file
// and mapping.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures.ts';

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

/** `labmig stats tables` on a file with a mapping: the tables of its tables.json. */
function cliTables(data: string, mapping: string): unknown {
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
        'json',
      ],
      { stdio: 'pipe' },
    );
    return JSON.parse(readFileSync(join(out, 'tables.json'), 'utf8')).tables;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function computeTables(page: Page): Promise<void> {
  await expect(page.getByText('The mapping can run.')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Compute the tables' }).click();
  await expect(page.getByText(/^\d+ tables computed in [\d.]+ s\.$/)).toBeVisible({ timeout: 30_000 });
}

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
    await expect(page.getByRole('row', { name: /Survey weight weight high/ })).toBeVisible();
    await expect(page.getByText('Home country: MYS. Survey year: 2024.')).toBeVisible();
    await computeTables(page);

    const mapping = await downloadText(page, 'Save the mapping (JSON)');
    expect(JSON.parse(mapping)).toMatchObject({
      format: 'labmig-mapping',
      version: 1,
      design: { weight: 'weight' },
    });
    const inBrowser = JSON.parse(await downloadText(page, 'Tables (JSON)')).tables;
    expect(inBrowser.length).toBeGreaterThan(20);
    expect(inBrowser).toEqual(cliTables(practice('lfs_small.sav'), mapping));

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
    expect(inBrowser).toEqual(cliTables(practice('lfs_small.dta'), mapping));
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

  test('the page says that the analysis needs it', async ({ page }) => {
    await page.goto('/lab/local');
    await expect(page.getByText('The analysis runs in your browser and needs JavaScript.')).toBeVisible();
    await expect(page.getByLabel('Survey file (CSV, SPSS, Stata, Parquet or Arrow)')).toBeDisabled();
  });
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
  request,
}) => {
  const lab = (await request.get('/lab/local')).headers()['content-security-policy'];
  const home = (await request.get('/')).headers()['content-security-policy'];
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
