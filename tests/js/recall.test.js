// Recall and precision on queries drawn from the corpus; odd characters; punctuation.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const lunr = require("lunr");
const { fixtureDir, engine, fileLoader, runtime, refs, rng } = require("./helpers");

const dir = fixtureDir();
const docs = JSON.parse(fs.readFileSync(path.join(dir, "docs.json"), "utf8"));

function containing(text) {
  const needle = text.toLowerCase();
  return new Set(docs.filter((d) => d.fields.some((f) => f.toLowerCase().includes(needle))).map((d) => d.id));
}

function drawQueries(count, seed) {
  const next = rng(seed), out = [];
  while (out.length < count) {
    const body = docs[Math.floor(next() * docs.length)].fields[3];
    const at = Math.floor(next() * (body.length - 6));
    const query = body.slice(at, at + 2 + Math.floor(next() * 5));
    if (/^\p{Script=Han}{2,6}$/u.test(query)) out.push(query);
  }
  return out;
}

test("30 corpus queries: 100% recall, at least 98% precision", async () => {
  const eng = engine(dir);
  let found = 0, relevant = 0, returned = 0, correct = 0;
  for (const query of drawQueries(30, 3)) {
    const expected = containing(query);
    const got = await refs(eng, (await eng.search(query)).results);
    relevant += expected.size;
    returned += got.length;
    found += got.filter((id) => expected.has(id)).length;
    correct += got.filter((id) => expected.has(id)).length;
    assert.equal(got.filter((id) => expected.has(id)).length, expected.size, `recall for ${query}`);
  }
  assert.equal(found, relevant);
  assert.ok(correct / returned >= 0.98, `precision ${correct}/${returned}`);
});

test("runs of 2–6 characters: every doc holding the run, at least 98% precision, snippets hold it", async () => {
  const log = [], eng = engine(dir, log), m = await eng.manifest, kinds = new Set();
  let relevant = 0, returned = 0;
  for (const query of drawQueries(1500, 17)) {
    log.length = 0;
    const expected = containing(query), results = (await eng.search(query)).results;
    const got = await refs(eng, results);
    log.forEach((f) => kinds.add(path.relative(path.join(dir, "search"), f).split(path.sep)[0]));
    assert.equal(got.filter((id) => expected.has(id)).length, expected.size, `recall for ${query}`);
    relevant += expected.size;
    returned += got.length;
    for (const r of results.slice(0, 3)) {
      const rec = await eng.record(m, r), body = docs.find((d) => d.id === rec.id).fields[3].toLowerCase();
      assert.equal(rec.body.toLowerCase(), body, `excerpt file of ${rec.id}`);
    }
  }
  assert.ok(relevant / returned >= 0.98, `precision ${relevant}/${returned}`);
  assert.ok(kinds.has("i") && kinds.has("k") && kinds.has("e") && kinds.has("s"), `files read: ${[...kinds]}`);
});

test("a query reads at most three waves of files: shards, then k/ and stats, then excerpts", async () => {
  const waves = [];
  let arrived = 0;
  const load = fileLoader(path.join(dir, "search"));
  const eng = new (runtime().Engine)((key) => {
    const wave = arrived + 1;
    waves.push(wave);
    return new Promise((ok) => setTimeout(() => { arrived = Math.max(arrived, wave); ok(load(key)); }, 5));
  });
  const m = await eng.manifest;
  for (const query of [...drawQueries(40, 23), "公安", "的"]) {
    waves.length = 0;
    arrived = 0;
    const out = await eng.find(query);
    await Promise.all(out.results.slice(0, 5).map((r) => eng.record(m, r)));
    assert.ok(Math.max(0, ...waves) <= 3, `${query}: ${Math.max(...waves)} waves`);
  }
});

test("full-width and supplementary-plane terms load into lunr.js and are found", async () => {
  const reference = JSON.parse(fs.readFileSync(path.join(dir, "reference.json"), "utf8"));
  const terms = reference.invertedIndex.map((p) => p[0]);
  assert.ok(terms.includes("𠮷") && terms.includes("ａｂｃ"), "odd terms indexed");
  // Code-point order (what Python's sorted() gives) is refused by lunr.js.
  const byCodePoint = Array.from(terms).sort((a, b) => {
    const x = Array.from(a, (c) => c.codePointAt(0)), y = Array.from(b, (c) => c.codePointAt(0));
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
    return x.length - y.length;
  });
  assert.ok(byCodePoint.join() !== terms.join(), "fixture mixes the two orders");
  assert.throws(() => lunr.TokenSet.fromArray(byCodePoint), /Out of order word insertion/);
  assert.doesNotThrow(() => lunr.Index.load(reference));
  const eng = engine(dir);
  for (const [query, id] of [["𠮷野家", "odd/1"], ["ＡＢＣ", "odd/1"], ["𩸽鱼", "odd/2"], ["ｆｕｌｌ", "odd/2"], ["𠮷𠮷", "odd/1"]]) {
    assert.ok((await refs(eng, (await eng.search(query)).results)).includes(id), `${query} finds ${id}`);
  }
});

test("ASCII punctuation in queries is never a term and never an operator", async () => {
  const eng = engine(dir);
  for (const [query, terms] of [["ＡＢＣ公司:食品安全", null], ["食品安全*检查+通过", null], ["c++", ["c"]], ["a:b", ["a", "b"]], [":*+", []]]) {
    const out = await eng.search(query);
    assert.ok(out.terms.every((t) => /^[\p{L}\p{M}\p{N}]+$/u.test(t)), `terms of ${query}: ${out.terms}`);
    if (terms) assert.deepEqual(out.terms, terms);
    // Punctuation separates runs: each run must occur, the runs need not be adjacent.
    if (!terms) assert.ok((await refs(eng, out.results)).includes("odd/1"), query);
  }
  assert.deepEqual((await eng.search(":*+")).results, [], "empty token list finds nothing");
  assert.deepEqual((await eng.search("")).results, []);
});

test("pinyin: full syllables and initials turn into Chinese searches", async () => {
  const eng = engine(dir);
  for (const [query, reading] of [["ezhou", "鄂州"], ["dianxinzhapian", "电信诈骗"], ["dxzp", "电信诈骗"], ["hubei", "湖北"], ["han yu", "韩宇"]]) {
    const out = await eng.find(query);
    assert.ok(out.readings.includes(reading), `${query}: ${out.readings}`);
    const ids = await refs(eng, out.results);
    assert.ok(ids.length && ids.every((id) => out.readings.some((r) => containing(r).has(id))), query);
  }
  assert.deepEqual((await eng.find("zzzzqq")).results, []);
});

test("snippet text holds the query when the body does, else is the body's start", async () => {
  const eng = engine(dir), m = await eng.manifest;
  const byId = new Map(docs.map((d) => [d.id, d.fields[3].toLowerCase()]));
  let placed = 0, starts = 0;
  for (const query of drawQueries(40, 4)) {
    const out = await eng.find(query);
    const needles = out.runs.map((run) => run.map((t) => t.t).join(""));
    for (const r of out.results.slice(0, 10)) {
      const rec = await eng.record(m, r);
      const text = (await eng.excerpt(m, r, rec, needles)).toLowerCase(), body = byId.get(rec.id);
      if (needles.some((n) => body.includes(n))) {
        placed++;
        assert.ok(needles.some((n) => text.includes(n)), `snippet of ${rec.id} for ${query}`);
      } else {
        starts++;
        assert.ok(body.startsWith(text.slice(0, 40)), `start of ${rec.id} for ${query}`);
      }
    }
  }
  assert.ok(placed > 100, `only ${placed} snippets placed`);
});
