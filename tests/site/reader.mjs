// Browser checks of the reader's aids, driven through playwright-core on Debian's Chromium.
// Usage: node tests/site/reader.mjs job.json   (prints a JSON report on stdout)
// job: {"article": url, "articleToc": url, "other": url, "query": word, "widthPages": [url, …]}
import fs from 'node:fs';
import { launch, overflowing } from './chromium.mjs';

const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const browser = await launch();
const report = {};
const viewport = { width: 360, height: 740 };
const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const pressed = (page, selector) => page.getAttribute(selector, 'aria-pressed');
// time for a localStorage write to reach the browser process before the page is left
const settle = (page) => page.waitForTimeout(250);

async function fresh(options = {}) {
  const context = await browser.newContext({ viewport, colorScheme: 'light', ...options });
  return [context, await context.newPage()];
}

try {
  // table of contents: its first link brings its heading into view
  {
    const [context, page] = await fresh();
    await page.goto(job.articleToc);
    const link = page.locator('.story-toc a').first();
    const target = (await link.getAttribute('href')).slice(1);
    await link.click();
    report.toc = {
      entries: await page.locator('.story-toc a').count(), target,
      hash: await page.evaluate(() => location.hash),
      top: await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, target),
    };
    await context.close();
  }
  // citation: the button copies the citation and the page's address
  {
    const [context, page] = await fresh();
    await page.addInitScript(() => {
      window.copied = null;
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: (t) => { window.copied = t; return Promise.resolve(); } } });
    });
    await page.goto(job.article);
    const visible = await page.isVisible('.copy-cite');
    await page.click('.copy-cite');
    await page.waitForFunction(() => window.copied !== null);
    report.citation = { visible, copied: await page.evaluate(() => window.copied),
                        shown: await page.textContent('#citation'), status: await page.textContent('.copy-status'),
                        address: page.url().split('?')[0] };
    await context.close();
  }
  // text size: 大 and 小 change the article text, the choice is kept across pages and reloads
  {
    const [context, page] = await fresh();
    await page.goto(job.article);
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.story-body')).fontSize));
    const base = await size();
    await page.click('[data-size-choice="l"]');
    const large = await size();
    // Chromium hands a localStorage write to the browser process asynchronously, so a
    // navigation in the same millisecond can still read the old value (CI saw exactly
    // that once under load); a reader never navigates that fast, so let the write settle.
    await settle(page);
    await page.goto(job.articleToc);
    const largeElsewhere = await size();
    const largePressed = await pressed(page, '[data-size-choice="l"]');
    await page.click('[data-size-choice="s"]');
    const small = await size();
    await settle(page);
    await page.reload();
    const smallAfterReload = await size();
    await page.click('[data-size-choice="m"]');
    report.size = { base, large, largeElsewhere, largePressed, small, smallAfterReload, back: await size() };
    await context.close();
  }
  // light/dark: the toggle switches the palette, the choice is kept, the system's is the default
  {
    const [context, page] = await fresh();
    await page.goto(job.article);
    const light = await background(page);
    const pressedBefore = await pressed(page, '#theme-toggle');
    await page.click('#theme-toggle');
    const dark = await background(page);
    const pressedAfter = await pressed(page, '#theme-toggle');
    await settle(page);
    await page.goto(job.other);
    const darkElsewhere = await background(page);
    await context.close();
    const [systemContext, systemPage] = await fresh({ colorScheme: 'dark' });
    await systemPage.goto(job.article);
    const systemDark = await background(systemPage);
    await systemPage.click('#theme-toggle');
    const chosenLight = await background(systemPage);
    await systemContext.close();
    report.theme = { light, dark, darkElsewhere, pressedBefore, pressedAfter, systemDark, chosenLight };
  }
  // without script: no dead controls, the system's palette
  {
    const [context, page] = await fresh({ colorScheme: 'dark', javaScriptEnabled: false });
    await page.goto(job.article);
    report.noScript = {
      background: await background(page),
      visible: await page.evaluate(() => ['#theme-toggle', '.size-choice', '.copy-cite']
        .filter((s) => document.querySelector(s) && document.querySelector(s).offsetParent !== null)),
    };
    await context.close();
  }
  // "/" focuses the search box; a query from search is marked
  {
    const [context, page] = await fresh();
    await page.goto(job.article);
    await page.keyboard.press('/');
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
    await page.goto(`${job.article}?q=${encodeURIComponent(job.query)}`);
    await page.waitForSelector('mark.hit', { timeout: 5000 }).catch(() => null);
    const marks = await page.locator('mark.hit').allTextContents();
    const note = await page.locator('.hit-note').count();
    if (note) await page.click('.hit-note button');
    report.search = { focused, marks, note, marksAfterClear: await page.locator('mark.hit').count() };
    await context.close();
  }
  // no page is wider than a 360 px phone
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
