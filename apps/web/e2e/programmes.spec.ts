import { execFileSync } from 'node:child_process';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { signIn } from './helpers.ts';
import type { ProgrammeSeed, ProgrammesState } from './seed-programmes.ts';
import { seedState, type Account } from './state.ts';

// One finished cohort per project (seed-programmes.ts); the tests build on each other: the record before, the
// manager issues the course certificate, the diploma follows, it is downloaded and verified, an admin revokes it.
test.describe.configure({ mode: 'serial' });

const ITCILO = '/my/programmes/itcilo-labour-migration-diploma';
const TEST_PROGRAMME = '/my/programmes/e2e-test-diploma';
const CODE = /LM-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/;

function world(info: TestInfo): ProgrammeSeed {
  const state = seedState().programmes as unknown as ProgrammesState;
  return state[info.project.name === 'no-js' ? 'no-js' : 'js'];
}

async function as(page: Page, who: Account): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, who);
}

let certificateCode = '';
let diplomaCode = '';

test('before any certificate, the programme record shows every course pending and what is not offered', async ({
  page,
}, info) => {
  const w = world(info);
  await as(page, w.learner);
  await page.goto('/my/certificates');
  const programme = page
    .getByTestId('my-programme')
    .filter({ hasText: 'ITCILO Diploma for Labour Migration Experts and Practitioners' });
  await expect(programme).toContainText('Required course earned: 0 of 1');
  await programme.getByRole('link', { name: /Open the programme record/ }).click();
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: 'ITCILO Diploma for Labour Migration Experts and Practitioners',
    }),
  ).toBeVisible();
  await expect(page.getByTestId('programme-note')).toContainText('check them with the ITCILO');
  const courses = page.getByTestId('programme-course');
  await expect(courses).toHaveCount(2);
  await expect(courses.nth(0)).toContainText('Measuring and Analyzing Labour Migration');
  await expect(courses.nth(0).getByTestId('programme-course-state')).toHaveText('Not earned yet');
  await expect(courses.nth(1).getByTestId('programme-course-state')).toHaveText(
    'Not yet offered on this platform',
  );
  await expect(page.getByTestId('programme-diploma')).toContainText('Still needed: 2 courses.');
  // The public page of the diploma lists each course with its role; what is not offered follows after a space.
  await page.goto('/programmes/itcilo-labour-migration-diploma/diploma');
  await expect(page.getByTestId('programme-public-course')).toHaveText([
    'Measuring and Analyzing Labour Migration — Required',
    'Elective course (to be announced) — Elective (Not yet offered on this platform)',
  ]);
});

test('a manager issues the course certificate', async ({ page }, info) => {
  const w = world(info);
  await as(page, seedState().manager);
  await page.goto(`/cohorts/${w.cohortId}/completion`);
  const form = page.locator('form[action="?/issue"]');
  await form.getByLabel("Learner's email address").fill(w.learner.email);
  await form.getByLabel('Reason').fill('Final assignment assessed on paper');
  await form.getByRole('button', { name: 'Issue the certificate' }).click();
  const done = page.getByText(/Certificate LM-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4} issued\./);
  await expect(done).toBeVisible();
  certificateCode = CODE.exec((await done.textContent()) ?? '')![0];
});

test('the record shows the course earned, with the same certificate as My certificates; the diploma follows', async ({
  page,
}, info) => {
  const w = world(info);
  await as(page, w.learner);
  await page.goto(ITCILO);
  const course = page.getByTestId('programme-course').first();
  await expect(course.getByTestId('programme-course-state')).toHaveText('Earned');
  await expect(
    course.getByRole('link', { name: new RegExp(`Certificate no. ${certificateCode}`) }),
  ).toBeVisible();
  // The ITCILO programme also needs an elective that is not offered here: no diploma, and the page says why.
  await expect(page.getByTestId('programme-diploma')).toContainText('Still needed: 1 course.');
  await expect(page.getByTestId('programme-diploma')).toContainText('not offered here yet');

  // The test programme asks for this course alone: its diploma was issued with the certificate.
  await page.goto(TEST_PROGRAMME);
  const diploma = page.getByTestId('programme-diploma');
  await expect(diploma).toContainText(/Awarded on .+\. Diploma no\. LM-/);
  diplomaCode = CODE.exec((await diploma.textContent()) ?? '')![0];
  expect(diplomaCode).not.toBe(certificateCode);

  await page.goto('/my/certificates');
  const cards = page.getByTestId('my-certificate');
  await expect(cards.filter({ hasText: `Certificate no. ${certificateCode}` })).toHaveCount(1);
  await expect(cards.filter({ hasText: `Diploma no. ${diplomaCode}` })).toHaveCount(1);
});

test('the diploma downloads as a PDF and as an Open Badges credential, and an anonymous visitor verifies it', async ({
  page,
}, info) => {
  const w = world(info);
  await as(page, w.learner);
  await page.goto(TEST_PROGRAMME);
  const diploma = page.getByTestId('programme-diploma');
  const pdf = await page.request.get(
    (await diploma.getByRole('link', { name: /Download the PDF/ }).getAttribute('href'))!,
  );
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const text = execFileSync('pdftotext', ['-', '-'], { input: await pdf.body(), encoding: 'utf8' });
  expect(text).toContain(w.learner.name);
  expect(text).toContain(diplomaCode);
  expect(text).toContain('Test Diploma in Labour Migration Statistics');
  expect(text).toContain('Measuring and Analyzing Labour Migration');

  const share = await diploma.getByTestId('diploma-share-link').getAttribute('href');
  const json = await page.request.get(
    (await diploma.getByRole('link', { name: /credential/ }).getAttribute('href'))!,
  );
  expect(json.headers()['content-type']).toContain('application/vc');
  const credential = (await json.json()) as {
    type: string[];
    credentialSubject: { name: string; achievement: { id: string; achievementType: string; name: string } };
    proof: { cryptosuite: string };
  };
  expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
  expect(credential.credentialSubject.name).toBe(w.learner.name);
  expect(credential.credentialSubject.achievement).toMatchObject({
    achievementType: 'Diploma',
    name: 'Test Diploma in Labour Migration Statistics',
  });
  expect(credential.proof.cryptosuite).toBe('eddsa-rdfc-2022');
  // The achievement's id is a public page that says what the diploma stands for.
  await page.context().clearCookies();
  await page.goto(new URL(credential.credentialSubject.achievement.id).pathname);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Test Diploma in Labour Migration Statistics' }),
  ).toBeVisible();
  await expect(page.getByTestId('programme-criteria')).toContainText(
    'Awarded when the learner holds a valid Certificate of Achievement of every required course',
  );

  await page.goto(share!);
  await expect(page.getByRole('heading', { level: 1, name: 'Valid diploma' })).toBeVisible();
  await expect(page.getByTestId('verify-recipient')).toHaveText(w.learner.name);
});

test('an admin revokes the diploma (a missing reason is refused); it then shows revoked everywhere', async ({
  page,
}, info) => {
  const w = world(info);
  await as(page, seedState().admin);
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Diplomas' }).click();
  const row = page.getByTestId('diploma-row').filter({ hasText: diplomaCode });
  await row.getByLabel(`Reason for revoking ${diplomaCode}`).fill('no');
  await row.getByRole('button', { name: `Revoke diploma ${diplomaCode}` }).click();
  await expect(page.getByText('Give a reason (at least 5 characters)').first()).toBeVisible();
  const again = page.getByTestId('diploma-row').filter({ hasText: diplomaCode });
  await again.getByLabel(`Reason for revoking ${diplomaCode}`).fill('Issued to the wrong person');
  await again.getByRole('button', { name: `Revoke diploma ${diplomaCode}` }).click();
  await expect(page.getByText(`Diploma ${diplomaCode} revoked.`)).toBeVisible();

  await page.context().clearCookies();
  await page.goto(`/verify/${diplomaCode}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Revoked diploma' })).toBeVisible();
  await expect(page.getByTestId('verify-state')).toContainText('was revoked on');

  await signIn(page, w.learner);
  await page.goto(TEST_PROGRAMME);
  await expect(page.getByTestId('programme-diploma')).toContainText(
    `Your diploma no. ${diplomaCode} was revoked`,
  );
  // The course certificate still stands, and the diploma is not issued again.
  await expect(page.getByTestId('programme-course').first().getByTestId('programme-course-state')).toHaveText(
    'Earned',
  );
});
