// Drives Debian's Chromium through playwright-core for the site tests.
// Usage: node tests/site/browser.mjs job.json   (prints a JSON report on stdout)
// job: {"pages": [{"name", "url"}], "widths": [390, 1280], "screens": "<dir>" | null,
//       "axe": "<path to axe.min.js>" | null, "colorScheme": "light" | "dark",
//       "firstScreen": false (true: screenshots of the first screenful only)}
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './chromium.mjs';

const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const browser = await launch();
const report = { pages: [] };
try {
  for (const target of job.pages) {
    for (const width of job.widths) {
      const context = await browser.newContext({ viewport: { width, height: 900 },
                                                 colorScheme: job.colorScheme || 'light' });
      const page = await context.newPage();
      const external = [];
      page.on('request', (req) => { if (!/^(file|data|about):/.test(req.url())) external.push(req.url()); });
      await page.goto(target.url, { waitUntil: 'load' });
      const entry = { name: target.name, width, external };
      if (job.screens) {
        entry.screenshot = path.join(job.screens, `${target.name}-${width}${job.colorScheme === 'dark' ? '-dark' : ''}.png`);
        await page.screenshot({ path: entry.screenshot, fullPage: !job.firstScreen });
      }
      entry.scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (job.axe) {
        await page.addScriptTag({ path: job.axe });
        const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
        entry.violations = result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
      }
      report.pages.push(entry);
      await context.close();
    }
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));
