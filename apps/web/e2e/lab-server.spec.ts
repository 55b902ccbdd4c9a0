// The Lab on the server (issue 16, points 1, 3 and 4): upload lfs_small.sav, map it, run it as a job, see the tables,
// download them — with and without JavaScript — and the tables equal those of `labmig stats tables` on the same
// file and spec. Bad input gets a clear answer. While a 1M-row job runs, other pages keep answering.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { signUpNew } from './helpers.ts';

const repo = resolve(import.meta.dirname, '../../..');
const practice = (name: string) => join(repo, 'content', 'data', 'lab', name);

/** `labmig stats tables` on a file with a spec (mapping file): its tables.json tables and the CSV of each table. */
function cliOutput(data: string, spec: string): { tables: unknown; csv: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'labmig-lab-server-e2e-'));
  try {
    const specPath = join(dir, 'spec.json');
    writeFileSync(specPath, spec);
    const out = join(dir, 'out');
    const cli = join(repo, 'packages/cli/bin/labmig.js');
    execFileSync(
      process.execPath,
      [cli, 'stats', 'tables', '--data', data, '--mapping', specPath, '--out', out, '--format', 'json,csv'],
      {
        stdio: 'pipe',
      },
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

/** Reloads until the dataset has been read (the page also follows it by itself). */
async function waitReady(page: Page): Promise<void> {
  await expect(async () => {
    if (await page.getByText('The file is being read on the server…').isVisible()) await page.reload();
    await expect(page.getByRole('heading', { name: 'What the file holds' })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
}

/** Reloads until the run has ended (the page also follows it by itself). */
async function waitRunEnd(page: Page, timeout = 60_000): Promise<void> {
  await expect(async () => {
    if (await page.getByRole('button', { name: 'Cancel the run' }).isVisible()) await page.reload();
    await expect(page.getByRole('button', { name: 'Cancel the run' })).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout });
}

async function get(request: APIRequestContext, url: string): Promise<Buffer> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return response.body();
}

test.describe('the Lab on the server', () => {
  test('upload lfs_small.sav, map it, run it: the tables and downloads equal the command line’s', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await signUpNew(page, 'labserver');
    await page.goto('/lab');
    await page.getByRole('link', { name: 'Open my datasets' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My datasets on the server' })).toBeVisible();
    await page.getByLabel('Survey file', { exact: false }).setInputFiles(practice('lfs_small.sav'));
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'lfs_small.sav' })).toBeVisible({
      timeout: 30_000,
    });
    await waitReady(page);
    // variables with labels, types, missing counts; first rows
    await page.locator('summary', { hasText: /^Variables$/ }).click();
    await expect(page.getByRole('rowheader', { name: 'year_of_arrival' })).toBeVisible();
    await expect(page.getByRole('row', { name: /^sex Sex/ })).toContainText('1 = male; 2 = female');

    // the mapping saved by the wizard for this file (the practice one), through the form
    await page.getByLabel('Mapping file (JSON)').setInputFiles(practice('lfs_small.mapping.json'));
    await page.getByRole('button', { name: 'Use this mapping' }).click();
    await expect(page.getByText('The mapping is saved.').first()).toBeVisible();
    await expect(page.getByLabel('Home country')).toHaveValue('MYS');
    await page.getByRole('button', { name: 'Compute the tables on the server' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tables of lfs_small.sav' })).toBeVisible();
    await waitRunEnd(page);
    await expect(page.getByRole('heading', { name: /SDG indicator 10\.7\.1/ }).first()).toBeVisible();
    await expect(
      page.getByRole('img', { name: 'Unemployment rate by migrant status and sex' }),
    ).toBeVisible();

    // the spec the page offers, run by the command line on the same file, gives the same tables
    const base = page.url().replace(/\/(fr\/)?lab\/runs\/([^/?#]+).*$/, '/lab/runs/$2/download');
    const spec = (await get(page.request, `${base}/spec`)).toString('utf8');
    const cli = cliOutput(practice('lfs_small.sav'), spec);
    const json = JSON.parse((await get(page.request, `${base}/json`)).toString('utf8'));
    expect(json.tables).toEqual(cli.tables);
    const csv = (await get(page.request, `${base}/csv?table=sdg1071_all`)).toString('utf8');
    expect(csv).toBe(cli.csv.sdg1071_all);
    // the workbook: a contents sheet, then one sheet per table, the cells of the command line's numbers
    const xlsx = unzipSync(new Uint8Array(await get(page.request, `${base}/xlsx`)));
    const sheets = Object.keys(xlsx).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets).toHaveLength((cli.tables as unknown[]).length + 1);
    const workbook = strFromU8(xlsx['xl/workbook.xml']);
    for (const t of cli.tables as { id: string }[]) expect(workbook).toContain(`name="${t.id}"`);
    const sdgAll = (cli.tables as { id: string; rows: { estimate: number }[] }[]).find(
      (t) => t.id === 'sdg1071_all',
    )!;
    const sheetXml = sheets.map((s) => strFromU8(xlsx[s])).join('\n');
    expect(sheetXml).toContain(`<v>${sdgAll.rows[0].estimate}</v>`);
    const ilostat = (await get(page.request, `${base}/ilostat`)).toString('utf8');
    expect(ilostat.split('\n')[0]).toContain('ref_area');

    // delete: the dataset, its run and their tables are gone
    await page.getByRole('link', { name: 'Back to lfs_small.sav' }).click();
    await page.getByRole('button', { name: 'Delete this dataset' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My datasets on the server' })).toBeVisible();
    await expect(page.getByText('You have no dataset yet.')).toBeVisible();
    expect((await page.request.get(`${base}/json`)).status()).toBe(404);
  });

  test('a broken file is named with its row; a mapping missing required variables cannot run', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signUpNew(page, 'labbad');
    await page.goto('/lab/datasets');
    const lines = readFileSync(practice('lfs_small.csv'), 'utf8').split('\n').slice(0, 200);
    lines[41] = lines[41].split(',').slice(0, 4).join(',');
    await page.getByLabel('Survey file', { exact: false }).setInputFiles({
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n') + '\n'),
    });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'broken.csv' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(async () => {
      await page.reload();
      await expect(page.getByText('This file could not be read.')).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByRole('alert')).toContainText('Line 42');

    // a good file whose mapping lacks the weight and age
    await page.goto('/lab/datasets');
    await page.getByLabel('Survey file', { exact: false }).setInputFiles({
      name: 'wave.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        readFileSync(practice('lfs_small.csv'), 'utf8').split('\n').slice(0, 400).join('\n') + '\n',
      ),
    });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'wave.csv' })).toBeVisible({ timeout: 30_000 });
    await waitReady(page);
    const mapping = JSON.parse(readFileSync(practice('lfs_small.mapping.json'), 'utf8'));
    delete mapping.design.weight;
    delete mapping.columns.age;
    await page.getByLabel('Mapping file (JSON)').setInputFiles({
      name: 'm.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(mapping)),
    });
    await page.getByRole('button', { name: 'Use this mapping' }).click();
    await expect(page.getByText('These required variables have no column yet')).toBeVisible();
    await page.getByRole('button', { name: 'Compute the tables on the server' }).click();
    await expect(page.getByRole('alert')).toContainText('The mapping leaves required variables unset');
    await expect(page.getByRole('listitem').filter({ hasText: /^Survey weight$/ })).toBeVisible();
  });

  test('a reading interrupted by a server restart says so, and its owner reads the file again', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signUpNew(page, 'labreread');
    await page.goto('/lab/datasets');
    const lines = readFileSync(practice('lfs_small.csv'), 'utf8').split('\n').slice(0, 200);
    await page.getByLabel('Survey file', { exact: false }).setInputFiles({
      name: 'wave.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n') + '\n'),
    });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'wave.csv' })).toBeVisible({ timeout: 30_000 });
    await waitReady(page);
    // What a restart during the reading leaves (one attempt): the dataset still "being read", its job failed.
    const id = new URL(page.url()).pathname.split('/').at(-1)!;
    const db = new SQLite(join(process.env.LABMIG_E2E_DIR!, 'e2e.sqlite'));
    try {
      db.pragma('busy_timeout = 5000');
      db.prepare(
        `update lab_datasets set state = 'inspecting', overview = null, row_count = null where id = ?`,
      ).run(id);
      db.prepare(
        `update jobs set state = 'failed', last_error = 'interrupted: the process running it stopped (its lease expired)'
         where id = (select inspect_job_id from lab_datasets where id = ?)`,
      ).run(id);
    } finally {
      db.close();
    }
    await page.goto('/lab/datasets');
    await expect(page.getByRole('listitem').filter({ hasText: 'wave.csv' })).toContainText(
      'interrupted — read it again',
    );
    await page.getByRole('link', { name: 'wave.csv' }).click();
    await expect(page.getByRole('alert')).toContainText('The server stopped while this file was being read.');
    await page.getByRole('button', { name: 'Read it again' }).click();
    await waitReady(page);
    await expect(page.getByRole('button', { name: 'Read it again' })).toHaveCount(0);
  });

  test('a file over the space left is refused with the limit, before it is sent', async ({
    page,
    javaScriptEnabled,
  }) => {
    test.skip(!javaScriptEnabled, 'the size is checked in the browser');
    await signUpNew(page, 'lablimit');
    await page.goto('/lab/datasets');
    const requests: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && requests.push(r.url()));
    // the check reads File.size: a small file that says it is 1 GiB + 1 byte stands for a real one
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#lab-file')!;
      const big = new File([new Uint8Array(8)], 'census.csv', { type: 'text/csv' });
      Object.defineProperty(big, 'size', { value: 1024 ** 3 + 1 });
      Object.defineProperty(input, 'files', { value: [big] });
      input.required = false;
    });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('is larger than the 1,024 MB you can still upload');
    expect(requests).toEqual([]);
  });
});

test.describe('a 1M-row run on the server', () => {
  test.skip(
    ({ javaScriptEnabled }) => !javaScriptEnabled,
    'one run is enough: the server is what is measured',
  );

  test('other pages keep answering while it computes', async ({ page, baseURL }) => {
    test.setTimeout(300_000);
    await signUpNew(page, 'lablarge');
    // 1M persons: the practice CSV's 21,473 rows 47 times (made here, so the test needs no file outside the repo)
    const [header, ...rows] = readFileSync(practice('lfs_small.csv'), 'utf8').trimEnd().split('\n');
    const body = rows.join('\n') + '\n';
    const big = Buffer.from(header + '\n' + body.repeat(47));
    const headers = { origin: baseURL!, accept: 'text/html' };
    const uploaded = await page.request.post('/lab/datasets?/upload', {
      headers,
      multipart: { file: { name: 'lfs_1m.csv', mimeType: 'text/csv', buffer: big } },
      maxRedirects: 0,
    });
    expect(uploaded.status(), (await uploaded.text()).slice(0, 2000)).toBe(303);
    const datasetUrl = uploaded.headers().location!;
    await page.goto(datasetUrl);
    await waitReady(page);
    await expect(page.getByText('1,009,231 persons').first()).toBeVisible();
    const mapped = await page.request.post(`${datasetUrl}?/importMapping`, {
      headers,
      multipart: {
        mappingFile: {
          name: 'lfs_small.mapping.json',
          mimeType: 'application/json',
          buffer: readFileSync(practice('lfs_small.mapping.json')),
        },
      },
    });
    expect(mapped.status()).toBe(200);
    const started = await page.request.post(`${datasetUrl}?/run`, { headers, form: {}, maxRedirects: 0 });
    expect(started.status()).toBe(303);
    const runUrl = started.headers().location!;
    const runId = runUrl.split('/').pop()!;

    // While the run computes, time a page that reads the database (another request of the same person)
    const during: number[] = [];
    const running = async () =>
      (await (await page.request.get(`/lab/runs/${runId}`)).text()).includes('Computing…');
    const deadline = Date.now() + 120_000;
    while (!(await running())) {
      expect(Date.now(), 'the run never started').toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 100));
    }
    while (during.length < 30 && (await running())) {
      const t0 = performance.now();
      const response = await page.request.get('/lab/datasets');
      expect(response.status()).toBe(200);
      during.push(performance.now() - t0);
    }
    // measured while the job was computing (the loop stops when it ends)
    expect(during.length).toBeGreaterThanOrEqual(5);
    const sorted = [...during].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(
      `lab 1M-row run: ${during.length} page loads while it ran, median ${median.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`,
    );
    expect(median).toBeLessThan(750);
    expect(sorted.at(-1)!).toBeLessThan(3_000);

    await page.goto(runUrl);
    await waitRunEnd(page, 180_000);
    await expect(page.getByRole('heading', { name: /SDG indicator 10\.7\.1/ }).first()).toBeVisible();
  });
});
