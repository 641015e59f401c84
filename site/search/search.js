(function (G) {
"use strict";
var WORD = /[\p{L}\p{M}\p{N}]/u;
var PINYIN = /^[a-z][a-z\s']*$/;
var HAS = Object.prototype.hasOwnProperty;
var got = {};
G.__dibaoSearch = function (key, data) { got[key] = data; };
var LAYOUT = {"shards": 16, "big": 4, "pinyin": 1};
var TERM = 1, IN_BIG = 4;
var LATIN = /^[\p{N}\p{Script=Latin}]$/u;
var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
function num(col, i) {
for (var v = 0, k = i * col.w; k < (i + 1) * col.w; k++) v = v * 64 + DIGITS.indexOf(col.s[k]);
return v + col.o;
}
function own(obj, key) { return obj && HAS.call(obj, key) ? obj[key] : undefined; }
function round3(x) {
var k = x * 1000, r = Math.round(k);
if (x >= 0 && k < 1e6 && Math.abs(Math.abs(k - r) - 0.5) > 1e-6) return r / 1000;
var y = x * 2000;
if (Number.isInteger(y) && y % 2 && y / 2000 === x) {
var f = Math.floor(x * 1000);
return (f % 2 ? f + 1 : f) / 1000;
}
return +x.toFixed(3);
}
function wordRuns(text) {
var out = [], cur = [];
for (var ch of text.toLowerCase()) {
if (WORD.test(ch)) cur.push(ch);
else if (cur.length) { out.push(cur); cur = []; }
}
if (cur.length) out.push(cur);
return out;
}
function scriptLoader(base) {
var memo = {};
return function (key) {
return memo[key] || (memo[key] = new Promise(function (ok, fail) {
var s = document.createElement("script");
s.src = base + key + ".js";
s.async = true;
s.onload = function () {
s.remove();
if (HAS.call(got, key)) { ok(got[key]); delete got[key]; } else fail(new Error("bad shard " + key));
};
s.onerror = function () { s.remove(); delete memo[key]; fail(new Error("cannot load " + s.src)); };
document.head.appendChild(s);
}));
};
}
var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", B64V = {};
for (var b64i = 0; b64i < 64; b64i++) B64V[B64.charCodeAt(b64i)] = b64i;
function unbase64(text) {
var n = text.length, pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
var out = new Uint8Array((n / 4) * 3 - pad), o = 0;
for (var i = 0; i < n; i += 4) {
var v = (B64V[text.charCodeAt(i)] << 18) | (B64V[text.charCodeAt(i + 1)] << 12) | ((B64V[text.charCodeAt(i + 2)] || 0) << 6) | (B64V[text.charCodeAt(i + 3)] || 0);
out[o++] = v >> 16;
if (o < out.length) out[o++] = (v >> 8) & 255;
if (o < out.length) out[o++] = v & 255;
}
return out;
}
var LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
var LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
var DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
var DEXT = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
var ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
function huffman(lengths) {
var count = new Uint16Array(16), offs = new Uint16Array(16), symbol = new Uint16Array(lengths.length);
for (var s = 0; s < lengths.length; s++) count[lengths[s]]++;
count[0] = 0;
for (var len = 1; len < 15; len++) offs[len + 1] = offs[len] + count[len];
for (s = 0; s < lengths.length; s++) if (lengths[s]) symbol[offs[lengths[s]]++] = s;
return { count: count, symbol: symbol };
}
var FIXED = (function () {
var l = [];
for (var s = 0; s < 288; s++) l.push(s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8);
return [huffman(l), huffman(new Array(30).fill(5))];
})();
function inflate(src) {
var out = new Uint8Array(src.length * 4 + 64), op = 0, pos = 0, bitbuf = 0, bitcnt = 0;
function bits(n) {
while (bitcnt < n) { bitbuf |= (src[pos++] | 0) << bitcnt; bitcnt += 8; }
var v = bitbuf & ((1 << n) - 1);
bitbuf >>>= n; bitcnt -= n;
return v;
}
function room(n) {
if (op + n <= out.length) return;
var bigger = new Uint8Array(Math.max(out.length * 2, op + n));
bigger.set(out); out = bigger;
}
function decode(h) {
for (var code = 0, first = 0, index = 0, len = 1; len < 16; len++) {
code |= bits(1);
var count = h.count[len];
if (code - count < first) return h.symbol[index + (code - first)];
index += count; first += count; first <<= 1; code <<= 1;
}
throw new Error("bad deflate code");
}
for (var last = 0; !last;) {
last = bits(1);
var type = bits(2), lit, dist;
if (type === 0) {
bitbuf = 0; bitcnt = 0;
var n = src[pos] | (src[pos + 1] << 8);
pos += 4; room(n);
out.set(src.subarray(pos, pos + n), op); op += n; pos += n;
continue;
}
if (type === 1) { lit = FIXED[0]; dist = FIXED[1]; }
else {
var nlen = bits(5) + 257, ndist = bits(5) + 1, ncode = bits(4) + 4, lengths = new Uint8Array(19);
for (var i = 0; i < ncode; i++) lengths[ORDER[i]] = bits(3);
var lencode = huffman(lengths), all = new Uint8Array(nlen + ndist);
for (i = 0; i < nlen + ndist;) {
var sym = decode(lencode);
if (sym < 16) { all[i++] = sym; continue; }
var rep = sym === 16 ? 3 + bits(2) : sym === 17 ? 3 + bits(3) : 11 + bits(7), val = sym === 16 ? all[i - 1] : 0;
while (rep--) all[i++] = val;
}
lit = huffman(all.subarray(0, nlen)); dist = huffman(all.subarray(nlen));
}
for (;;) {
var s = decode(lit);
if (s < 256) { room(1); out[op++] = s; continue; }
if (s === 256) break;
s -= 257;
var length = LBASE[s] + bits(LEXT[s]), d = decode(dist), back = DBASE[d] + bits(DEXT[d]);
room(length);
for (var k = 0; k < length; k++, op++) out[op] = out[op - back];
}
}
return out.subarray(0, op);
}
function varint(bytes, r) {
for (var v = 0, mul = 1; ; mul *= 128) {
var b = bytes[r.at++];
v += (b & 127) * mul;
if (b < 128) return v;
}
}
var CRC = (function () {
var t = new Int32Array(256);
for (var n = 0; n < 256; n++) { var c = n; for (var k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1; t[n] = c; }
return t;
})();
var UTF8 = new TextEncoder();
function crc32(text) {
var c = -1, bytes = UTF8.encode(text);
for (var i = 0; i < bytes.length; i++) c = CRC[(c ^ bytes[i]) & 255] ^ (c >>> 8);
return (c ^ -1) >>> 0;
}
function first2(key) { return Array.from(key).slice(0, 2).join(""); }
function shardOf(key, layout) { return "i/" + crc32(first2(key)) % layout.shards; }
function bigOf(key, layout) { return "k/" + crc32(key) % layout.big; }
function keyFile(bytes) {
var keys = new Map(), r = { at: 0 }, text = new TextDecoder();
while (r.at < bytes.length) {
var n = varint(bytes, r), key = text.decode(bytes.subarray(r.at, r.at + n));
r.at += n;
var flags = varint(bytes, r);
if (flags & IN_BIG) { keys.set(key, { flags: flags & ~IN_BIG, big: true }); continue; }
n = varint(bytes, r);
keys.set(key, { flags: flags, entry: bytes.subarray(r.at, r.at + n) });
r.at += n;
}
return keys;
}
function decodeFile(key, data) {
if (typeof data !== "string") return data;
var bytes = inflate(unbase64(data)), folder = key.split("/")[0];
if (folder === "i" || folder === "k") return keyFile(bytes);
return JSON.parse(new TextDecoder(folder === "e" ? "utf-16le" : "utf-8").decode(bytes));
}
function Engine(load) {
var files = {};
this.load = function (key) {
return files[key] || (files[key] = load(key).then(function (data) { return decodeFile(key, data); }));
};
this.keys = function (key) {
return this.load(key).catch(function () { return key.startsWith("py/") ? {} : new Map(); });
};
this.manifest = this.load("manifest");
this.layout = LAYOUT ? Promise.resolve(LAYOUT) : this.manifest;
}
Engine.prototype.segment = async function (query) {
var self = this, runs = wordRuns(query), shards = {}, layout = await this.layout;
var names = new Set();
runs.forEach(function (r) { for (var i = 0; i + 1 < r.length; i++) names.add(shardOf(r[i] + r[i + 1], layout)); });
await Promise.all([this.manifest].concat(Array.from(names, function (name) {
return self.keys(name).then(function (keys) { shards[name] = keys; });
})));
var terms = runs.map(function (r) {
var out = [], i = 0;
while (i < r.length) {
var len = Math.min(r.length - i, 24), hit = null;
for (; len > 1; len--) {
var word = r.slice(i, i + len).join(""), found = shards[shardOf(word, layout)].get(word);
if (found && found.flags & TERM) { hit = found; break; }
}
out.push({ t: r.slice(i, i + Math.max(len, 1)).join(""), off: i, at: hit });
i += Math.max(len, 1);
}
return out;
});
return { runs: terms, chars: runs, shards: shards, layout: layout };
};
Engine.prototype.entry = async function (key, found, layout) {
if (found && !found.big) return found;
if (!found && Array.from(key).length > 1) return undefined;
var got = (await this.keys(bigOf(key, layout))).get(key);
return got && { flags: found ? found.flags : got.flags, entry: got.entry };
};
function records(e, nf) {
var bytes = e.entry, r = { at: 0 }, out = { head: null, fields: [], masks: new Map() };
for (var f = 0; f < nf; f++) out.fields.push([]);
if (e.flags & TERM) out.head = [varint(bytes, r), varint(bytes, r)];
while (r.at < bytes.length) {
var part = varint(bytes, r), end = varint(bytes, r) + r.at, local = -1;
while (r.at < end) {
local += varint(bytes, r) + 1;
var bits = bytes[r.at++], doc = part * 1e6 + local;
for (f = 0; f < nf; f++) {
if (bits >> f & 1) out.fields[f].push([doc, varint(bytes, r)]);
if (bits >> (4 + f) & 1) out.masks.set(doc * 4 + f, bytes[r.at++]);
}
}
}
return out;
}
function aligned(m, run, grams, docs) {
var nf = m.fields.length, keep = new Set(), width = m.mask, full = (1 << width) - 1;
docs.forEach(function (d) {
for (var f = 0; f < nf; f++) {
var starts = full;
for (var i = 0; i < grams.length && starts; i++) {
if (!grams[i]) continue;
var mask = grams[i].masks.get(d * 4 + f) || 0;
starts &= ((mask >>> grams[i].at) | (mask << (width - grams[i].at))) & full;
}
if (starts) { keep.add(d); return; }
}
});
return keep;
}
Engine.prototype.search = async function (query) {
var self = this, seg = await this.segment(query), m = await this.manifest, nf = m.fields.length;
var runs = seg.runs, terms = [].concat.apply([], runs);
var out = { runs: runs, terms: terms.map(function (t) { return t.t; }), missing: [], results: [] };
if (!terms.length) return out;
var stats = this.partStats(m);
var posts = {}, grams = runs.map(function (run, r) {
var chars = seg.chars[r];
return Promise.all(chars.slice(1).map(function (ch, i) {
var pair = chars[i] + ch;
if (LATIN.test(chars[i]) && LATIN.test(ch)) return null;  // Latin runs are whole terms: no grams
return self.entry(pair, seg.shards[shardOf(pair, seg.layout)].get(pair), seg.layout).then(function (e) {
return e ? Object.assign(records(e, nf), { at: i }) : { masks: new Map(), at: i };
});
}));
});
terms.forEach(function (t) {
if (!posts[t.t]) posts[t.t] = self.entry(t.t, t.at, seg.layout).then(function (e) { return e && Object.assign(records(e, nf), { t: t.t }); });
});
var keys = Object.keys(posts);
var got = await Promise.all(keys.map(function (k) { return posts[k]; }));
grams = await Promise.all(grams);
var parts = await stats;
keys.forEach(function (k, i) { posts[k] = got[i]; });
out.missing = keys.filter(function (k) { return !posts[k]; });
if (out.missing.length) return out;
var distinct = keys.map(function (k) { return posts[k]; });
distinct.forEach(function (p) {
p.key = p.head;
p.byDoc = p.fields.map(function (list) { return new Map(list); });
});
var docs = andDocs(distinct);
runs.forEach(function (run, r) { if (seg.chars[r].length > 1) docs = aligned(m, seg.chars[r], grams[r], docs); });
out.results = rank(m, terms, posts, distinct, docs, parts);
return out;
};
function andDocs(distinct) {
var sets = distinct.map(function (p) {
var s = new Set();
p.fields.forEach(function (list) { list.forEach(function (h) { s.add(h[0]); }); });
return s;
}).sort(function (a, b) { return a.size - b.size; });
return new Set(Array.from(sets[0]).filter(function (d) {
return sets.every(function (s) { return s.has(d); });
}));
}
Engine.prototype.partStats = async function (m) {
var stats = {}, self = this;
await Promise.all(m.parts.map(function (p, i) {
return self.load("s/" + p[2]).then(function (s) { stats[i] = s[p[0]]; });
}));
return stats;
};
function rank(m, terms, posts, distinct, docs, parts) {
var nf = m.fields.length, k1 = m.k1, b = m.b;
var avg = m.sums.map(function (s) { return s / m.n; });
var qv = {};
terms.forEach(function (t) { qv[t.t] = (qv[t.t] || 0) + 1; });
var ordered = distinct.slice().sort(function (x, y) { return x.key[0] - y.key[0] || x.key[1] - y.key[1]; });
var mag = Math.sqrt(ordered.reduce(function (s, p) { return s + qv[p.t] * qv[p.t]; }, 0));
ordered.forEach(function (p) {
var df = p.fields.reduce(function (s, l) { return s + l.length; }, 0);
p.idf = Math.log(1 + Math.abs((m.n - df + 0.5) / (df + 0.5)));
});
var seen = new Map();
terms.forEach(function (t) {
for (var f = 0; f < nf; f++) posts[t.t].fields[f].forEach(function (h) {
if (!docs.has(h[0])) return;
var s = seen.get(h[0]);
if (!s) seen.set(h[0], (s = { doc: h[0], fields: [] }));
if (s.fields.indexOf(f) < 0) s.fields.push(f);
});
});
var results = Array.from(seen.values());
results.forEach(function (s) {
var part = Math.floor(s.doc / 1e6), local = s.doc % 1e6, stats = parts[part];
s.part = part; s.local = local; s.score = 0;
s.fields.forEach(function (f) {
var dot = 0, len = num(stats["l" + f], local);
ordered.forEach(function (p) {
var tf = p.byDoc[f].get(s.doc);
if (!tf) return;
var w = p.idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (len / avg[f])) + tf);
dot += qv[p.t] * round3(w * m.fields[f][1]);
});
s.score += dot / mag || 0;
});
});
return results.sort(function (x, y) { return y.score - x.score; });
}
Engine.prototype.pinyin = async function (query) {
var q = query.trim().toLowerCase();
if (!PINYIN.test(q)) return [];
var key = q.replace(/[\s']+/g, "");
if (key.length < 2) return [];
var layout = await this.layout;
return own(await this.keys("py/" + crc32(key.slice(0, 2)) % layout.pinyin), key) || [];
};
Engine.prototype.facets = function (parts, r) {
var s = parts[r.part], y = Array.isArray(s.y) ? s.y[r.local] : s.y;
return {
region: s.rc[num(s.r, r.local)].map(function (i) { return s.rt[i]; }),
theme: s.tc[num(s.t, r.local)].map(function (i) { return s.tt[i]; }),
year: y ? String(y) : ""
};
};
Engine.prototype.record = async function (m, r) {
var parts = await this.partStats(m), starts = parts[r.part].g, lo = 0, hi = starts.length - 1;
while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (starts[mid] <= r.local) lo = mid; else hi = mid - 1; }
var rows = await this.load("e/" + m.parts[r.part][0] + "/" + starts[lo]);
var row = rows[r.local - starts[lo]];
return { id: row[0], url: row[1], title: row[2], date: row[3], body: row[4], len: row[4].length };
};
Engine.prototype.excerpt = async function (m, r, rec) {
return rec.body;
};
Engine.prototype.find = async function (query) {
var self = this, direct = this.search(query), readings = await this.pinyin(query);
var subs = Promise.all(readings.map(function (q) { return self.search(q); }));
var out = await direct;
out.readings = [];
if (out.results.length || !readings.length) return out;
var merged = new Map(), runs = [];
(await subs).forEach(function (sub) {
runs = runs.concat(sub.runs);
sub.results.forEach(function (r) { if (!merged.has(r.doc)) merged.set(r.doc, r); });
});
return { runs: runs, terms: out.terms, missing: [], readings: readings, results: Array.from(merged.values()) };
};
G.dibaoSearch = { Engine: Engine, wordRuns: wordRuns, round3: round3, scriptLoader: scriptLoader };
if (!G.document) return;
var PAGE = 5, FACETS = [["region", "地区"], ["theme", "主题"], ["year", "年份"]];
var WIDE = "(min-width: 40rem)", ELLIPSIS = /[…⋯.。]+$/;
function el(tag, cls, text) {
var e = document.createElement(tag);
if (cls) e.className = cls;
if (text != null) e.textContent = text;
return e;
}
function highlight(parent, text, needles) {
var low = text.toLowerCase(), at = 0;
while (at < text.length) {
var best = -1, len = 0;
needles.forEach(function (n) {
var i = n ? low.indexOf(n, at) : -1;
if (i >= 0 && (best < 0 || i < best || (i === best && n.length > len))) { best = i; len = n.length; }
});
if (best < 0) break;
parent.appendChild(document.createTextNode(text.slice(at, best)));
parent.appendChild(el("mark", "", text.slice(best, best + len)));
at = best + len;
}
parent.appendChild(document.createTextNode(text.slice(at)));
}
function flatten(text) {
return text.replace(/\s+/g, function (space, at, all) {
var before = all.charAt(at - 1), after = all.charAt(at + space.length);
return /[\x21-\x7e]/.test(before) && /[\x21-\x7e]/.test(after) ? " " : "";
}).trim();
}
function snippet(body, needles) {
var text = flatten(body), low = text.toLowerCase(), at = -1;
needles.forEach(function (n) { var i = low.indexOf(n); if (i >= 0 && (at < 0 || i < at)) at = i; });
var from = at < 0 ? 0 : Math.max(0, at - 30), to = Math.min(text.length, from + 120);
var head = from > 0 ? "…" : "", tail = to < text.length ? "…" : "";
var cut = text.slice(from, to);
if (head) cut = cut.replace(/^[…⋯]+/, "");
if (tail) cut = cut.replace(/[…⋯]+$/, "");
if (tail && ELLIPSIS.test(cut) && /[…⋯]/.test(cut.slice(-1))) tail = "";
return head + cut + tail;
}
function UI(form, box) {
this.input = form.querySelector('input[name="q"]');
this.root = form.getAttribute("data-search-root") || "";
this.engine = new Engine(scriptLoader(this.root + "search/"));
this.box = box;
this.status = box.appendChild(el("p", "search-status"));
this.status.setAttribute("role", "status");
this.facetBox = box.appendChild(el("details", "search-facets"));
this.facetBox.hidden = true;
this.facetBox.open = !!(G.matchMedia && G.matchMedia(WIDE).matches);
this.facetSummary = this.facetBox.appendChild(el("summary", "search-facets-summary", "筛选"));
this.facetBody = this.facetBox.appendChild(el("div", "search-facets-body"));
this.list = box.appendChild(el("ol", "search-list"));
this.list.id = "search-list";
this.more = box.appendChild(el("button", "search-more button", "更多结果"));
this.more.type = "button";
this.more.hidden = true;
this.filters = {};
this.seq = 0;
this.input.setAttribute("aria-controls", "search-list");
this.input.setAttribute("autocomplete", "off");
this.bind(form);
}
UI.prototype.bind = function (form) {
var ui = this, timer = 0, params = new URLSearchParams(location.search);
form.addEventListener("submit", function (e) { e.preventDefault(); ui.run(); });
ui.input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { ui.run(); }, 150); });
ui.input.addEventListener("keydown", function (e) { ui.key(e); });
ui.list.addEventListener("keydown", function (e) { ui.key(e); });
ui.more.addEventListener("click", function () { ui.show(ui.shown + PAGE); });
G.addEventListener("scroll", function () {
if (ui.more.hidden || ui.loading) return;
if (ui.more.getBoundingClientRect().top < G.innerHeight + 200) ui.show(ui.shown + PAGE);
}, { passive: true });
ui.pending = {};
FACETS.forEach(function (pair) { if (params.get(pair[0])) ui.pending[pair[0]] = params.get(pair[0]); });
var q = params.get("q");
if (q) { ui.input.value = q; ui.run(); }
};
UI.prototype.key = function (e) {
var links = Array.from(this.list.querySelectorAll("a.search-hit"));
var i = links.indexOf(document.activeElement);
if (e.key === "ArrowDown" && links.length) { e.preventDefault(); links[Math.min(i + 1, links.length - 1)].focus(); }
else if (e.key === "ArrowUp" && i >= 0) { e.preventDefault(); (i ? links[i - 1] : this.input).focus(); }
else if (e.key === "Escape") { this.input.focus(); }
};
UI.prototype.keep = function () {
var p = new URLSearchParams(), q = this.input.value, f = this.pending || this.filters;
if (q) p.set("q", q);
FACETS.forEach(function (pair) { if (q && f[pair[0]]) p.set(pair[0], f[pair[0]]); });
var search = p.toString();
try { history.replaceState(null, "", search ? "?" + search : location.pathname); } catch (err) { /* file:// may refuse */ }
};
UI.prototype.run = async function () {
var q = this.input.value, seq = ++this.seq;
if (this.pending && this.pending.q !== undefined && this.pending.q !== q) this.pending = null;
if (this.pending) this.pending.q = q;
this.keep();
if (!q.trim()) return this.render(null, seq, q);
try { await this.render(await this.engine.find(q), seq, q); }
catch (err) { if (seq === this.seq) this.status.textContent = "搜索索引加载失败"; }
};
UI.prototype.render = async function (out, seq, q) {
if (seq !== this.seq) return;
this.out = out;
if (!out) {
this.box.setAttribute("data-query", q);
this.status.textContent = ""; this.list.textContent = ""; this.facetBox.hidden = true; this.more.hidden = true;
return;
}
var m = await this.engine.manifest;
this.parts = await this.engine.partStats(m, new Set(out.results.map(function (r) { return r.doc; })));
if (seq !== this.seq) return;
var ui = this;
out.results.forEach(function (r) { r.facets = ui.engine.facets(ui.parts, r); });
this.needles = out.runs.map(function (run) { return run.map(function (t) { return t.t; }).join(""); });
var wanted = this.pending || {};
this.pending = null;
this.filters = {};
FACETS.forEach(function (pair) {
var name = pair[0], v = wanted[name];
if (v && out.results.some(function (r) { return [].concat(r.facets[name]).indexOf(v) >= 0; })) ui.filters[name] = v;
});
this.keep();
await this.refresh(seq);
if (seq === this.seq) this.box.setAttribute("data-query", q);
};
UI.prototype.filtered = function () {
var f = this.filters;
return this.out.results.filter(function (r) {
return Object.keys(f).every(function (k) { var v = r.facets[k]; return Array.isArray(v) ? v.indexOf(f[k]) >= 0 : v === f[k]; });
});
};
UI.prototype.refresh = async function (seq) {
this.hits = this.filtered();
this.renderFacets();
var out = this.out, n = this.hits.length;
this.status.textContent = n ? "找到 " + n + " 篇文章" : "没有找到与“" + this.input.value.trim() + "”相关的文章";
if (!n) this.suggest();
if (out.readings.length) this.status.textContent += "(拼音:" + out.readings.join("、") + ")";
this.shown = 0;
this.last = null;
await this.show(PAGE, seq === undefined ? this.seq : seq, true);
};
UI.prototype.suggest = function () {
var out = this.out, ui = this, words = out.readings.length ? out.readings : out.terms.filter(function (t) { return out.missing.indexOf(t) < 0 && t.length > 1; });
if (!words.length) { this.status.appendChild(el("span", "search-hint", "。请换个说法,或减少字数")); return; }
this.status.appendChild(el("span", "search-hint", "。试试:"));
words.slice(0, 5).forEach(function (w) {
var b = ui.status.appendChild(el("button", "search-suggest", w));
b.type = "button";
b.addEventListener("click", function () { ui.input.value = w; ui.run(); });
});
};
UI.prototype.renderFacets = function () {
var ui = this, all = this.out.results, pressed = [];
this.facetBody.textContent = "";
this.facetBox.hidden = !all.length;
if (!all.length) return;
FACETS.forEach(function (pair) {
var name = pair[0], counts = new Map();
ui.hits.forEach(function (r) { [].concat(r.facets[name]).forEach(function (v) { if (v) counts.set(v, (counts.get(v) || 0) + 1); }); });
if (!counts.size) return;
var group = ui.facetBody.appendChild(el("div", "search-facet"));
group.setAttribute("data-facet", name);
group.setAttribute("role", "group");
group.setAttribute("aria-label", pair[1]);
group.appendChild(el("span", "search-facet-name", pair[1]));
Array.from(counts).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); }).forEach(function (kv) {
var on = ui.filters[name] === kv[0], b = group.appendChild(el("button", "search-facet-value", kv[0] + " "));
b.appendChild(el("span", "search-facet-count", String(kv[1])));
b.type = "button";
b.setAttribute("aria-pressed", String(on));
if (on) pressed.push(kv[0]);
b.addEventListener("click", function () {
if (ui.filters[name] === kv[0]) delete ui.filters[name]; else ui.filters[name] = kv[0];
ui.keep();
ui.refresh();
});
});
});
this.facetSummary.textContent = pressed.length ? "筛选:" + pressed.join(" · ") : "筛选";
};
UI.prototype.show = async function (upto, seq, fresh) {
var ui = this, m = await this.engine.manifest, batch = this.hits.slice(this.shown, upto);
seq = seq === undefined ? this.seq : seq;
this.loading = true;
var filled = await Promise.all(batch.map(async function (r) {
var d = await ui.engine.record(m, r);
return { r: r, d: d };
}));
this.loading = false;
if (seq !== this.seq) return;
this.loading = true;
var items = [], used = 0;
for (var i = 0; i < filled.length && items.length < upto - this.shown; i++, used++) {
var x = filled[i], last = items.length ? items[items.length - 1] : this.last;
if (last && last.d.title === x.d.title && last.d.len === x.d.len) { (last.also = last.also || []).push(x.d); continue; }
items.push(x);
}
await Promise.all(items.map(async function (x) { x.body = await ui.engine.excerpt(m, x.r, x.d, ui.needles); }));
if (seq !== this.seq) return;
if (fresh) this.list.textContent = "";
var frag = document.createDocumentFragment();
items.forEach(function (x) { frag.appendChild(ui.item(x)); });
this.list.appendChild(frag);
this.last = items.length ? items[items.length - 1] : this.last;
this.shown = Math.min(this.shown + used, this.hits.length);
this.more.hidden = this.shown >= this.hits.length;
this.loading = false;
};
UI.prototype.link = function (url) {
return this.root + url + "?q=" + encodeURIComponent(this.input.value.trim());
};
UI.prototype.item = function (x) {
var li = el("li", "search-item"), r = x.r, d = x.d, ui = this;
var a = li.appendChild(el("a", "search-hit"));
a.href = this.link(d.url);
highlight(a, d.title, this.needles);
var meta = [d.date].concat(r.facets.region.join("、"), r.facets.theme.slice(0, 1)).filter(Boolean).join(" · ");
li.appendChild(el("p", "search-meta", meta));
highlight(li.appendChild(el("p", "search-snippet")), snippet(x.body || d.summary, this.needles), this.needles);
if (x.also) {
var also = li.appendChild(el("p", "search-also", "另见:"));
x.also.forEach(function (o, k) {
if (k) also.appendChild(document.createTextNode("、"));
also.appendChild(el("a", "", o.date || o.id)).href = ui.link(o.url);
});
}
return li;
};
function mount() {
var box = document.getElementById("search-results");
if (!box) return;
var form = document.querySelector("form.search[data-search-root]");
if (form && form.querySelector('input[name="q"]')) G.dibaoSearch.ui = new UI(form, box);
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount); else mount();
})(typeof window !== "undefined" ? window : globalThis);
