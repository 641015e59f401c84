// dibao search runtime. Loads index shards as scripts (works from file:// and
// under a sub-path), segments the query by forward maximum matching against the
// shipped vocabulary, ranks exactly as lunr.js 2.3.9 would on one index over the
// whole archive, and keeps only articles where the terms are adjacent as typed.
// Layout of the files it reads: dibao/search/README.md.
(function (G) {
  "use strict";
  var WORD = /[\p{L}\p{M}\p{N}]/u;
  var PINYIN = /^[a-z][a-z\s']*$/;
  var HAS = Object.prototype.hasOwnProperty;
  var got = {};
  G.__dibaoSearch = function (key, data) { got[key] = data; };

  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

  // Value i of a packed column {o: offset, w: digits per value, s: base-64 digits}.
  function num(col, i) {
    for (var v = 0, k = i * col.w; k < (i + 1) * col.w; k++) v = v * 64 + DIGITS.indexOf(col.s[k]);
    return v + col.o;
  }

  function own(obj, key) { return obj && HAS.call(obj, key) ? obj[key] : undefined; }

  // Python's round(x, 3), which lunr.py uses: nearest, ties to even.  Scores are
  // small and positive, so x * 1000 is within 1e-9 of the exact product: away from
  // a half, Math.round picks the same integer as toFixed (r / 1000 is correctly
  // rounded), without making a string per call.
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

  // Runs of word characters (letters, marks, numbers), as arrays of code points.
  function wordRuns(text) {
    var out = [], cur = [];
    for (var ch of text.toLowerCase()) {
      if (WORD.test(ch)) cur.push(ch);
      else if (cur.length) { out.push(cur); cur = []; }
    }
    if (cur.length) out.push(cur);
    return out;
  }

  // Index of the vocabulary file holding terms that start with ch.
  function bucketOf(starts, ch) {
    var lo = 0, hi = starts.length - 1, found = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (starts[mid] <= ch) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
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

  function Engine(load) {
    this.load = load;
    this.manifest = load("manifest");
    this.vocabs = {};
  }

  // Vocabulary bucket b: term set, first keys of its postings and gram files, gram counts.
  // Files are named by the bucket's first character (base-36 code point), which stays put as buckets are added.
  Engine.prototype.vocab = function (m, b) {
    var vs = this.vocabs, name = m.buckets[b].codePointAt(0).toString(36);
    return vs[b] || (vs[b] = this.load("v/" + name).then(function (v) {
      v.words = new Set(v.w.split("\n")); v.b = name;
      return v;
    }));
  };

  // 1 + number of the file that would hold key (0: the key sorts before all
  // of them, so no file of that kind holds it): files are packed in key
  // (UTF-16) order and firsts lists the first key of each.
  function fileOf(firsts, key) {
    var k = 0;
    while (k < firsts.length && firsts[k] <= key) k++;
    return k;
  }

  // A key's entry of one kind (t, g, h, r or l) of bucket v over both layers:
  // the archive's files (t/…) and the newest month's (nt/…), which the build
  // keeps apart so that adding an issue rewrites only the small ones. Pieces
  // ([part, …]) are merged in part order; a term's head is its earliest
  // part's, counts add up. Undefined when neither layer holds the key.
  Engine.prototype.entry = function (v, kind, key) {
    var self = this;
    return Promise.all([kind, "n" + kind].map(function (k) {
      var at = fileOf(v[k], key);
      return at ? self.load(k + "/" + v.b + "-" + (at - 1)).then(function (shard) { return own(shard, key); }) : null;
    })).then(function (got) {
      var a = got[0], b = got[1], head = kind === "t" ? 2 : 1;
      if (!a || !b) return a || b;
      var top = kind === "t" ? (a[0] <= b[0] ? a : b).slice(0, 2) : [a[0] + b[0]];
      return top.concat(a.slice(head).concat(b.slice(head)).sort(function (x, y) { return x[0] - y[0]; }));
    });
  };

  // Split each word run into vocabulary terms, longest match first.
  Engine.prototype.segment = async function (query) {
    var m = await this.manifest, self = this, runs = wordRuns(query), vocab = {};
    var need = new Set();
    runs.forEach(function (r) { r.forEach(function (ch) { need.add(bucketOf(m.buckets, ch)); }); });
    await Promise.all(Array.from(need, function (b) {
      return self.vocab(m, b).then(function (v) { vocab[b] = v; });
    }));
    var terms = runs.map(function (r) {
      var out = [], i = 0;
      while (i < r.length) {
        var voc = vocab[bucketOf(m.buckets, r[i])], len = Math.min(r.length - i, 24);
        for (; len > 1 && !voc.words.has(r.slice(i, i + len).join("")); len--);
        var t = r.slice(i, i + len).join("");
        out.push({ t: t, off: i, v: voc.words.has(t) ? voc : null });
        i += len;
      }
      return out;
    });
    return { runs: terms, chars: runs, vocab: vocab };
  };

  // Postings of one term over all parts: per field, arrays of [docKey, tf].
  // Entry: [first part, lunr index there, [part, per field: [doc delta, tf, …]
  // or a column of one base-64 tf digit per doc of the part]…].
  Engine.prototype.postings = async function (term) {
    var entry = await this.entry(term.v, "t", term.t), fields = [];
    for (var i = 2; i < entry.length; i++) {
      var seg = entry[i], part = seg[0];
      for (var f = 0; f + 1 < seg.length; f++) {
        var flat = seg[f + 1], local = 0;
        fields[f] = fields[f] || [];
        if (typeof flat === "string") {
          for (var d = 0; d < flat.length; d++) if (flat[d] !== "0") fields[f].push([part * 1e6 + d, DIGITS.indexOf(flat[d])]);
          continue;
        }
        for (var j = 0; j < flat.length; j += 2) {
          local += flat[j];
          fields[f].push([part * 1e6 + local, flat[j + 1]]);
        }
      }
    }
    return { t: term.t, key: [entry[0], entry[1]], fields: fields };
  };

  // Pairs of adjacent characters to fetch so that their windows (the pair and
  // one neighbour each side) cover the run, cheapest total first: the browser
  // never needs the long lists of common pairs unless nothing else covers.
  function anchors(m, run, vocab) {
    var n = run.length, best = [0], from = [];
    for (var c = 0; c < n; c++) {
      if (best[c] === undefined) continue;
      for (var i = Math.max(0, c - 2); i <= Math.min(c + 1, n - 2); i++) {
        var end = Math.min(n, i + 3), g = run[i] + run[i + 1];
        var cost = best[c] + (own(vocab[bucketOf(m.buckets, run[i])].c, g) || m.counted);
        if (end > c && (best[end] === undefined || cost < best[end])) { best[end] = cost; from[end] = [c, i]; }
      }
    }
    var picked = [];
    for (var at = n; at > 0; at = from[at][0]) picked.push(from[at][1]);
    return { picked: picked, cost: best[n] };
  }

  // The heavy gram entry that alone covers a run of two to four characters,
  // when cheaper than the positional cover (in positional occurrences,
  // ~2.5–3.5 bytes each): {i: the gram's place, side: "" (its docs, h/), "r"
  // or "l" (its docs by the run's right or left neighbour)}. Docs weigh ~0.2
  // of positions; a split's size is unknown until fetched, but at most its
  // gram's and the neighbour pair's count, and it weighs ~0.35 of that. A
  // four-character run's snippet is seldom at the split's first occurrence:
  // it is placed by the run's rarest other gram (placed()), or needs a scan of
  // the shown articles' text (~8 KB, priced as HEAVY_SCAN occurrences).
  // Measured with bench/search_bench.py.
  // A stretch of a longer run (see stretches()) pays at least m.splitFile
  // for a split, which shares its file with other keys (shards.SPLIT_FILE),
  // and nothing for the snippet (the run places it).
  var HEAVY_SCAN = 2500;
  function heavyAnchor(m, run, vocab, cost, stretch) {
    var n = run.length, best = null, file = stretch ? m.splitFile : 0;
    var count = function (i) { return own(vocab[bucketOf(m.buckets, run[i])].c, run[i] + run[i + 1]) || 0; };
    var offer = function (i, side, price, sub) { if (price < cost) { cost = price; best = { i: i, side: side, cost: price, sub: sub }; } };
    if (n === 2 && count(0) > m.heavy) offer(0, "", 0.2 * count(0));
    for (var i = Math.max(0, n - 3); n > 2 && n < 5 && i <= Math.min(1, n - 2); i++) {
      var c = count(i), scan = n > 3 && !stretch ? rarest(m, run, vocab, i).count : 0;
      if (c <= m.heavy) continue;
      // a split exists only when its neighbour pair is common (m.split): else that pair's positions are cheap;
      // a common one (gram and pair above m.sub) lists docs alone, and its runs of four have their own
      // entries (under the right split when both are common): the run's docs, which place its snippet
      var right = i + 2 < n && count(i + 1) > m.split, left = i > 0 && count(i - 1) > m.split;
      var rs = right && Math.min(c, count(i + 1)) > m.sub, ls = left && Math.min(c, count(i - 1)) > m.sub;
      if (n === 4 && (rs || ls)) offer(i, rs ? "r" : "l", Math.max(file, 0.2 * Math.min(c, count(0), count(2))), true);
      if (right && !(n === 4 && rs)) offer(i, "r", Math.max(file, (rs ? 0.2 : 0.35) * Math.min(c, count(i + 1))) + scan);
      if (left && !(n === 4 && ls)) offer(i, "l", Math.max(file, (ls ? 0.2 : 0.35) * Math.min(c, count(i - 1))) + scan);
    }
    return best;
  }

  // The run's rarest gram but the one at h when it has fewer than HEAVY_SCAN
  // occurrences ({i: -1, count: HEAVY_SCAN} when none has).
  function rarest(m, run, vocab, h) {
    var best = { i: -1, count: HEAVY_SCAN };
    for (var i = 0; i + 1 < run.length; i++) {
      var count = own(vocab[bucketOf(m.buckets, run[i])].c, run[i] + run[i + 1]) || m.counted;
      if (i !== h && count < best.count) best = { i: i, count: count };
    }
    return best;
  }

  // Docs where some field contains the run as typed: Map docKey -> first
  // position in the body (-1 when only another field holds it); a Map with a
  // .coarse property gives positions that may be up to that many characters
  // early. stretch: the run is a stretch of a longer one (no snippet to place).
  Engine.prototype.verify = async function (m, run, vocab, stretch) {
    var self = this, starts = null;
    var cover = anchors(m, run, vocab), picked = cover.picked, h = heavyAnchor(m, run, vocab, cover.cost, stretch);
    if (h) return this.placed(m, run, vocab, this.present(m, run, h, vocab[bucketOf(m.buckets, run[h.i])]), stretch || h.sub ? undefined : h.i);
    var subs = run.length > 4 && cover.cost > m.heavy && stretches(m, run, vocab, cover.cost);
    if (subs) return this.placed(m, run, vocab, this.joined(m, vocab, subs), -1);
    var entries = await Promise.all(picked.map(function (i) { return self.gram(m, vocab, run, i); }));
    for (var a = 0; a < picked.length; a++) {
      if (!entries[a]) return new Map();
      starts = windowStarts(entries[a], run, picked[a], starts);
    }
    return firstStarts(m, starts, new Map());
  };

  // A run of five or more characters whose positional cover is heavy (more
  // than m.heavy occurrences: the windows at its ends are common phrases) as
  // stretches of four characters, each overlapping the next by a gram or
  // more ([{at, run}]), when their covers (heavy entries or positions) and
  // placing the snippet are estimated cheaper. Each stretch is found exactly;
  // a doc holding every stretch but never the whole run is a false hit, rare
  // as consecutive stretches share two or three characters
  // (bench/search_bench.py measures precision).
  function stretches(m, run, vocab, cost) {
    var n = run.length, subs = [], total = rarest(m, run, vocab, -1).count;
    for (var at = 0; ; at = Math.min(at + 2, n - 4)) {
      var sub = run.slice(at, at + 4), alone = anchors(m, sub, vocab).cost, h = heavyAnchor(m, sub, vocab, alone, true);
      subs.push({ at: at, run: sub });
      total += h ? h.cost : alone;
      if (at + 4 >= n) break;
    }
    return total < cost ? subs : null;
  }

  // verify() of a run from its stretches: the docs holding all of them; a
  // body position is where the run would start by the latest stretch, no
  // earlier than its first occurrence (docs.near: excerpt() checks it).
  Engine.prototype.joined = async function (m, vocab, subs) {
    var self = this, docs = new Map();
    var found = await Promise.all(subs.map(function (s) { return self.verify(m, s.run, vocab, true); }));
    docs.near = new Set();
    found[0].forEach(function (at, doc) {
      for (var k = 1; k < found.length && at !== undefined; k++) {
        var other = found[k].get(doc);
        at = other === undefined ? undefined : at < 0 || other < 0 ? -1 : Math.max(at, other - subs[k].at);
      }
      if (at === undefined) return;
      docs.set(doc, at);
      if (at >= 0) docs.near.add(doc);
    });
    return docs;
  };

  // The positional entry of the gram at run[i].
  Engine.prototype.gram = function (m, vocab, run, i) {
    return this.entry(vocab[bucketOf(m.buckets, run[i])], "g", run[i] + run[i + 1]);
  };

  // Start positions (Map (docKey * 8 + field) -> Set) where the window of the
  // gram at run[i] matches, among the given starts when there are some.
  function windowStarts(entry, run, i, starts) {
    var n = run.length, next = new Map();
    for (var e = 1; e < entry.length; e++) {
      var seg = entry[e], part = seg[0];
      for (var s = 1; s < seg.length; s += 3) {
        var f = seg[s], flat = seg[s + 1], ctx = Array.from(seg[s + 2]), local = 0, o = 0;
        for (var j = 0; j < flat.length; j += 2 + flat[j + 1]) {
          local += flat[j];
          var key = (part * 1e6 + local) * 8 + f, had = starts && starts.get(key), pos = 0;
          for (var k = 0; k < flat[j + 1]; k++, o += 2) {
            pos += flat[j + 2 + k];
            if ((i < 1 || ctx[o] === run[i - 1]) && (i + 2 >= n || ctx[o + 1] === run[i + 2]) && (!starts || (had && had.has(pos - i)))) {
              if (!next.has(key)) next.set(key, new Set());
              next.get(key).add(pos - i);
            }
          }
        }
      }
    }
    return next;
  }

  // Per doc the first start in the body (-1: another field only), into docs.
  function firstStarts(m, starts, docs) {
    var body = m.fields.length - 1;
    starts.forEach(function (set, key) {
      var doc = Math.floor(key / 8), f = key % 8, at = f === body ? Math.min.apply(null, Array.from(set)) : -1;
      if (!docs.has(doc) || (at >= 0 && (docs.get(doc) < 0 || at < docs.get(doc)))) docs.set(doc, at);
    });
    return docs;
  }

  // Docs (a promise, from present() or joined()) with snippet positions from
  // the window of the run's rarest gram but the one at h, when it is cheap
  // (HEAVY_SCAN; h = -1: any gram of a run of five or more), since a split's
  // first occurrence is seldom the run's and the snippet would need a scan.
  // Those positions may belong to a partial match (docs.near: checked by
  // excerpt()). No positions for runs of three (the split's are the run's),
  // nor for a stretch (h undefined).
  Engine.prototype.placed = async function (m, run, vocab, found, h) {
    var best = run.length > 3 && h !== undefined ? rarest(m, run, vocab, h).i : -1;
    var got = await Promise.all([found, best >= 0 ? this.gram(m, vocab, run, best) : null]);
    var docs = got[0];
    if (!got[1]) return docs;
    var near = firstStarts(m, windowStarts(got[1], run, best, null), new Map());
    docs.near = docs.near || new Set();
    near.forEach(function (at, doc) {
      if (at >= 0 && docs.has(doc) && docs.get(doc) >= 0) { docs.set(doc, at); docs.near.add(doc); }
    });
    return docs;
  };

  // verify() for a run one heavy gram's window covers, from a position-free
  // entry, [0, [part, field, [doc delta, (other neighbours,) (first position
  // / coarse in the body,)…], "other neighbours", …]…]: the gram's docs (h/,
  // key: the gram, no neighbours) or its docs by the run's right (r/) or left
  // (l/) neighbour (key: gram + that neighbour; neighbours: the other side's).
  // A common split lists docs alone; a run of four it holds (h.sub) has an
  // entry of its own, docs alone too (key: + the other neighbour).
  // Body positions are the key's first, up to m.coarse characters early (docs.coarse).
  Engine.prototype.present = async function (m, run, h, v) {
    var n = run.length, i = h.i, body = m.fields.length - 1, docs = new Map();
    var side = h.side, key = run[i] + run[i + 1] + (side === "r" ? run[i + 2] : side === "l" ? run[i - 1] : "");
    if (h.sub) key += side === "r" ? run[i - 1] : run[i + 2];
    var need = n < 4 || h.sub ? null : side === "r" ? run[0] : run[3];
    var entry = await this.entry(v, side || "h", key);
    docs.coarse = m.coarse;
    for (var e = 1; entry && e < entry.length; e++) {
      var seg = entry[e], part = seg[0];
      for (var s = 1; s < seg.length; s += 3) {
        var f = seg[s], flat = seg[s + 1], others = Array.from(seg[s + 2]), local = 0, o = 0, j = 0;
        while (j < flat.length) {
          local += flat[j++];
          var count = side && !h.sub ? flat[j++] : 0, hit = !need, doc = part * 1e6 + local;
          for (var k = 0; k < count; k++) hit = hit || others[o + k] === need;
          o += count;
          var at = f === body ? flat[j++] * m.coarse : docs.has(doc) ? docs.get(doc) : -1;
          if (hit) docs.set(doc, at);
        }
      }
    }
    return docs;
  };

  // The ranked result list of a query: [{doc, part, local, score, at}].
  Engine.prototype.search = async function (query) {
    var m = await this.manifest, self = this, seg = await this.segment(query);
    var runs = seg.runs, terms = [].concat.apply([], runs);
    var missing = terms.filter(function (t) { return !t.v; });
    var out = { runs: runs, terms: terms.map(function (t) { return t.t; }), missing: missing.map(function (t) { return t.t; }), results: [] };
    if (!terms.length || missing.length) return out;
    var posts = {};
    terms.forEach(function (t) { if (!posts[t.t]) posts[t.t] = self.postings(t); });
    var checks = runs.map(function (run, r) { return run.length < 2 ? null : self.verify(m, seg.chars[r], seg.vocab); });
    await Promise.all(Object.keys(posts).map(async function (t) { posts[t] = await posts[t]; }));
    checks = await Promise.all(checks);
    var distinct = Object.keys(posts).map(function (t) { return posts[t]; });
    distinct.forEach(function (p) {
      p.byDoc = p.fields.map(function (list) { return new Map(list); });
    });
    var docs = andDocs(distinct), at = new Map(), slack = new Map();
    checks.forEach(function (found) {
      if (!found) return;
      docs = new Set(Array.from(docs).filter(function (d) { return found.has(d); }));
      docs.forEach(function (d) {
        if (!at.has(d) && found.get(d) >= 0) { at.set(d, found.get(d)); slack.set(d, found.near && found.near.has(d) ? 1 : found.coarse || 0); }
      });
    });
    var parts = await this.partStats(m, docs), body = m.fields.length - 1;
    // whether some run may be in the body: else the snippet is the body's start, found without a scan
    var inBody = function (d) {
      return runs.some(function (run, r) {
        return !(checks[r] && checks[r].get(d) === -1) && run.every(function (t) { return posts[t.t].byDoc[body].has(d); });
      });
    };
    out.results = rank(m, terms, posts, distinct, docs, parts);
    out.results.forEach(function (res) {
      res.at = at.has(res.doc) ? at.get(res.doc) : inBody(res.doc) ? undefined : -1;
      res.slack = slack.get(res.doc) || 0;
    });
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

  Engine.prototype.partStats = async function (m, docs) {
    var want = new Set(), stats = {}, load = this.load;
    docs.forEach(function (d) { want.add(Math.floor(d / 1e6)); });
    await Promise.all(Array.from(want, function (p) {
      // one stats file per group of parts (a year of months): [key, docs, group]
      return load("s/" + m.parts[p][2]).then(function (s) { stats[p] = s[m.parts[p][0]]; });
    }));
    return stats;
  };

  // lunr.js 2.3.9 Index#query with every term REQUIRED, scored from raw counts
  // with archive-wide statistics, summed in the order lunr sums.
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
    // Array#sort is stable: ties keep lunr's first-match order.
    return results.sort(function (x, y) { return y.score - x.score; });
  }

  // A Latin-letter query may be pinyin: its Chinese readings, most frequent first.
  Engine.prototype.pinyin = async function (query) {
    var m = await this.manifest, q = query.trim().toLowerCase();
    if (!PINYIN.test(q)) return [];
    var key = q.replace(/[\s']+/g, "");
    if (m.pinyin.indexOf(key.slice(0, 2)) < 0) return [];
    return own(await this.load("py/" + key.slice(0, 2)), key) || [];
  };

  // Facet values of a result, from its part's stats.
  Engine.prototype.facets = function (parts, r) {
    var s = parts[r.part], y = Array.isArray(s.y) ? s.y[r.local] : s.y;
    return {
      region: s.rc[num(s.r, r.local)].map(function (i) { return s.rt[i]; }),
      theme: s.tc[num(s.t, r.local)].map(function (i) { return s.tt[i]; }),
      year: y ? String(y) : ""
    };
  };

  // Display record of a result: id, url, title, date, where its body starts
  // in the part's text, its length, a summary when it has no body.
  Engine.prototype.record = async function (m, r) {
    var rows = await this.load("p/" + m.parts[r.part][0] + "/r" + Math.floor(r.local / m.records));
    var row = rows[r.local % m.records];
    return { id: row[0], url: row[1], title: row[2], date: row[3], start: row[4], len: row[5], summary: row[6] };
  };

  // Code points [from, to) of a part's concatenated body text.
  Engine.prototype.text = async function (m, part, from, to) {
    var key = "p/" + m.parts[part][0] + "/b", c = m.chunk, first = Math.floor(from / c), chunks = [];
    for (var k = first; k * c < to; k++) chunks.push(this.load(key + k));
    return Array.from((await Promise.all(chunks)).join("")).slice(from - first * c, to - first * c).join("");
  };

  // Body text around its first match: the text near the position the
  // adjacency check found (within r.slack characters after it; the body's
  // start when no needle is in the body), else chunk by chunk until one
  // holds a needle. A "…" marks each end where the body goes on.
  Engine.prototype.excerpt = async function (m, r, rec, needles) {
    var end = rec.start + rec.len, c = m.chunk;
    var cut = function (from, text, to) { return (from > rec.start ? "…" : "") + text + (to < end ? "…" : ""); };
    if (r.at !== undefined) {
      var from = rec.start + Math.max(0, r.at - 30), to = Math.min(end, from + 121 + (r.slack || 0));
      var near = await this.text(m, r.part, from, to);
      var low = near.toLowerCase();
      if (!r.slack || needles.some(function (n) { return low.indexOf(n) >= 0; })) return cut(from, near, to);
    }
    for (var upto = rec.start, text = ""; upto < end;) {
      upto = Math.min(end, (Math.floor(upto / c) + 1) * c);
      text = await this.text(m, r.part, rec.start, upto);
      var lower = text.toLowerCase();
      if (needles.some(function (n) { return lower.indexOf(n) >= 0; })) break;
    }
    return cut(rec.start, text, upto);
  };

  // Chinese search, or pinyin readings searched in turn and merged.
  Engine.prototype.find = async function (query) {
    var out = await this.search(query);
    out.readings = [];
    if (out.results.length) return out;
    var readings = await this.pinyin(query);
    if (!readings.length) return out;
    var merged = new Map(), runs = [];
    for (var i = 0; i < readings.length; i++) {
      var sub = await this.search(readings[i]);
      runs = runs.concat(sub.runs);
      sub.results.forEach(function (r) { if (!merged.has(r.doc)) merged.set(r.doc, r); });
    }
    return { runs: runs, terms: out.terms, missing: [], readings: readings, results: Array.from(merged.values()) };
  };

  G.dibaoSearch = { Engine: Engine, wordRuns: wordRuns, round3: round3, scriptLoader: scriptLoader };
  if (!G.document) return;

  // ---- Page UI: mounts on <form class="search" data-search-root> + #search-results.
  // The query and the pressed facets live in the URL (?q=…&region=…&theme=…&year=…);
  // result links carry ?q= so the article page can mark the query.
  var PAGE = 10, FACETS = [["region", "地区"], ["theme", "主题"], ["year", "年份"]];
  var WIDE = "(min-width: 40rem)", ELLIPSIS = /[…⋯.。]+$/;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  // Append text to parent with every needle occurrence wrapped in <mark>; never parses HTML.
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

  // Line breaks and spaces between paragraphs: none next to Chinese text, one between Latin words.
  function flatten(text) {
    return text.replace(/\s+/g, function (space, at, all) {
      var before = all.charAt(at - 1), after = all.charAt(at + space.length);
      return /[\x21-\x7e]/.test(before) && /[\x21-\x7e]/.test(after) ? " " : "";
    }).trim();
  }

  // ~120 characters around the first needle, with one "…" wherever the body goes on
  // (the excerpt marks its own ends; a cut here replaces them).
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

  // The page's URL: the query and the pressed facets.
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
    // facets from the URL apply to the query they came with, when its results hold them
    var wanted = this.pending || {};
    this.pending = null;
    this.filters = {};
    FACETS.forEach(function (pair) {
      var name = pair[0], v = wanted[name];
      if (v && out.results.some(function (r) { return [].concat(r.facets[name]).indexOf(v) >= 0; })) ui.filters[name] = v;
    });
    this.keep();
    await this.refresh(seq);
    // Tests and other scripts can tell which query the list shows, once it is shown.
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

  // Fallback hints: search a single found term, or a pinyin reading.
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

  // Facet groups in a <details> row: open on wide screens, folded on phones; the summary
  // names the pressed values. A pressed button is aria-pressed and styled so.
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

  // The next results up to `upto`, added to the list in one go once their records and
  // excerpts are in (the list never shifts while it fills). A result with the same title
  // and body as the one above it (the same article printed twice) joins it as "另见".
  UI.prototype.show = async function (upto, seq, fresh) {
    var ui = this, m = await this.engine.manifest, batch = this.hits.slice(this.shown, upto + 4);
    seq = seq === undefined ? this.seq : seq;
    var filled = await Promise.all(batch.map(async function (r) {
      var d = await ui.engine.record(m, r);
      return { r: r, d: d };
    }));
    if (seq !== this.seq) return;
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
