// The engine's worker bundle belongs to the Lab pages only (issue 16, point 7): other pages keep their weight.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import { seedState } from './state.ts';
import { measurePageLoad } from './weight.ts';

const build = process.env.LABMIG_E2E_BUILD!;
const immutable = join(build, 'client', '_app', 'immutable');
const jsFiles = (dir: string): string[] =>
  readdirSync(join(immutable, dir))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `_app/immutable/${dir}/${f}`);

/** The route of a server node of the build (`lab/local`, `cohorts/[id]/learn`), or `(layout)` for layouts. */
function routeOf(nodeSource: string): string {
  const id = /(?:server_id|universal_id) = "src\/routes\/(.*?)\/?\+/.exec(nodeSource)?.[1];
  const page = /entries\/(?:pages|fallbacks)\/(.*?)\/?_(?:page|layout|error)\.svelte/.exec(nodeSource)?.[1];
  return id ?? page ?? '(layout)';
}

test('no page outside /lab references the engine worker, directly or through a chunk', ({
  javaScriptEnabled,
}) => {
  test.skip(!javaScriptEnabled, 'a check of the build, run once');
  const workers = jsFiles('workers').filter((f) => /engine\.worker-/.test(f));
  expect(workers).toHaveLength(1);
  const all = [...jsFiles('nodes'), ...jsFiles('chunks'), ...jsFiles('entry')];
  const source = new Map(all.map((f) => [f, readFileSync(join(build, 'client', f), 'utf8')]));
  // files that name the worker, then every file that imports one of them (statically or dynamically)
  const reaches = new Set(all.filter((f) => source.get(f)!.includes(basename(workers[0]))));
  for (let grew = true; grew;) {
    grew = false;
    for (const f of all) {
      if (reaches.has(f)) continue;
      if ([...reaches].some((r) => source.get(f)!.includes(basename(r)))) {
        reaches.add(f);
        grew = true;
      }
    }
  }
  const serverNodes = join(build, 'server', 'chunks', 'nodes');
  const nodes = readdirSync(serverNodes).filter((f) => f.endsWith('.js'));
  expect(nodes.length).toBeGreaterThan(10);
  const withWorker: string[] = [];
  for (const f of nodes) {
    const text = readFileSync(join(serverNodes, f), 'utf8');
    const imports = JSON.parse(/imports = (\[[^\]]*\])/.exec(text)?.[1] ?? '[]') as string[];
    if (imports.some((i) => reaches.has(i))) withWorker.push(routeOf(text));
  }
  expect(withWorker).toEqual(['lab/local']);
});

test('the course page, the home page and the sign-in page do not load the engine', async ({
  page,
  javaScriptEnabled,
}) => {
  test.skip(!javaScriptEnabled, 'measured with JavaScript on');
  for (const url of ['/', '/courses/measuring-labour-migration', '/signin']) {
    const weight = await measurePageLoad(page, url);
    const named = weight.resources.filter((r) => /engine\.worker|\/workers\//.test(r.url));
    expect(named, url).toEqual([]);
  }
});

test('the Lab page loads the engine worker only when it is used', async ({
  page,
  javaScriptEnabled,
}, testInfo) => {
  test.skip(!javaScriptEnabled, 'measured with JavaScript on');
  await signIn(page, seedState().learner);
  const weight = await measurePageLoad(page, '/lab/local');
  expect(weight.resources.filter((r) => /\/workers\//.test(r.url))).toEqual([]);
  const { resources, ...summary } = weight;
  await testInfo.attach('lab-page-weight.json', {
    body: JSON.stringify({ summary, resources }, null, 2),
    contentType: 'application/json',
  });
  console.log(`lab page weight before a file is chosen: ${JSON.stringify(summary)}`);
});
