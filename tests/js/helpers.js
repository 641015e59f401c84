// Shared helpers for the search runtime tests: build a fixture index with the
// Python builder (once per process), load shards from disk, load the runtime.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const crypto = require("node:crypto");
const { execFileSync } = require("node:child_process");

const ROOT = path.resolve(__dirname, "../..");
const COUNT = Number(process.env.DIBAO_SEARCH_DOCS || 300);

// Run a Python module that writes into a folder, once: test files run in
// parallel, so each builds into its own folder and the first rename wins.
// Folders are named after the builder's source too: a fixture another checkout
// built with another format is never reused.
function sourceTag() {
  const dir = path.join(ROOT, "dibao/search"), hash = crypto.createHash("sha256");
  for (const name of fs.readdirSync(dir).sort()) {
    if (/\.(py|js)$/.test(name)) hash.update(name + "\0").update(fs.readFileSync(path.join(dir, name)));
  }
  return hash.digest("hex").slice(0, 12);
}

function pythonBuilt(name, module, args, marker) {
  const dir = path.join(os.tmpdir(), `${name}-${sourceTag()}`);
  if (!fs.existsSync(path.join(dir, marker))) {
    const tmp = `${dir}.tmp-${process.pid}`;
    execFileSync(process.env.PYTHON || "python3", ["-m", module, tmp, ...args], { cwd: ROOT, stdio: "inherit" });
    try { fs.renameSync(tmp, dir); } catch (err) { fs.rmSync(tmp, { recursive: true, force: true }); }
  }
  return dir;
}

function fixtureDir() {
  if (process.env.DIBAO_SEARCH_FIXTURE) return process.env.DIBAO_SEARCH_FIXTURE;
  return pythonBuilt(`dibao-search-fixture-${COUNT}`, "dibao.search.reference", [String(COUNT)], "docs.json");
}

// The payload of one shard file: window.__dibaoSearch("key", data);
function readShard(file) {
  const text = fs.readFileSync(file, "utf8");
  const [, data] = JSON.parse("[" + text.slice(text.indexOf("(") + 1, text.lastIndexOf(")")) + "]");
  return data;
}

function fileLoader(searchDir, log) {
  const memo = new Map();
  return (key) => {
    if (!memo.has(key)) {
      const file = path.join(searchDir, key + ".js");
      if (log) log.push(file);
      memo.set(key, Promise.resolve().then(() => readShard(file)));
    }
    return memo.get(key);
  };
}

function runtime() {
  require(path.join(ROOT, "dibao/search/search.js"));
  return globalThis.dibaoSearch;
}

function engine(dir, log) {
  return new (runtime().Engine)(fileLoader(path.join(dir, "search"), log));
}

// Result refs (doc ids) of an engine answer.
async function refs(eng, results) {
  const m = await eng.manifest;
  return Promise.all(results.map(async (r) => (await eng.record(m, r)).id));
}

// Deterministic PRNG for drawing queries.
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

module.exports = { ROOT, pythonBuilt, fixtureDir, readShard, fileLoader, runtime, engine, refs, rng };
