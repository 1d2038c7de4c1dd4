// The try-it Jenkins as a user meets it, in headless Chromium: the dashboard lists the example jobs; the example
// pipeline, built with "Build Now", ends in SUCCESS and its console shows the plugin's [AEM] lines; the builds' AEM
// pages list the steps, show a dry run's diff, a health wait's chart, and a release of a folder with one row per task,
// each row opening that task's plan and diff with the endpoints' passwords as placeholders; Jenkins' CSP refuses
// nothing on them. Run by browser-test.sh, which starts the try-it Jenkins (with a fresh simulator: the release creates
// its tasks) and sets JENKINS_URL and the endpoint passwords. Prints how long each part took.
import { buildNow, launch } from './browser.mjs';

const jenkins = process.env.JENKINS_URL;
const job = 'pipeline-run-and-stop';
const timings = [];
let mark = Date.now();
function done(part) {
  const now = Date.now();
  timings.push([part, now - mark]);
  console.log(`browser-test: ${part}: ${((now - mark) / 1000).toFixed(1)} s`);
  mark = now;
}
function check(ok, what) {
  if (!ok) throw new Error(`browser-test: FAILED: ${what}`);
}

const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(60_000);
  done('Chromium started');

  await page.goto(jenkins);
  for (const name of ['pipeline-run-and-stop', 'freestyle-run-and-stop', 'refused-by-aem', 'promote-a-task', 'review-a-change', 'release-a-folder']) {
    await page.locator(`a[href$="job/${name}/"]`).first().waitFor();
  }
  check((await page.content()).includes('Qlik Enterprise Manager plugin against a simulated AEM'),
    'the dashboard shows the try-it system message');
  done('dashboard shows the example jobs');

  await page.locator(`a[href$="job/${job}/"]`).first().click();
  await page.waitForURL(new RegExp(`job/${job}/$`));
  done(`opened ${job} from the dashboard`);

  const build = await buildNow(page, jenkins, job);
  check(build.result === 'SUCCESS', `${job} #${build.number} ended ${build.result}, not SUCCESS`);
  done(`built ${job} #${build.number}: ${build.result}`);

  await page.goto(`${jenkins}job/${job}/${build.number}/console`);
  const console_ = await page.locator('pre.console-output, #out, .console-output').first().innerText();
  const aem = console_.split('\n').filter((l) => l.startsWith('[AEM] '));
  check(console_.includes('Finished: SUCCESS'), 'the console says Finished: SUCCESS');
  check(aem.some((l) => l.includes("task 'Orders' on server 'Replicate-Demo' is RUNNING")), 'the console shows Orders RUNNING');
  check(aem.some((l) => l.includes("task 'Orders' on server 'Replicate-Demo' is STOPPED")), 'the console shows Orders STOPPED');
  check(!aem.some((l) => l.includes('reached')), 'the console says each result once');
  done(`console shows Finished: SUCCESS and ${aem.length} [AEM] lines`);
  console.log(aem.map((l) => `  ${l}`).join('\n'));

  // The build's AEM page, drawn without a script of its own: Jenkins' Content-Security-Policy must find nothing to
  // refuse on it, not even in report-only mode.
  const refused = [];
  page.on('console', (m) => { if (m.text().includes('Content Security Policy')) refused.push(m.text()); });
  await page.goto(`${jenkins}job/${job}/${build.number}/`);
  await page.locator('a[href="aem/"]').first().click();
  await page.waitForURL(/\/aem\/$/);
  const steps = await page.locator('table.aem-steps tbody tr').allInnerTexts();
  check(steps.length === 2 && steps[0].includes('run') && steps[1].includes('stop'), `the AEM page lists run and stop: ${steps}`);
  done(`the build's AEM page lists its ${steps.length} steps`);

  const review = await buildNow(page, jenkins, 'review-a-change');
  check(review.result === 'SUCCESS', `review-a-change #${review.number} ended ${review.result}`);
  await page.goto(`${jenkins}job/review-a-change/${review.number}/aem/step/3/`);
  const diff = await page.locator('.aem-diff').allInnerTexts();
  check(diff.length === 3 && diff.some((d) => d.includes('- 4') && d.includes('+ 8')), `the dry run's diff: ${diff}`);
  done(`the review job's dry run shows its plan and the diff of its ${diff.length} settings`);

  const promote = await buildNow(page, jenkins, 'promote-a-task');
  check(promote.result === 'SUCCESS', `promote-a-task #${promote.number} ended ${promote.result}`);
  await page.goto(`${jenkins}job/promote-a-task/${promote.number}/aem/`);
  await page.getByRole('link', { name: 'health wait' }).click();
  await page.locator('.aem-chart svg').first().waitFor();
  const lines = await page.locator('.aem-chart svg polyline').count();
  check(lines >= 1 && await page.locator('.aem-chart line.aem-rule').count() === 1, 'the health chart draws the latency and maxLatency');
  done('the health wait\'s chart is drawn');

  // A release of a folder: its build's AEM page lists the set deploy (a dry run, then the release), whose page has one
  // row per task, each opening the task's own plan and diff.
  const release = await buildNow(page, jenkins, 'release-a-folder');
  check(release.result === 'SUCCESS', `release-a-folder #${release.number} ended ${release.result}`);
  await page.goto(`${jenkins}job/release-a-folder/${release.number}/aem/`);
  const sets = page.locator('table.aem-steps tbody tr').filter({ hasText: 'release of 2 task(s)' });
  check(await sets.count() === 2, `the release's AEM page lists its dry run and its release: ${await sets.allInnerTexts()}`);
  check((await sets.first().innerText()).includes('dry run'), 'the first set deploy is the dry run');
  await sets.last().getByRole('link', { name: 'release of 2 task(s)' }).click();
  await page.waitForURL(/\/aem\/step\/\d+\/$/);
  const setPage = page.url();
  const heading = await page.locator('h1').innerText();
  check(heading.includes("release of 2 task(s) from release/ to server 'Replicate-QA'"), `the release's heading: ${heading}`);
  const rows = page.locator('table.aem-set tbody tr');
  const tasks = await rows.locator('td:first-child').allInnerTexts();
  check(tasks.join() === 'Billing,Payments', `the release's page has a row for Billing and one for Payments, by name: ${tasks}`);
  for (const row of await rows.allInnerTexts()) {
    check(row.includes('DEPLOYED') && /\d s\s*$/.test(row), `each task is DEPLOYED, with the time it took: ${row}`);
  }
  const secrets = [process.env.AEM_TRY_IT_SOURCE_DB_PASSWORD, process.env.AEM_TRY_IT_TARGET_DB_PASSWORD].filter(Boolean);
  check(secrets.length === 2, 'browser-test.sh gave the endpoint passwords');
  let endpointDiffs = 0;
  for (const task of tasks) {
    await page.goto(setPage);
    await rows.getByRole('link', { name: task, exact: true }).click();
    await page.waitForURL(/\/report\/\d+\/$/);
    check((await page.locator('h1').innerText()).includes(`Deploy of ${task} (Replicate-QA)`), `${task}'s page is titled`);
    const plan = await page.locator('table.aem-plan tbody').innerText();
    check(plan.includes(`create task '${task}'`), `${task}'s plan creates it: ${plan}`);
    const diffs = await page.locator('.aem-diff').allInnerTexts();
    check(diffs.length >= 1 && new RegExp(`\\+\\s+"name": "${task}"`).test(diffs[0]),
      `${task}'s diff shows the task as the file makes it`);
    const steps = await page.locator('table.aem-actions tbody').innerText();
    check(steps.includes(`imported the definition into task '${task}'`), `${task}'s steps taken: ${steps}`);
    const text = await page.locator('#main-panel').innerText();
    check(!secrets.some((s) => text.includes(s)), `${task}'s page shows an endpoint password`);
    // The shared endpoints are planned with the first task that uses them: their diff is on that task's page.
    const endpoints = diffs.filter((d) => d.includes("endpoint 'Source-DB'"));
    endpointDiffs += endpoints.length;
    for (const d of endpoints) {
      check(d.includes('"password": "${secret:Source-DB/password}"') && d.includes('"database": "Sales_QA"'),
        `${task}'s diff of Source-DB has QA's values and the password as a placeholder: ${d}`);
    }
  }
  check(endpointDiffs === 1, `one task's page shows the diff of the shared endpoint Source-DB, not ${endpointDiffs}`);
  done(`the release's page has a row for each of ${tasks.join(' and ')}, each with its own plan and diff, no password`);
  check(refused.length === 0, `Content-Security-Policy refused: ${refused.join(' | ')}`);
  done('the CSP refused nothing on the AEM pages');
} finally {
  await browser.close();
}
console.log(`browser-test: PASSED in ${(timings.reduce((s, [, ms]) => s + ms, 0) / 1000).toFixed(1)} s of browser work`);
