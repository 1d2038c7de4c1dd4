// Headless Chromium (Debian's package) through playwright-core, as the try-it browser test and the screenshot script
// use it. browser-env.sh installs playwright-core and sets NODE_PATH.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(process.env.NODE_PATH, 'playwright-core', 'package.json'));
const { chromium } = require('playwright-core');

/** Starts Chromium headless, with the flags this kind of machine needs: no sandbox as root, no background traffic. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** The job's last build as Jenkins' JSON API gives it, or none yet. */
export async function lastBuild(page, jenkins, job) {
  const r = await page.request.get(`${jenkins}job/${job}/lastBuild/api/json`);
  return r.ok() ? r.json() : { number: 0, building: false };
}

/** Presses "Build Now" on the job's page, as a user does, and waits for that build to end. */
export async function buildNow(page, jenkins, job, seconds = 180) {
  const before = (await lastBuild(page, jenkins, job)).number;
  await page.goto(`${jenkins}job/${job}/`);
  await page.getByText('Build Now', { exact: true }).click();
  for (let i = 0; i < seconds * 2; i++) {
    const b = await lastBuild(page, jenkins, job);
    if (b.number > before && !b.building) return b;
    await page.waitForTimeout(500);
  }
  throw new Error(`${job} did not finish within ${seconds} s`);
}
