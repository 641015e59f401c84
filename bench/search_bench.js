// Second half of bench/search_bench.py: bytes per query, query time, recall and precision.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const { readShard, runtime, rng } = require("../tests/js/helpers");

const out = process.argv[2];
const docs = JSON.parse(fs.readFileSync(path.join(out, "docs.json"), "utf8"));
const gz = new Map();
const runtimeBytes = zlib.gzipSync(fs.readFileSync(path.join(out, "search/search.js")), { level: 9 }).length;
const SHOWN = 10;

function gzSize(file) {
  if (!gz.has(file)) gz.set(file, zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length);
  return gz.get(file);
}

// An engine whose loader records which files a query fetched.
function newEngine() {
  const memo = new Map(), fetched = new Set();
  const load = (key) => {
    if (!memo.has(key)) {
      const file = path.join(out, "search", key + ".js");
      fetched.add(file);
      memo.set(key, Promise.resolve().then(() => readShard(file)));
    }
    return memo.get(key);
  };
  return { eng: new (runtime().Engine)(load), fetched };
}

// What the page fetches for a query: index files plus the shown display records.
async function queryBytes(ctx, query) {
  const before = new Set(ctx.fetched);
  const res = await ctx.eng.find(query);
  const m = await ctx.eng.manifest;
  const needles = res.runs.map((run) => run.map((t) => t.t).join(""));
  await Promise.all(res.results.slice(0, SHOWN).map(async (r) => ctx.eng.excerpt(m, r, await ctx.eng.record(m, r), needles)));
  let bytes = 0;
  const files = [];
  for (const f of ctx.fetched) if (!before.has(f)) { bytes += gzSize(f); files.push([path.relative(path.join(out, "search"), f), gzSize(f)]); }
  return { bytes, res, files };
}

function drawQueries(count, seed) {
  const next = rng(seed), queries = [];
  while (queries.length < count) {
    const body = docs[Math.floor(next() * docs.length)].fields[3];
    const at = Math.floor(next() * (body.length - 6));
    const q = body.slice(at, at + 2 + Math.floor(next() * 5));
    if (/^\p{Script=Han}{2,6}$/u.test(q)) queries.push(q);
  }
  return queries;
}

function pct(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

const kb = (b) => (b / 1024).toFixed(1);

// SEARCH_BENCH_DETAIL=N: the N heaviest first and later queries, with what each fetched by folder and the biggest files.
function showWorst(detail, count) {
  for (const kind of ["first", "later"]) {
    const worst = detail.filter((d) => d[1] === kind).sort((a, b) => b[2] - a[2]).slice(0, count);
    for (const [q, , bytes, files, hits] of worst) {
      const byFolder = {};
      for (const [f, size] of files) {
        const folder = f.includes("/") ? f.split("/")[0] : f;
        byFolder[folder] = (byFolder[folder] || 0) + size;
      }
      const folders = Object.entries(byFolder).sort((a, b) => b[1] - a[1]).map(([f, s]) => `${f} ${kb(s)}`).join(", ");
      const big = files.sort((a, b) => b[1] - a[1]).slice(0, 5).map(([f, s]) => `${f} ${kb(s)}`).join(", ");
      console.log(`${kind} ${q} ${kb(bytes)} KB, ${hits} hits: ${folders}\n    biggest: ${big}`);
    }
  }
}

// First- and later-query bytes of each query (later: on one engine warmed by 公安局, queries in turn).
async function measure(queries) {
  const first = [], later = [], detail = [];
  for (const q of queries) {
    const got = await queryBytes(newEngine(), q);
    first.push(runtimeBytes + got.bytes);
    detail.push([q, "first", runtimeBytes + got.bytes, got.files, got.res.results.length]);
  }
  const warm = newEngine();
  await queryBytes(warm, "公安局");
  for (const q of queries) {
    const got = await queryBytes(warm, q);
    later.push(got.bytes);
    detail.push([q, "later", got.bytes, got.files, got.res.results.length]);
  }
  return { first, later, detail, warm };
}

// Query time once a query's shards have arrived, as a page would see it: each query on an
// engine of its own, run once to load its files, then timed.  (On the one engine every other
// measure shares, the heap holds every file the whole sample loaded, hundreds of megabytes
// that no page session gathers, and a major collection landing in one query decides the max:
// that figure is printed too, as "long session".)
async function queryTimes(queries, warm) {
  const fresh = [], session = [];
  for (const q of queries) {
    const ctx = newEngine();
    await ctx.eng.find(q);
    let t0 = process.hrtime.bigint();
    await ctx.eng.find(q);
    fresh.push(Number(process.hrtime.bigint() - t0) / 1e6);
    t0 = process.hrtime.bigint();
    await warm.eng.find(q);
    session.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { fresh, session };
}

function timeLine(label, queries, times) {
  const slowest = times.indexOf(Math.max(...times));
  return `${label}: median ${pct(times, 0.5).toFixed(1)} ms, max ${times[slowest].toFixed(1)} ms (${queries[slowest]})`;
}

// Recall and precision of the engine against a plain substring scan of every field.
async function recall(warm, drawn) {
  let relevant = 0, found = 0, returned = 0;
  for (const q of drawn) {
    const ids = new Set(docs.filter((d) => d.fields.some((f) => f.includes(q))).map((d) => d.id));
    const res = (await warm.eng.search(q)).results;
    const m = await warm.eng.manifest;
    const got = await Promise.all(res.map(async (r) => (await warm.eng.record(m, r)).id));
    relevant += ids.size;
    returned += got.length;
    found += got.filter((id) => ids.has(id)).length;
  }
  console.log(`recall ${(100 * found / relevant).toFixed(2)}% (${found}/${relevant}), precision ${(100 * found / Math.max(returned, 1)).toFixed(2)}% over ${drawn.length} queries`);
}

// --extra-queries N --seed S: the same budgets over N more random body substrings.
async function wider(count, seed) {
  const queries = drawQueries(count, seed);
  const { first, later, detail, warm } = await measure(queries);
  console.log(`wider sample (${count} queries, seed ${seed}):`);
  console.log(`  first query: median ${kb(pct(first, 0.5))} KB, p90 ${kb(pct(first, 0.9))} KB, max ${kb(Math.max(...first))} KB (budget 150 KB)`);
  console.log(`  later query: median ${kb(pct(later, 0.5))} KB, p90 ${kb(pct(later, 0.9))} KB, max ${kb(Math.max(...later))} KB (budget 60 KB)`);
  const { fresh, session } = await queryTimes(queries, warm);
  console.log(`  ${timeLine("query time", queries, fresh)} (budget 50 ms); ${timeLine("long session", queries, session)}`);
  console.log(`  over budget: ${queries.filter((q, i) => first[i] > 150 * 1024 || later[i] > 60 * 1024).join(" ") || "none"}`);
  if (process.env.SEARCH_BENCH_DETAIL) showWorst(detail, Number(process.env.SEARCH_BENCH_DETAIL));
  await recall(warm, queries);
}

async function main() {
  const drawn = drawQueries(30, 9);
  const typical = ["公安", "鄂州", "电信诈骗", "交通事故", "鄂州公安", "扫黑除恶", "派出所", "ezhou", "dxzp"];
  const queries = [...typical, ...drawn];
  const { first, later, detail, warm } = await measure(queries);
  const { fresh: times, session } = await queryTimes(queries, warm);
  console.log(`first query (runtime included): median ${kb(pct(first, 0.5))} KB, p90 ${kb(pct(first, 0.9))} KB, max ${kb(Math.max(...first))} KB (budget 150 KB)`);
  console.log(`later query: median ${kb(pct(later, 0.5))} KB, p90 ${kb(pct(later, 0.9))} KB, max ${kb(Math.max(...later))} KB (budget 60 KB)`);
  queries.forEach((q, i) => console.log(`  ${q}\tfirst ${kb(first[i])} KB\tlater ${kb(later[i])} KB\t${times[i].toFixed(1)} ms`));
  console.log(`query time after shards arrive (V8): median ${pct(times, 0.5).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (budget 50 ms)`);
  console.log(`  ${timeLine("long session (one engine, every file of the sample loaded)", queries, session)}`);
  if (process.env.SEARCH_BENCH_DETAIL) showWorst(detail, Number(process.env.SEARCH_BENCH_DETAIL));
  await recall(warm, drawn);
  if (Number(process.argv[3] || 0) > 0) await wider(Number(process.argv[3]), Number(process.argv[4] || 21));
}

main().catch((e) => { console.error(e); process.exit(1); });
