// Debian's Chromium (or $CHROMIUM) through playwright-core from node_modules: never a downloaded browser.
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(path.join(process.cwd(), 'package.json'));
const { chromium } = require('playwright-core');

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
}

// The pages among `urls` wider than `limit` px (horizontal scrolling on a phone), with their widths.
export async function overflowing(page, urls, limit) {
  const wide = [];
  for (const url of urls) {
    await page.goto(url, { waitUntil: 'load' });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > limit) wide.push({ url, width });
  }
  return wide;
}
