// dibao's search against Pagefind on the same article pages, in one Node process:
//   node bench/search_compare.mjs SITE PAGEFIND DOCS_JSON [--extra N --seed S] [--shown N] > result.json
// SITE: a dibao site (its search/ folder is read); PAGEFIND: Pagefind's output folder ("-": dibao alone);
// DOCS_JSON: [{id, url, text, tags}] of every article (text: title, headings and body).
//
// Each engine's loader reads files from disk and answers every request after LATENCY
// ms, so a query's time is what a page would see with that much latency per request.
// Per query it records the requests, their gzip bytes (Pagefind's files are gzip
// already and count as they are) and the sequential waves: a request's wave is one
// more than the latest wave whose answer had arrived when it was made.
// "first": a fresh engine (runtime included); "later": one engine warmed by WARM.
// A query counts the requests for its results and the records and excerpts of the
// first SHOWN of them (what a page shows at once); every result's URL, which the
// oracle needs, is read afterwards and not counted.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const [site, pagefindDir, docsFile] = process.argv.slice(2, 5);
const flag = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : fallback; };
const EXTRA = flag("--extra", 0), SEED = flag("--seed", 21), LATENCY = flag("--latency", 50), SHOWN = flag("--shown", 10);
const docs = JSON.parse(fs.readFileSync(docsFile, "utf8"));
const byUrl = new Map(docs.map((d) => [d.url, d]));
const WARM = "发展";  // not one of TYPICAL: its files are the later queries' cache
const TYPICAL = ["习近平", "脱贫攻坚", "疫情防控", "武汉", "人民", "改革", "栾川县", "王启民", "冬奥会", "wuhan", "tuopin"];

const gzipped = new Map();
function wireBytes(file, alreadyCompressed) {
  if (!gzipped.has(file)) {
    if (!fs.existsSync(file)) return 0;  // a request that fails (dibao: a key file with no keys is not written)
    const data = fs.readFileSync(file);
    gzipped.set(file, alreadyCompressed ? data.length : zlib.gzipSync(data, { level: 9 }).length);
  }
  return gzipped.get(file);
}

// A request log shared by one engine's loader: [file, wave, bytes].
function Tracker(compressed) {
  this.compressed = compressed;
  this.requests = [];
  this.arrived = 0;
}
Tracker.prototype.start = function () { this.requests = []; this.arrived = 0; };
Tracker.prototype.fetch = function (file, read) {
  const wave = this.arrived + 1, self = this;
  this.requests.push([file, wave, wireBytes(file, this.compressed)]);
  return new Promise((ok, fail) => setTimeout(() => {
    self.arrived = Math.max(self.arrived, wave);
    try { ok(read()); } catch (err) { fail(err); }
  }, LATENCY));
};
Tracker.prototype.summary = function () {
  return { requests: this.requests.length, waves: Math.max(0, ...this.requests.map((r) => r[1])),
    bytes: this.requests.reduce((s, r) => s + r[2], 0) };
};

// ---- dibao: the runtime as the page loads it, shards read from disk.
function readShard(file) {
  const text = fs.readFileSync(file, "utf8");
  const [, data] = JSON.parse("[" + text.slice(text.indexOf("(") + 1, text.lastIndexOf(")")) + "]");
  return data;
}
const searchDir = path.join(site, "search");
const runtimeFile = path.join(searchDir, "search.js");
function dibaoRuntime() {
  delete require.cache[require.resolve(runtimeFile)];
  require(runtimeFile);
  return globalThis.dibaoSearch;
}
const DIBAO = dibaoRuntime();
function dibaoEngine() {
  const tracker = new Tracker(false), memo = new Map();
  const load = (key) => {
    if (!memo.has(key)) {
      const file = path.join(searchDir, key + ".js");
      memo.set(key, tracker.fetch(file, () => (DIBAO.decode ? DIBAO.decode(readShard(file)) : readShard(file))));
    }
    return memo.get(key);
  };
  const eng = new DIBAO.Engine(load), untracked = new DIBAO.Engine((key) => Promise.resolve(readShard(path.join(searchDir, key + ".js"))));
  return {
    tracker, runtimeBytes: wireBytes(runtimeFile, false),
    async query(q) {
      const out = await eng.find(q), m = await eng.manifest;
      const needles = out.runs.map((run) => run.map((t) => t.t).join(""));
      const shown = await Promise.all(out.results.slice(0, SHOWN).map(async (r) => {
        const rec = await eng.record(m, r);
        await eng.excerpt(m, r, rec, needles);
        return rec.url;
      }));
      return { urls: () => Promise.all(out.results.map(async (r) => (await untracked.record(m, r)).url)), shown };
    },
  };
}

// ---- Pagefind: its own pagefind.js, a fresh module per engine, fetch served from disk.
let pagefindTracker = null;
globalThis.fetch = async (input) => {
  const file = decodeURIComponent(new URL(String(input)).pathname);
  const data = await pagefindTracker.fetch(file, () => fs.readFileSync(file));
  return new Response(data, { status: 200 });
};
let fresh = 0;
async function pagefindEngine() {
  const tracker = new Tracker(true);
  pagefindTracker = tracker;
  const runtimeFile = path.join(pagefindDir, "pagefind.js");
  const pf = await import(`file://${runtimeFile}?engine=${fresh++}`);
  await pf.options({ excerptLength: 30 });
  return {
    tracker, runtimeBytes: wireBytes(runtimeFile, false),
    async query(q) {
      pagefindTracker = tracker;
      const res = await pf.search(q);
      const shown = await Promise.all(res.results.slice(0, SHOWN).map(async (r) => siteUrl((await r.data()).url)));
      return { urls: async () => res.results.map((r) => fragmentUrls().get(r.id)), shown };
    },
  };
}

// Every Pagefind result's page, from its fragment (read once; a page would load only those it shows).
const siteUrl = (u) => u.slice(u.indexOf("/issues/") + 1);
let fragments = null;
function fragmentUrls() {
  if (!fragments) {
    fragments = new Map();
    const dir = path.join(pagefindDir, "fragment");
    for (const name of fs.readdirSync(dir)) {
      const text = zlib.gunzipSync(fs.readFileSync(path.join(dir, name))).toString("utf8");
      fragments.set(name.replace(/\.pf_fragment$/, ""), siteUrl(JSON.parse(text.slice(text.indexOf("{"))).url));
    }
  }
  return fragments;
}

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function drawQueries(count, seed) {
  const next = rng(seed), out = [];
  while (out.length < count) {
    const body = docs[Math.floor(next() * docs.length)].body;
    const at = Math.floor(next() * Math.max(1, body.length - 6));
    const q = body.slice(at, at + 2 + Math.floor(next() * 5));
    if (/^\p{Script=Han}{2,6}$/u.test(q)) out.push(q);
  }
  return out;
}

// Oracle: docs whose title, headings or body hold the query (case-folded); tag-only hits apart.
function judge(q, urls) {
  const needle = q.toLowerCase();
  const relevant = new Set(docs.filter((d) => d.text.toLowerCase().includes(needle)).map((d) => d.url));
  let correct = 0, tagOnly = 0;
  for (const u of new Set(urls)) {
    if (relevant.has(u)) correct++;
    else if ((byUrl.get(u)?.tags || "").toLowerCase().includes(needle)) tagOnly++;
  }
  return { relevant: relevant.size, returned: new Set(urls).size, correct, tagOnly, duplicates: urls.length - new Set(urls).size };
}

async function measure(name, makeEngine, queries, latin) {
  const rows = [];
  for (const q of queries) {  // first query: a fresh engine each time, runtime included
    const eng = await makeEngine();
    eng.tracker.start();
    const t0 = performance.now();
    await eng.query(q);
    const s = eng.tracker.summary();
    rows.push({ q, first: { ...s, bytes: s.bytes + eng.runtimeBytes, ms: performance.now() - t0 } });
  }
  const warm = await makeEngine();
  await warm.query(WARM);
  for (const row of rows) {
    warm.tracker.start();
    const t0 = performance.now();
    const got = await warm.query(row.q);
    row.later = { ...warm.tracker.summary(), ms: performance.now() - t0 };
    if (!latin(row.q)) row.judged = judge(row.q, await got.urls());
  }
  const files = walk(name === "dibao" ? searchDir : pagefindDir, name === "dibao" ? /\.js$/ : /./);
  return { name, rows, files: files.length, bytes: files.reduce((s, f) => s + fs.statSync(f).size, 0) };
}

function walk(dir, pattern) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(p, pattern));
    else if (pattern.test(entry.name) && !entry.name.endsWith(".html")) out.push(p);
  }
  return out;
}

async function main() {
  const queries = [...TYPICAL, ...drawQueries(30, 9), ...(EXTRA ? drawQueries(EXTRA, SEED) : [])];
  const latin = (q) => /^[a-z]+$/.test(q);
  const dibao = await measure("dibao", async () => dibaoEngine(), queries, latin);
  const pagefind = pagefindDir === "-" ? null : await measure("pagefind", pagefindEngine, queries, latin);
  process.stdout.write(JSON.stringify({ articles: docs.length, latency: LATENCY, shown: SHOWN, queries, dibao, pagefind }) + "\n");
}

main().catch((err) => { console.error(err); process.exit(1); });
