// OOT HUD search box (docs/search.md). Progressive enhancement: without JavaScript the header
// holds a plain link to the static A–Z index (search/index.html); with it, that link becomes a
// box that finds, as you type,
//  - a test by any word or word prefix of its classname or name (or any substring of
//    "classname.name" among the tests of the loaded shard), with its latest outcome per backend;
//  - a PR by number, title or author; a backend by name; a job by workflow/job name.
// The index is plain scripts loaded with <script> elements (fetch of local files is refused
// under file://): search/index.js (backends, jobs, PRs, shard sizes) on first use, then the parts
// search/shard/<shard>/<part>.js (names and ids; a shard's tests in id order, partSize to a part)
// of the shard of the typed word with the fewest tests, then
// the search/detail/<id / 32>.js buckets of the hits shown (outcomes and links). A shard is named
// by a word's first two characters; words split as Sources/OOTSite/Index/SearchWords.swift splits
// them, and "test"/"tests" never choose a shard. Every string from the data goes into the page
// as textContent, never as markup.
(function () {
  "use strict";
  var box = document.querySelector("div.search[data-root]");
  if (!box) return;
  var root = box.getAttribute("data-root") || "";
  // Tests of a shard with more than this many entries are not loaded for a single short word:
  // the box asks for more of the name instead (a shard that big is a word like "test").
  var SHARD_LIMIT = 20000;
  var MAX_TESTS = 20, MAX_OTHER = 8;
  var OUTCOME = { f: "fails", k: "flaky", p: "passes", s: "skipped" };
  var ORDER = { f: 0, k: 1, s: 2, p: 3 };
  var STOP = { test: true, tests: true };
  var BUCKET = 32;

  var IS_WORD = /[\p{L}\p{N}]/u, UPPER = /\p{Lu}/u, LOWER = /\p{Ll}/u, DIGIT = /\p{Nd}/u;
  var ASCII = /^[\x00-\x7f]*$/;
  // The same rules with three regular expressions, for ASCII text (nearly every name): much
  // faster on a shard of tens of thousands of tests.
  function asciiWords(text) {
    var out = [], runs = text.split(/[^A-Za-z0-9]+/);
    for (var i = 0; i < runs.length; i++) {
      if (!runs[i]) continue;
      var parts = runs[i].replace(/([a-z0-9])(?=[A-Z])/g, "$1 ").replace(/([A-Z])(?=[A-Z][a-z])/g, "$1 ").split(" ");
      for (var j = 0; j < parts.length; j++) if (parts[j]) out.push(parts[j].toLowerCase());
    }
    return out;
  }
  function words(text) {
    if (ASCII.test(text || "")) return asciiWords(text || "");
    var out = [], cur = [], cps = Array.from(text || "");
    function flush() { if (cur.length) { out.push(cur.join("").toLowerCase()); cur = []; } }
    for (var i = 0; i < cps.length; i++) {
      var c = cps[i];
      if (!IS_WORD.test(c)) { flush(); continue; }
      if (cur.length && UPPER.test(c)) {
        var prev = cur[cur.length - 1], next = cps[i + 1];
        if (LOWER.test(prev) || DIGIT.test(prev) || (UPPER.test(prev) && next !== undefined && LOWER.test(next))) flush();
      }
      cur.push(c);
    }
    flush();
    return out;
  }
  function shardOf(word) {
    var cps = Array.from(word).slice(0, 2);
    if (cps.length < 2) return null;
    var s = cps.join("");
    if (/^[a-z0-9]{2}$/.test(s)) return s;
    var hex = "", bytes = new TextEncoder().encode(s);
    for (var i = 0; i < bytes.length; i++) hex += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    return "_" + hex;
  }

  var index = null, shards = {}, parts = {}, details = {}, loading = {}, typedAt = 0;
  // A shard of n tests is in parts 0 … ⌈n / partSize⌉ - 1 (search/shard/<shard>/<part>.js).
  function partsOf(shard) { return Math.ceil((index.shards[shard] || 0) / index.partSize); }
  var last = { shard: null, q: null, matches: null };
  function load(path) {
    if (loading[path]) return;
    loading[path] = true;
    var script = document.createElement("script");
    script.src = root + path;
    script.onerror = function () { status("Could not load the search index (" + path + ")."); };
    document.head.appendChild(script);
  }
  window.OOTSearch = {
    index: function (data) { index = data; run(); },
    // One part of a shard; when the last of its parts arrives, the shard is merged and sorted
    // by classname, then name.
    shard: function (data) {
      var got = parts[data.shard] || (parts[data.shard] = {});
      if (got[data.part]) return;
      got[data.part] = data.tests;
      var all = [], n = partsOf(data.shard);
      for (var p = 0; p < n; p++) {
        if (!got[p]) return;
        all = all.concat(got[p]);
      }
      all.sort(function (a, b) {
        return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
      });
      for (var i = 0; i < all.length; i++) all[i].lower = ((all[i][0] ? all[i][0] + "." : "") + all[i][1]).toLowerCase();
      shards[data.shard] = all;
      delete parts[data.shard];
      run();
    },
    detail: function (data) {
      for (var i = 0; i < data.tests.length; i++) details[data.tests[i][0]] = data.tests[i];
      run();
    },
    words: words,
    shardOf: shardOf
  };

  var input = document.createElement("input");
  input.type = "search";
  input.id = "search-input";
  input.placeholder = "Search tests, PRs, backends, jobs";
  input.setAttribute("aria-label", "Search tests, PRs, backends and jobs");
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", "search-results");
  input.autocomplete = "off";
  var list = document.createElement("div");
  list.id = "search-results";
  list.className = "search-results";
  list.setAttribute("role", "listbox");
  list.hidden = true;
  var link = box.querySelector("a.search-link");
  if (link) link.textContent = "A–Z";
  box.insertBefore(input, box.firstChild);
  box.appendChild(list);
  document.documentElement.className += " js-search";

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function status(text) {
    list.textContent = "";
    list.appendChild(el("p", "search-status", text));
    show(true);
  }
  function show(on) {
    list.hidden = !on;
    input.setAttribute("aria-expanded", on ? "true" : "false");
  }
  function href(dir) { return root + dir + "/index.html"; }

  function matchTest(t, qwords, q) {
    if (t.lower.indexOf(q) !== -1) return true;
    if (!qwords.length) return false;
    // Each word typed must be the start of a word of the test, so first of all inside its text:
    // most tests fail this cheap test, and only the others are split into words (once).
    for (var c = 0; c < qwords.length; c++) if (t.lower.indexOf(qwords[c]) === -1) return false;
    if (!t.words) t.words = words(t[0]).concat(words(t[1]));
    for (var i = 0; i < qwords.length; i++) {
      var w = qwords[i], found = false;
      for (var j = 0; j < t.words.length; j++) { if (t.words[j].lastIndexOf(w, 0) === 0) { found = true; break; } }
      if (!found) return false;
    }
    return qwords.length > 0;
  }
  // d: the test's details, [id, cross, runs].
  function testTarget(d) {
    if (d[1]) return href(d[1]);
    var runs = d[2].slice().sort(function (a, b) { return ORDER[a[1]] - ORDER[b[1]]; });
    return runs.length ? href(index.backends[runs[0][0]][1] + "/job/" + runs[0][2]) : null;
  }
  function runTarget(d, r) {
    var dir = index.backends[r[0]][1];
    return href(r[3] && d[1] ? dir + "/" + d[1] : dir + "/job/" + r[2]);
  }

  function group(title, count) {
    var section = el("section", "search-group");
    section.appendChild(el("h2", null, title + (count > 0 ? " (" + count + ")" : "")));
    var ul = el("ul");
    section.appendChild(ul);
    list.appendChild(section);
    return ul;
  }
  function option(ul, target, label, detail) {
    var li = el("li");
    li.setAttribute("role", "option");
    var a = el("a", "search-hit", label);
    if (target) a.href = target;
    li.appendChild(a);
    if (detail) li.appendChild(detail);
    ul.appendChild(li);
    return li;
  }

  var timer = null;
  function run() {
    var started = performance.now();
    var raw = input.value.trim();
    if (!raw) { show(false); return; }
    if (!index) { load("search/index.js"); status("Loading the index…"); return; }
    var q = raw.toLowerCase(), qwords = words(raw);
    // The shard: of the words long enough to name one, the one with the fewest tests.
    var best = null, bestCount = Infinity;
    for (var i = 0; i < qwords.length; i++) {
      var s = shardOf(qwords[i]);
      if (s === null || STOP[qwords[i]]) continue;
      // An empty shard (no test has a word starting so) can still leave substring hits in
      // another word's shard: prefer the smallest non-empty one.
      var n = index.shards[s] || 0, key = n === 0 ? Infinity : n;
      if (best === null || key < (bestCount === 0 ? Infinity : bestCount)) { best = s; bestCount = n; }
    }
    var tests = [], testNote = null, pending = false;
    if (best === null) {
      testNote = "Type two letters of a word of the test's name (other than \u201ctest\u201d).";
    } else if (bestCount === 0) {
      tests = [];
    } else if (bestCount > SHARD_LIMIT && qwords.length === 1) {
      testNote = bestCount + " tests have a word starting with \u201c" + qwords[0].slice(0, 2) + "\u201d: type more of the name.";
    } else if (!shards[best]) {
      for (var part = 0; part < partsOf(best); part++) load("search/shard/" + best + "/" + part + ".js");
      pending = true;
    } else {
      // Typing on narrows the last matches (a test that matches the longer query matched the
      // shorter one), so each key costs less than the one before.
      var entries = last.shard === best && last.q && q.lastIndexOf(last.q, 0) === 0 ? last.matches : shards[best];
      for (var k = 0; k < entries.length; k++) if (matchTest(entries[k], qwords, q)) tests.push(entries[k]);
      // The shard is sorted by classname and name; a test named exactly as typed comes first.
      last = { shard: best, q: q, matches: tests };
      var exact = [], others = [];
      for (var e = 0; e < tests.length; e++) (tests[e][1].toLowerCase() === q ? exact : others).push(tests[e]);
      tests = exact.concat(others);
      // Outcomes and links come from the detail buckets of the tests shown: the names show at
      // once, each test's backends when its bucket has loaded (it calls run() again).
      for (var m = 0; m < tests.length && m < MAX_TESTS; m++) {
        if (!details[tests[m][2]]) load("search/detail/" + Math.floor(tests[m][2] / BUCKET) + ".js");
      }
    }

    var prs = [], backends = [], jobs = [];
    var digits = /^#?\d+$/.test(raw) ? raw.replace("#", "") : null;
    for (var p = 0; p < index.prs.length && prs.length < MAX_OTHER; p++) {
      var pr = index.prs[p];
      if (digits !== null ? String(pr[0]).lastIndexOf(digits, 0) === 0 : containsAll((pr[1] + " " + pr[2]).toLowerCase(), q, qwords)) prs.push(pr);
    }
    for (var b = 0; b < index.backends.length && backends.length < MAX_OTHER; b++) {
      if (containsAll(index.backends[b][0].toLowerCase(), q, qwords)) backends.push(index.backends[b]);
    }
    for (var j = 0; j < index.jobs.length && jobs.length < MAX_OTHER; j++) {
      var job = index.jobs[j];
      if (containsAll((job[0] + " / " + job[1]).toLowerCase(), q, qwords)) jobs.push(job);
    }

    list.textContent = "";
    var any = false;
    if (pending || tests.length || testNote) {
      var ul = group("Tests", tests.length);
      if (pending) ul.appendChild(el("li", "search-status", "Loading tests…"));
      if (testNote) ul.appendChild(el("li", "search-status", testNote));
      for (var t = 0; t < tests.length && t < MAX_TESTS; t++) {
        var test = tests[t], d = details[test[2]], detail = el("div", "search-detail");
        if (test[0]) detail.appendChild(el("span", "muted", test[0]));
        if (!d) {
          detail.appendChild(el("div", "search-runs muted", "…"));
          option(ul, null, test[1], detail);
          continue;
        }
        var runs = d[2].slice().sort(function (x, y) { return ORDER[x[1]] - ORDER[y[1]] || x[0] - y[0]; });
        var line = el("div", "search-runs");
        for (var r = 0; r < runs.length; r++) {
          var run1 = runs[r], a = el("a", "search-run o-" + run1[1], OUTCOME[run1[1]] + " on " + index.backends[run1[0]][0]);
          a.href = runTarget(d, run1);
          line.appendChild(a);
        }
        detail.appendChild(line);
        option(ul, testTarget(d), test[1], detail);
      }
      if (tests.length > MAX_TESTS) ul.appendChild(el("li", "search-status", (tests.length - MAX_TESTS) + " more: type more of the name."));
      any = true;
    }
    if (prs.length) {
      var ulp = group("PRs", 0);
      for (var x = 0; x < prs.length; x++) {
        option(ulp, href("pr/" + prs[x][0]), "#" + prs[x][0] + " " + prs[x][1], el("span", "muted", prs[x][2]));
      }
      any = true;
    }
    if (backends.length) {
      var ulb = group("Backends", 0);
      for (var y = 0; y < backends.length; y++) {
        var level = backends[y][2], known = /^L[1-4]$/.test(level);
        option(ulb, href(backends[y][1]), backends[y][0], el("span", "level " + (known ? "level-" + level.toLowerCase() : "level-unknown"), level));
      }
      any = true;
    }
    if (jobs.length) {
      var ulj = group("Jobs", 0);
      for (var z = 0; z < jobs.length; z++) {
        var where = el("div", "search-runs");
        for (var w = 0; w < jobs[z][2].length; w++) {
          var be = index.backends[jobs[z][2][w]], ja = el("a", "search-run", be[0]);
          ja.href = href(be[1]);
          where.appendChild(ja);
        }
        option(ulj, href(index.backends[jobs[z][2][0]][1]), jobs[z][0] + " / " + jobs[z][1], where);
      }
      any = true;
    }
    if (!any) list.appendChild(el("p", "search-status", "No test that failed or was flaky, PR, backend or job matches \u201c" + raw + "\u201d."));
    show(true);
    list.setAttribute("data-ms", (performance.now() - started).toFixed(2));
    // From the keystroke to these results, index scripts loaded on the way included.
    if (!pending && typedAt) list.setAttribute("data-latency", (performance.now() - typedAt).toFixed(2));
  }
  function containsAll(text, q, qwords) {
    if (text.indexOf(q) !== -1) return true;
    if (!qwords.length) return false;
    for (var i = 0; i < qwords.length; i++) if (text.indexOf(qwords[i]) === -1) return false;
    return true;
  }

  input.addEventListener("focus", function () { if (!index) load("search/index.js"); });
  input.addEventListener("input", function () {
    typedAt = performance.now();
    list.removeAttribute("data-latency");
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, 0);
  });
  function hits() { return list.querySelectorAll("a"); }
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { var h = hits(); if (h.length) { h[0].focus(); e.preventDefault(); } }
    if (e.key === "Escape") { show(false); }
    if (e.key === "Enter") { var first = list.querySelector("a.search-hit[href]"); if (first) { window.location.href = first.href; e.preventDefault(); } }
  });
  list.addEventListener("keydown", function (e) {
    var h = Array.prototype.slice.call(hits()), at = h.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && at < h.length - 1) { h[at + 1].focus(); e.preventDefault(); }
    if (e.key === "ArrowUp") { (at > 0 ? h[at - 1] : input).focus(); e.preventDefault(); }
    if (e.key === "Escape") { show(false); input.focus(); }
  });
  document.addEventListener("click", function (e) { if (!box.contains(e.target)) show(false); });
})();
