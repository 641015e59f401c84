// The real search page in Debian's Chromium: served at the root, under a
// sub-path, and opened from file://.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");
const { pythonBuilt } = require("./helpers");

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const skip = fs.existsSync(CHROMIUM) ? false : `no browser at ${CHROMIUM} (apt-get install -y chromium)`;
if (skip) console.log(`# SKIP browser tests: ${skip}`);

function demoDir() {
  return pythonBuilt("dibao-search-demo-200", "dibao.search.demo", ["200"], "search/index.html");
}

// Static server on 127.0.0.1 serving dir under prefix ("/" or "/sub/site/").
function serve(dir, prefix) {
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" };
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = url.startsWith(prefix) ? path.join(dir, url.slice(prefix.length)) : null;
    if (!file || !file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

async function launch() {
  const { chromium } = require("playwright-core");
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

async function typeQuery(page, text) {
  await page.fill('form.search input[name="q"]', "");
  await page.type('form.search input[name="q"]', text, { delay: 20 });
  return waitStatus(page);
}

async function waitStatus(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector(".search-status"), box = document.getElementById("search-results");
    return s && box.getAttribute("data-query") === document.querySelector('form.search input[name="q"]').value &&
      /找到/.test(s.textContent) && !document.querySelector(".search-item:not(:has(a))");
  });
  return page.$eval(".search-status", (s) => s.textContent);
}

function count(status) {
  const m = /找到 (\d+) 篇/.exec(status);
  return m ? Number(m[1]) : 0;
}

test("search page in Chromium", { skip }, async (t) => {
  const dir = demoDir();
  const browser = await launch();
  const external = [];
  t.after(() => browser.close());

  async function open(url) {
    const page = await browser.newPage();
    page.on("request", (r) => { if (!/^(file:|http:\/\/127\.0\.0\.1)/.test(r.url())) external.push(r.url()); });
    page.on("pageerror", (e) => { throw e; });
    await page.goto(url);
    return page;
  }

  await t.test("served at the root: results, highlights, facets, keyboard, ?q=", async () => {
    const server = await serve(dir, "/");
    try {
      const page = await open(`http://127.0.0.1:${server.address().port}/search/index.html`);
      const status = await typeQuery(page, "鄂州公安");
      const n = count(status);
      assert.ok(n > 0, status);
      // an article printed twice in a row is one item ("另见"): at most ten items, never two alike in a row
      const items = await page.$$eval(".search-item", (l) => l.map((li) => li.querySelector("a").textContent + "|" + li.querySelector(".search-snippet").textContent));
      assert.ok(items.length > 0 && items.length <= Math.min(n, 10), `${items.length} items of ${n}`);
      assert.ok(items.every((x, i) => !i || x !== items[i - 1]), "the same article twice in a row");
      const marks = await page.$$eval(".search-item mark", (l) => l.map((m) => m.textContent));
      assert.ok(marks.length && marks.every((m) => m === "鄂州公安"), marks.join());
      assert.ok(page.url().endsWith("?q=" + encodeURIComponent("鄂州公安")));
      // result links carry the query for the article page to mark it
      const hrefs = await page.$$eval("a.search-hit", (l) => l.map((a) => a.getAttribute("href")));
      assert.ok(hrefs.every((h) => h.endsWith("?q=" + encodeURIComponent("鄂州公安"))), hrefs[0]);
      // snippets: no space between Chinese characters, one "…" at most at each end, one where cut
      const snippets = await page.$$eval(".search-snippet", (l) => l.map((p) => p.textContent));
      for (const text of snippets) {
        assert.ok(!/[\u4e00-\u9fff。，、；：！？”）]\s+[\u4e00-\u9fff“（]/u.test(text), `stray space: ${text}`);
        assert.ok(!/…\s*…\s*…/.test(text) && !/…\s+…/.test(text), `doubled ellipsis: ${text}`);
      }
      // A region facet narrows the list to its count, looks pressed, and is kept in the URL.
      const facet = page.locator('.search-facet[data-facet="region"] button').first();
      const facetCount = Number((await facet.textContent()).split(" ").pop());
      const value = (await facet.textContent()).replace(/\s*\d+$/, "");
      await facet.click();
      assert.equal(count(await page.$eval(".search-status", (s) => s.textContent)), facetCount);
      assert.equal(await facet.getAttribute("aria-pressed"), "true");
      assert.ok(new URL(page.url()).searchParams.get("region") === value, page.url());
      for (const name of ["region", "theme", "year"]) assert.ok(await page.$(`.search-facet[data-facet="${name}"]`), name);
      // the facet state round-trips: the same URL opens with the facet pressed and the same count
      const again = await open(page.url());
      assert.equal(count(await waitStatus(again)), facetCount);
      assert.equal(await again.locator('.search-facet-value[aria-pressed="true"]').count(), 1);
      assert.ok((await again.locator(".search-facets-summary").textContent()).includes(value));
      // at a phone's width the facets fold: the first result is near the top, not under 50 buttons
      await again.setViewportSize({ width: 360, height: 740 });
      const folded = await open(page.url().replace(/&region=[^&]*/, ""));
      await folded.setViewportSize({ width: 360, height: 740 });
      await folded.reload();
      await waitStatus(folded);
      assert.equal(await folded.$eval(".search-facets", (d) => d.open), false);
      const top = await folded.$eval(".search-item", (li) => li.getBoundingClientRect().top);
      assert.ok(top < 400, `first result at y=${top} at 360 px`);
      // Keyboard: arrow down from the box walks the results.
      await page.focus('form.search input[name="q"]');
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      const focused = await page.evaluate(() => document.activeElement.className);
      assert.equal(focused, "search-hit");
      // Query text is inert.
      const xss = await typeQuery(page, "<img src=x onerror=window.__pwned=1><script>window.__pwned=1</script>龘");
      assert.ok(xss.includes("<img src=x"), xss);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
    } finally {
      server.close();
    }
  });

  await t.test("under a sub-path: links resolve, no results hint", async () => {
    const server = await serve(dir, "/sub/site/");
    try {
      const base = `http://127.0.0.1:${server.address().port}/sub/site/`;
      const page = await open(base + "search/index.html?q=" + encodeURIComponent("电信诈骗"));
      const n = count(await waitStatus(page));
      assert.ok(n > 0);
      const href = await page.$eval("a.search-hit", (a) => a.href);
      assert.ok(href.startsWith(base + "articles/"), href);
      const none = await typeQuery(page, "电信诈骗龘");
      assert.ok(none.includes("没有找到") && none.includes("试试"), none);
      await page.click(".search-suggest");
      assert.ok(count(await waitStatus(page)) > 0);
    } finally {
      server.close();
    }
  });

  await t.test("from file://: pinyin, full pinyin and initials, and the box on an article page", async () => {
    const page = await open("file://" + path.join(dir, "search/index.html"));
    for (const q of ["ezhou", "dianxinzhapian", "dxzp"]) {
      const status = await typeQuery(page, q);
      assert.ok(count(status) > 0 && status.includes("拼音"), `${q}: ${status}`);
    }
    const article = fs.readdirSync(path.join(dir, "articles/2016"))[0];
    const sub = await open("file://" + path.join(dir, "articles/2016", article));
    await sub.fill('form.search input[name="q"]', "交通事故");
    await sub.press('form.search input[name="q"]', "Enter");
    await sub.waitForURL(/search\/index\.html\?q=/);
    assert.ok(count(await waitStatus(sub)) > 0);
  });

  assert.deepEqual(external, [], "no external requests");
});
