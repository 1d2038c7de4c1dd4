// Drives a real Jenkins through headless Chromium as a user would, and saves the README's screenshots.
// Run by take-screenshots.sh, which starts Jenkins and the simulator and sets JENKINS_URL, AEM_URL, AEM_CA and OUT.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(process.env.NODE_PATH, 'playwright-core', 'package.json'));
const { chromium } = require('playwright-core');

const jenkins = process.env.JENKINS_URL;
const aemUrl = process.env.AEM_URL;
const caPem = readFileSync(process.env.AEM_CA, 'utf8');
const out = process.env.OUT;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
page.setDefaultTimeout(30_000);

async function shot(name, locator) {
  const path = join(out, name);
  // Jenkins pins its header, breadcrumbs and Save bar; in an element screenshot they would cover the form.
  if (locator) await page.evaluate(() => {
    for (const e of document.querySelectorAll('body *')) {
      const p = getComputedStyle(e).position;
      if (p === 'sticky' || p === 'fixed') e.style.position = 'static';
    }
  });
  if (locator) {
    await locator.screenshot({ path });
  } else {
    await page.screenshot({ path, fullPage: false });
  }
  console.log(`saved ${path}`);
}

/** The form row (Jenkins' .jenkins-form-item) whose label is `label`, within `scope`. */
function field(scope, label) {
  return scope.locator('.jenkins-form-item, .setting-main, tr').filter({
    has: page.locator('.jenkins-form-label, .setting-name', { hasText: label }),
  }).first();
}

// 1. The global connection, with the result of "Test connection".
await page.goto(`${jenkins}manage/configure`);
const section = page.locator('section.jenkins-section, .jenkins-section').filter({ hasText: 'Qlik Enterprise Manager' }).first();
await section.getByRole('button', { name: 'Add AEM connection' }).click();
const conn = section.locator('.repeated-chunk').last();
await conn.locator('input[name="_.name"]').fill('prod');
await conn.locator('input[name="_.url"]').fill(aemUrl);
await conn.locator('select[name="_.credentialsId"]').selectOption('aem-demo-login');
await conn.locator('select[name="_.tlsMode"]').selectOption('SYSTEM_AND_CA_BUNDLE');
await conn.locator('textarea[name="_.caBundle"]').fill(caPem);
await conn.locator('input[name="_.defaultTimeout"]').fill('300');
await conn.locator('input[name="_.defaultTimeout"]').press('Tab');
await conn.getByRole('button', { name: 'Test connection' }).click();
await conn.getByText('Logged in.').waitFor();
await conn.scrollIntoViewIfNeeded();
await shot('global-connection.png', section);
await page.getByRole('button', { name: 'Save' }).click();
await page.waitForLoadState('networkidle');

// 2. A freestyle job with both build steps.
await page.goto(`${jenkins}view/all/newJob`);
await page.locator('#name').fill('orders-freestyle');
await page.getByText('Freestyle project').click();
await page.locator('#ok-button').click();
await page.waitForURL(/configure/);
for (const [step, task] of [['Run a Qlik Enterprise Manager task', 'Orders'], ['Stop a Qlik Enterprise Manager task', 'Orders']]) {
  await page.getByRole('button', { name: 'Add build step' }).click();
  await page.getByRole('button', { name: step }).or(page.getByText(step, { exact: true })).first().click();
  // The new step's fields validate themselves as they load; let that settle before typing, or a late answer for the
  // still-empty connection would be shown over the one chosen.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  const builder = page.locator('.repeated-chunk').filter({ hasText: step }).last();
  await builder.locator('select[name="_.connection"]').selectOption('prod');
  await builder.locator('input[name="_.server"]').fill('Replicate-Demo');
  await builder.locator('input[name="_.task"]').fill(task);
  await builder.locator('input[name="_.timeout"]').fill('300');
  await builder.locator('input[name="_.timeout"]').press('Tab');
}
await page.waitForLoadState('networkidle');
const steps = page.locator('#build-steps, section').filter({ hasText: 'Build Steps' }).first();
await steps.scrollIntoViewIfNeeded();
await shot('freestyle-steps.png', steps);
await page.getByRole('button', { name: 'Save' }).click();
await page.waitForLoadState('networkidle');

// 3. The Snippet Generator with aemRunTask chosen and its generated line.
/** Creates the pipeline job, or opens it, and saves `script` as its Pipeline script. */
async function pipeline(name, script) {
  if ((await page.request.get(`${jenkins}job/${name}/api/json`)).ok()) {
    await page.goto(`${jenkins}job/${name}/configure`);
  } else {
    await page.goto(`${jenkins}view/all/newJob`);
    await page.locator('#name').fill(name);
    await page.getByText('Pipeline', { exact: true }).click();
    await page.locator('#ok-button').click();
    await page.waitForURL(/configure/);
  }
  // The Pipeline script box is an ACE editor over a hidden textarea: type into the editor, as a user would paste.
  const editor = page.locator('.ace_editor').first();
  await editor.waitFor();
  await page.evaluate((s) => window.ace.edit(document.querySelector('.ace_editor')).setValue(s, 1), script);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForLoadState('networkidle');
}

await pipeline('orders-pipeline', '');
await page.goto(`${jenkins}job/orders-pipeline/pipeline-syntax/`);
await page.locator('select.dropdownList').first().selectOption({ label: 'aemRunTask: Run a Qlik Enterprise Manager task and wait until it runs' });
// As for the freestyle step: the fields validate themselves as they load; let that settle first.
await page.waitForLoadState('networkidle');
await page.waitForTimeout(1000);
const generator = page.locator('form, #main-panel').first();
await generator.locator('select[name="_.connection"]').selectOption('prod');
await generator.locator('input[name="_.server"]').fill('Replicate-Demo');
await generator.locator('input[name="_.task"]').fill('Orders');
await generator.locator('input[name="_.timeout"]').fill('300');
await generator.locator('select[name="_.option"]').selectOption('RESUME_PROCESSING');
await generator.locator('input[name="_.timeout"]').press('Tab');
await page.getByRole('button', { name: 'Generate Pipeline Script' }).click();
const generated = page.locator('textarea#prototypeText, textarea[readonly]').first();
await page.waitForFunction(() => {
  const t = document.querySelector('textarea#prototypeText') || document.querySelector('textarea[readonly]');
  return t && t.value.includes('aemRunTask');
});
const runLine = await generated.inputValue();
console.log(`generated: ${runLine}`);
// The page as a user sees it, in a window tall enough for the whole generator.
await page.setViewportSize({ width: 1280, height: 1750 });
await page.evaluate(() => window.scrollTo(0, 0));
await shot('snippet-generator.png');
await page.setViewportSize({ width: 1280, height: 900 });

// 4. The console of a successful pipeline (the generated line, then a stop), and of a failing one.
/** Presses "Build Now" on the job's page and waits for that build to end. */
async function build(job) {
  const last = async () => {
    const r = await page.request.get(`${jenkins}job/${job}/lastBuild/api/json`);
    return r.ok() ? r.json() : { number: 0, building: false };
  };
  const before = (await last()).number;
  await page.goto(`${jenkins}job/${job}/`);
  await page.getByText('Build Now', { exact: true }).click();
  for (let i = 0; i < 120; i++) {
    const b = await last();
    if (b.number > before && !b.building) return b;
    await page.waitForTimeout(1000);
  }
  throw new Error(`${job} did not finish`);
}

await pipeline('orders-pipeline', `${runLine}\naemStopTask connection: 'prod', server: 'Replicate-Demo', task: 'Orders', timeout: 300\n`);
const ok = await build('orders-pipeline');
console.log(`orders-pipeline: ${ok.result}`);
await page.goto(`${jenkins}job/orders-pipeline/lastBuild/console`);
await shot('pipeline-console.png', page.locator('#main-panel'));

// Running a task that already runs: AEM answers AEM_TASK_ALREADY_RUNNING.
await pipeline('orders-twice', "aemRunTask connection: 'prod', server: 'Replicate-Demo', task: 'Orders'\n"
  + "aemRunTask connection: 'prod', server: 'Replicate-Demo', task: 'Orders'\n");
const failed = await build('orders-twice');
console.log(`orders-twice: ${failed.result}`);
await page.goto(`${jenkins}job/orders-twice/lastBuild/console`);
await shot('pipeline-console-failure.png', page.locator('#main-panel'));

await browser.close();
