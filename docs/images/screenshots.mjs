// Drives the try-it Jenkins through headless Chromium as a user would, and saves the README's pictures. Run by
// take-screenshots.sh, which starts it and sets JENKINS_URL, AEM_URL, AEM_CA and OUT.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildNow, launch } from '../../plugin/try-it/browser.mjs';

const jenkins = process.env.JENKINS_URL;
const aemUrl = process.env.AEM_URL;
const caPem = readFileSync(process.env.AEM_CA, 'utf8');
const out = process.env.OUT;

const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
page.setDefaultTimeout(60_000);

/** Saves the page, or one element of it, as `name`. */
async function shot(name, locator) {
  const path = join(out, name);
  // Neither a focus ring on the last field left nor a hover on what the pointer rests over once the window has grown;
  // the screenshot ends their fading (Jenkins' buttons take 0.25 s, longer on a busy machine) rather than catch it.
  await page.evaluate(() => document.activeElement?.blur());
  const window_ = page.viewportSize();
  await page.mouse.move(window_.width - 2, Math.floor(window_.height / 2)); // the right margin: nothing there to hover
  if (locator) {
    // Jenkins pins its header, breadcrumbs and Save bar; in an element screenshot they would cover the form.
    await page.evaluate(() => {
      for (const e of document.querySelectorAll('body *')) {
        const p = getComputedStyle(e).position;
        if (p === 'sticky' || p === 'fixed') e.style.position = 'static';
      }
    });
    await locator.screenshot({ path, animations: 'disabled' });
  } else {
    await page.screenshot({ path, fullPage: false, animations: 'disabled' });
  }
  console.log(`saved ${path}`);
}

/**
 * Saves the page's main panel whole, in a window tall enough for all of it: Jenkins' header blurs what scrolls under
 * it, which a panel taller than the window would show.
 */
async function panelShot(name) {
  const panel = page.locator('#main-panel');
  const box = await panel.boundingBox();
  // The panel stretches to the window's foot; the picture ends below its last line of content.
  const bottom = await panel.evaluate((p) => Math.max(...[...p.querySelectorAll('*')]
    .map((e) => e.getBoundingClientRect()).filter((r) => r.height > 0).map((r) => r.bottom + window.scrollY)));
  await page.setViewportSize({ width: 1280, height: Math.ceil(bottom + 24) });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(out, name), animations: 'disabled',
    clip: { x: box.x, y: box.y, width: box.width, height: Math.ceil(bottom - box.y + 12) } });
  console.log(`saved ${join(out, name)}`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Waits until the page has sent and answered every form check it queued (Jenkins sends them one at a time). */
async function settled() {
  await page.waitForLoadState('networkidle');
}

/** Types into a field as a person does, then leaves it with Tab, which is when Jenkins checks it. */
async function type(field, text) {
  await field.click();
  await field.fill('');
  await field.pressSequentially(text, { delay: 20 });
  await field.press('Tab');
}

// 1. A global connection being added, after "Test connection".
await page.goto(`${jenkins}manage/configure`);
await settled();
const section = page.locator('.jenkins-section').filter({ has: page.getByRole('button', { name: 'Add AEM connection' }) }).last();
await section.getByRole('button', { name: 'Add AEM connection' }).click();
const conn = section.locator('.repeated-chunk').last();
await conn.locator('input[name="_.name"]').waitFor();
await settled();
await type(conn.locator('input[name="_.name"]'), 'prod');
await type(conn.locator('input[name="_.url"]'), aemUrl);
await settled();
await conn.locator('select[name="_.credentialsId"]').selectOption('aem-try-it');
await conn.locator('select[name="_.tlsMode"]').selectOption('SYSTEM_AND_CA_BUNDLE');
await conn.locator('textarea[name="_.caBundle"]').fill(caPem);
await conn.locator('textarea[name="_.caBundle"]').press('Tab');
await type(conn.locator('input[name="_.defaultTimeout"]'), '300');
await settled();
await conn.getByRole('button', { name: 'Test connection' }).click();
await conn.getByText('Logged in.').waitFor();
await settled();
const errors = await conn.locator('.validation-error-area .error').allInnerTexts();
if (errors.length) throw new Error(`the new connection shows errors: ${errors.join(' | ')}`);
// Show the certificate from its first line, as a reader expects a PEM to start.
await conn.locator('textarea[name="_.caBundle"]').evaluate((t) => { t.scrollTop = 0; });
await conn.scrollIntoViewIfNeeded();
await shot('global-connection.png', conn);
// Not saved: the pictures leave the try-it configuration as it was.

// 2. The example freestyle job's two build steps.
await page.goto(`${jenkins}job/freestyle-run-and-stop/configure`);
await settled();
const steps = page.locator('#build-steps, section').filter({ hasText: 'Build Steps' }).first();
await steps.scrollIntoViewIfNeeded();
await shot('freestyle-steps.png', steps);

// 3. The Snippet Generator with aemRunTask chosen and its generated line.
await page.goto(`${jenkins}job/pipeline-run-and-stop/pipeline-syntax/`);
await settled();
await page.locator('select.dropdownList').first()
  .selectOption({ label: 'aemRunTask: Run a Qlik Enterprise Manager task and wait until it runs' });
await settled();
// The page holds every step's form, the others hidden: only the chosen step's fields are visible.
const generator = page.locator('form, #main-panel').first();
await generator.locator('select[name="_.connection"]:visible').selectOption('try-it');
await type(generator.locator('input[name="_.server"]:visible'), 'Replicate-Demo');
await type(generator.locator('input[name="_.task"]:visible'), 'Orders');
await type(generator.locator('input[name="_.timeout"]:visible'), '300');
await generator.locator('select[name="_.option"]:visible').selectOption('RESUME_PROCESSING');
await settled();
await page.getByRole('button', { name: 'Generate Pipeline Script' }).click();
await page.waitForFunction(() => {
  const t = document.querySelector('textarea#prototypeText') || document.querySelector('textarea[readonly]');
  return t && t.value.includes('aemRunTask');
});
// The page as a user sees it, in a window tall enough for the whole generator.
await page.setViewportSize({ width: 1280, height: 1750 });
await page.evaluate(() => window.scrollTo(0, 0));
await shot('snippet-generator.png');
await page.setViewportSize({ width: 1280, height: 900 });

// 4. The consoles of the example pipeline and of the job AEM refuses, each built with "Build Now".
for (const [job, picture, expected] of [['pipeline-run-and-stop', 'pipeline-console.png', 'SUCCESS'],
  ['refused-by-aem', 'pipeline-console-failure.png', 'FAILURE']]) {
  const b = await buildNow(page, jenkins, job);
  console.log(`${job} #${b.number}: ${b.result}`);
  if (b.result !== expected) throw new Error(`${job} ended ${b.result}, not ${expected}`);
  await page.goto(`${jenkins}job/${job}/${b.number}/console`);
  await shot(picture, page.locator('#main-panel'));
}
const built = {};
for (const job of ['freestyle-run-and-stop', 'promote-a-task', 'review-a-change', 'release-a-folder']) {
  const b = await buildNow(page, jenkins, job);
  console.log(`${job} #${b.number}: ${b.result}`);
  if (b.result !== 'SUCCESS') throw new Error(`${job} ended ${b.result}, not SUCCESS`);
  built[job] = b.number;
}

// 5. The build's AEM page: the steps of the promote job, its health wait's chart, the review job's dry run with its
//    plan and diff, and the release job's release of a folder, one row per task. Each is the page's main panel, whole.
await page.goto(`${jenkins}job/promote-a-task/${built['promote-a-task']}/aem/`);
await settled();
await panelShot('aem-page-steps.png');
const wait = await page.getByRole('link', { name: 'health wait' }).getAttribute('href');
await page.goto(`${jenkins}job/promote-a-task/${built['promote-a-task']}/aem/${wait}`);
await page.locator('.aem-chart svg').first().waitFor();
await panelShot('aem-page-health.png');
await page.goto(`${jenkins}job/review-a-change/${built['review-a-change']}/aem/step/3/`);
await page.locator('.aem-diff').first().waitFor();
await panelShot('aem-page-deploy.png');
// The release is the build's last deploy of the folder (the one before it is its dry run).
await page.goto(`${jenkins}job/release-a-folder/${built['release-a-folder']}/aem/`);
await page.locator('table.aem-steps tbody tr').filter({ hasText: 'release of 2 task(s)' }).last()
  .getByRole('link', { name: 'release of 2 task(s)' }).click();
await page.locator('table.aem-set tbody tr').first().waitFor();
await panelShot('aem-page-release.png');

// 6. The dashboard with the example jobs and their last results, in a window no taller than they need.
await page.goto(jenkins);
await settled();
const jobs = await page.locator('#projectstatus').boundingBox();
await page.setViewportSize({ width: 1280, height: Math.ceil(jobs.y + jobs.height + 20) });
await settled();
await shot('try-it-dashboard.png');

await browser.close();
