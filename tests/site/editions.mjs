// Browser checks of editions and the archive, driven through playwright-core on Debian's Chromium.
// Usage: node tests/site/editions.mjs job.json   (prints a JSON report on stdout)
// job: {"edition": url, "month": url, "archive": url, "date": "2025-03-02", "widthPages": [url, …]}
import fs from 'node:fs';
import { launch, overflowing } from './chromium.mjs';

const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const browser = await launch();
const report = {};
const viewport = { width: 360, height: 740 };
const fileName = (url) => decodeURI(url.split('?')[0].split('#')[0]);
const heading = (page) => page.evaluate(() => document.querySelector('h1').firstChild.textContent.trim());

async function fresh() {
  const context = await browser.newContext({ viewport, colorScheme: 'light' });
  return [context, await context.newPage()];
}

try {
  // the edition page lists its pages in order, each with its articles; 下一版/上一版 walk them
  {
    const [context, page] = await fresh();
    await page.goto(job.edition);
    const sections = await page.$$eval('.edition-page', (found) => found.map((s) => ({
      heading: s.querySelector('h2 a').textContent.trim(), articles: s.querySelectorAll('li a').length })));
    const strip = await page.$$eval('.page-strip a', (links) => links.map((a) => a.textContent.trim()));
    await page.click('.page-strip a');
    const walked = [await heading(page)];
    let steps = 0;
    while (await page.locator('.page-steps .next').first().count() && steps < 40) {
      await page.locator('.page-steps .next').first().click();
      walked.push(await heading(page));
      steps += 1;
    }
    const back = [];
    while (await page.locator('.page-steps .prev').first().count() && back.length < 40) {
      await page.locator('.page-steps .prev').first().click();
      back.push(await heading(page));
    }
    report.edition = { sections, strip, walked, back, title: await page.title() };
    // prev/next edition: the same paper, an earlier and a later date
    await page.goto(job.edition);
    const paper = await page.evaluate(() => document.querySelector('h1').firstChild.textContent.trim());
    const date = await page.getAttribute('h1 time', 'datetime');
    const neighbours = {};
    for (const side of ['prev', 'next']) {
      await page.goto(job.edition);
      const link = page.locator(`.prevnext .${side}`);
      if (!(await link.count())) continue;
      await link.click();
      neighbours[side] = { paper: await page.evaluate(() => document.querySelector('h1').firstChild.textContent.trim()),
                           date: await page.getAttribute('h1 time', 'datetime'), url: fileName(page.url()) };
    }
    report.neighbours = { paper, date, ...neighbours };
    await context.close();
  }
  // the month's calendar: one cell per date, each with at most one link per paper
  {
    const [context, page] = await fresh();
    await page.goto(job.month);
    report.calendar = await page.evaluate(() => {
      const cells = [...document.querySelectorAll('.calendar td[id^="d-"]')];
      return { cells: cells.map((td) => td.id), month: document.querySelector('h1').textContent.trim(),
               linked: cells.filter((td) => td.querySelector('a')).length,
               crowded: cells.filter((td) => {
                 const papers = [...td.querySelectorAll('a')].map((a) => a.dataset.paper);
                 return new Set(papers).size !== papers.length;
               }).map((td) => td.id) };
    });
    await context.close();
  }
  // the date picker takes the reader to that date's cell on its month's page
  {
    const [context, page] = await fresh();
    await page.goto(job.archive);
    await page.fill('#date-jump', job.date);
    await page.click('.date-jump button');
    await page.waitForLoadState('load');
    report.picker = { url: fileName(page.url()), hash: await page.evaluate(() => location.hash),
                      target: await page.evaluate(() => !!document.getElementById(location.hash.slice(1))) };
    await context.close();
  }
  // the paper filter, where the archive holds more than one paper: hides the others, kept in the address
  {
    const [context, page] = await fresh();
    await page.goto(job.archive);
    const chips = await page.locator('.paper-filter button').count();
    if (chips > 2) {
      const chosen = await page.locator('.paper-filter button').nth(1).getAttribute('data-paper-choice');
      await page.locator('.paper-filter button').nth(1).click();
      const shown = await page.$$eval('.issue-list [data-paper]', (items) => items.filter((i) => i.offsetParent !== null).map((i) => i.dataset.paper));
      const all = await page.$$eval('.issue-list [data-paper]', (items) => items.length);
      const address = page.url();
      await page.reload();
      const kept = await page.$$eval('.issue-list [data-paper]', (items) => items.filter((i) => i.offsetParent !== null).map((i) => i.dataset.paper));
      report.filter = { chips, chosen, shown, all, address, kept };
    } else {
      report.filter = { chips };
    }
    await context.close();
  }
  // no page wider than a 360 px phone
  {
    const [context, page] = await fresh();
    report.widths = await overflowing(page, job.widthPages, viewport.width);
    report.widthsChecked = job.widthPages.length;
    await context.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));
