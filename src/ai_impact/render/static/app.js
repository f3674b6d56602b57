/* ai-impact: progressive enhancement only. Every page works without this file. */
(function () {
  "use strict";
  var me = document.currentScript;
  var suggestUrl = me && me.dataset.suggest;
  var indexUrl = me && me.dataset.index;
  var occTemplate = (me && me.dataset.occupation) || "";
  var index = null;

  function occupationUrl(code) { return occTemplate.replace("CODE", encodeURIComponent(code)); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;  // textContent: titles are never parsed as HTML
    return e;
  }
  function fold(s) { return s.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, ""); }

  /* The static export's index is a script assigning a global (search-index.js), loaded on the
     first search: a page opened from disk (file://) may load a script but not fetch a file. */
  var INDEX_GLOBAL = "AI_IMPACT_SEARCH_INDEX";
  var loading = null;
  function loadIndex() {
    if (index) return Promise.resolve(index);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        if (window[INDEX_GLOBAL]) { resolve(window[INDEX_GLOBAL]); return; }
        var s = document.createElement("script");
        s.src = indexUrl;
        s.onload = function () { if (window[INDEX_GLOBAL]) resolve(window[INDEX_GLOBAL]); else reject(new Error("empty index")); };
        s.onerror = function () { reject(new Error("cannot load " + indexUrl)); };
        document.head.appendChild(s);
      }).then(prepare, function (e) { loading = null; throw e; });
    }
    return loading;
  }
  /* Each name's words as numbers into one vocabulary, so that a query word is compared with
     each distinct word once (prefix and spelling checks), not once per name. */
  function prepare(d) {
    var ids = new Map(), vocab = [];
    function wordIds(t) {
      return fold(t).split(/[^a-z0-9]+/).filter(Boolean).map(function (w) {
        if (!ids.has(w)) { ids.set(w, vocab.length); vocab.push(w); }
        return ids.get(w);
      });
    }
    d.forEach(function (o) { o.w = [o.t].concat(o.a || []).map(wordIds); });
    index = { entries: d, vocab: vocab, ids: ids };
    return index;
  }

  /* How well a query word matches a word of a name. A whole word counts most; a prefix less;
     the prefix of a short word that is itself a name's word ("swe", "dev": an abbreviation) and
     a near spelling count least. Such weak matches are shown only when nothing matches well,
     so "swe" finds the SWE titles, not "Sweeper", and "plumbr" still finds Plumbers. */
  var EXACT = 1, PREFIX = 0.7, TYPO = 0.5, SHORT_PREFIX = 0.35;
  function within(a, b, k) {
    /* Whether a and b are at most k edits apart (insert, delete, replace, swap two letters). */
    var n = a.length, m = b.length, i, j, prev2 = null, prev = [], cur;
    if (Math.abs(n - m) > k) return false;
    for (j = 0; j <= m; j++) prev[j] = j;
    for (i = 1; i <= n; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= m; j++) {
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (prev2 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur[j] = v;
        if (v < low) low = v;
      }
      if (low > k) return false;
      prev2 = prev; prev = cur;
    }
    return prev[m] <= k;
  }
  function strengths(w) {
    var out = new Map(), vocab = index.vocab;
    var shortKnown = w.length < 4 && index.ids.has(w);
    /* Edits allowed: 2 from 8 letters, 1 from 4; a 3-letter word may miss one letter of a
       4-letter word with the same first letter ("dta" → "data"). */
    var edits = w.length >= 8 ? 2 : w.length >= 3 ? 1 : 0;
    for (var i = 0; i < vocab.length; i++) {
      var v = vocab[i];
      if (v === w) out.set(i, EXACT);
      else if (v.lastIndexOf(w, 0) === 0) out.set(i, shortKnown ? SHORT_PREFIX : PREFIX);
      else if (edits && (w.length >= 4 || (v.length === 4 && v[0] === w[0])) && within(w, v, edits)) out.set(i, TYPO);
    }
    return out;
  }
  /* A code typed as the query ranks above any title match: the code itself first, then the
     ".00" occupation of a SOC code ("15-2051" → 15-2051.00 before .01 and .02), then the other
     codes it starts. A title match scores at most 1. */
  function codeScore(c, code) {
    if (c === code) return 3;
    if (c === code + ".00") return 2;
    return c.indexOf(code) === 0 ? 1 : 0;
  }
  /* Client-side search of the static export: every query word must match a word of a name (the
     O*NET title or one of the occupation's other names); the score is the name's weight times
     the strength of the matches over the name's length. Returns every match, best first. */
  function searchIndex(q) {
    var words = fold(q).split(/[^a-z0-9]+/).filter(Boolean);
    if (!words.length) return [];
    var per = words.map(strengths), code = q.trim(), out = [], strong = false;
    index.entries.forEach(function (o) {
      var best = 0, bestWeak = true, alsoCalled = null;
      o.w.forEach(function (tw, i) {
        var strength = 0, weak = false;
        for (var k = 0; k < per.length; k++) {
          var s = 0;
          for (var j = 0; j < tw.length; j++) { var x = per[k].get(tw[j]); if (x > s) s = x; }
          if (!s) return;
          if (s < PREFIX) weak = true;
          strength += s;
        }
        var weight = i === 0 ? 1 : (o.p && o.p[i - 1]) || 0.8;
        var score = weight * strength / Math.max(tw.length, words.length);
        if ((bestWeak && !weak) || (weak === bestWeak && score > best)) {
          best = score; bestWeak = weak; alsoCalled = i === 0 ? null : o.a[i - 1];
        }
      });
      var byCode = codeScore(o.c, code);
      if (byCode) { best = byCode; bestWeak = false; alsoCalled = null; }
      if (best > 0) {
        strong = strong || !bestWeak;
        out.push({ code: o.c, title: o.t, alsoCalled: alsoCalled, score: best, risk: o.r, category: o.k, weak: bestWeak });
      }
    });
    if (strong) out = out.filter(function (c) { return !c.weak; });
    out.sort(function (a, b) { return b.score - a.score || a.title.localeCompare(b.title); });
    return out;
  }
  /* The served site asks the server, which runs this same prefix search next to the title
     resolver (/api/v1/suggest: the prefix search leads for a half-typed last word, the
     resolver for whole words, typos and codes); the static export searches its index here. */
  function candidates(q) {
    if (suggestUrl) {
      return fetch(suggestUrl + "?top=6&q=" + encodeURIComponent(q))
        .then(function (r) { return r.ok ? r.json() : { candidates: [] }; })
        .then(function (d) { return d.candidates || []; });
    }
    if (indexUrl) return loadIndex().then(function () { return searchIndex(q).slice(0, 8); });
    return Promise.resolve([]);
  }

  /* A browser refills typed fields when the user comes Back to a page, except those marked
     autocomplete="off" (the search boxes, which show their own suggestions, and the compare
     boxes): their text would be gone. Their values are kept in the page's history entry when
     a form is sent or a suggestion opened, and put back when that entry is shown again. */
  var KEPT = "aiImpactFields";
  function unfilled() { return document.querySelectorAll("input[autocomplete=off][id]"); }
  function remember() {
    var kept = {}, state = {};
    unfilled().forEach(function (f) { kept[f.id] = f.value; });
    if (history.state && typeof history.state === "object") state = Object.assign({}, history.state);
    state[KEPT] = kept;
    try { history.replaceState(state, ""); } catch (e) { /* some browsers refuse on file:// */ }
  }
  function refill() {
    var kept = history.state && history.state[KEPT];
    if (!kept) return;
    unfilled().forEach(function (f) { if (typeof kept[f.id] === "string") f.value = kept[f.id]; });
  }

  function autocomplete(input, n) {
    var list = el("ul", { id: "suggest-" + n, role: "listbox", class: "suggest", hidden: "" });
    input.parentNode.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    var timer = null, active = -1, seq = 0;
    function close() {
      list.hidden = true; input.setAttribute("aria-expanded", "false"); active = -1;
      input.removeAttribute("aria-activedescendant");  /* no option is chosen any more */
    }
    function mark(i) {
      var items = list.querySelectorAll("li");
      items.forEach(function (li, j) { li.setAttribute("aria-selected", j === i ? "true" : "false"); });
      active = i;
      if (items[i]) {
        input.setAttribute("aria-activedescendant", items[i].id);
        /* the focus stays in the box: the list scrolls its chosen option into view itself */
        items[i].scrollIntoView({ block: "nearest" });
      }
    }
    function show(cands) {
      list.textContent = "";
      cands.forEach(function (c, i) {
        /* An option holds text, not a link: a link inside it is a second control a screen
           reader can reach (ARIA options take no interactive children). A click or Enter on it
           opens its address. */
        var li = el("li", { role: "option", id: list.id + "-" + i, "aria-selected": "false",
                            "data-href": occupationUrl(c.code) });
        li.appendChild(el("span", { class: "t" }, c.title));
        var also = c.alsoCalled || c.also_called;
        if (also) li.appendChild(el("span", { class: "via" }, "as \u201c" + also + "\u201d"));
        /* The server's resolver gives a calibrated confidence; the prefix search only a match
           score for ranking, which is not shown: it would read as a confidence. */
        var conf = typeof c.confidence === "number" ? " · " + Math.round(c.confidence * 100) + "%" : "";
        li.appendChild(el("span", { class: "conf" }, c.code + conf));
        list.appendChild(li);
      });
      list.hidden = !cands.length;
      input.setAttribute("aria-expanded", cands.length ? "true" : "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      timer = setTimeout(function () {
        var mine = ++seq;
        candidates(q).then(function (c) { if (mine === seq) show(c); }).catch(close);
      }, 120);
    });
    input.addEventListener("keydown", function (ev) {
      var items = list.querySelectorAll("li");
      if (list.hidden || !items.length) return;
      if (ev.key === "ArrowDown") { ev.preventDefault(); mark((active + 1) % items.length); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); mark((active - 1 + items.length) % items.length); }
      else if (ev.key === "Escape") { close(); }
      else if (ev.key === "Enter" && active >= 0) { ev.preventDefault(); remember(); window.location.href = items[active].dataset.href; }
    });
    list.addEventListener("click", function (ev) {
      var li = ev.target.closest("li[data-href]");
      if (li) { remember(); window.location.href = li.dataset.href; }
    });
    document.addEventListener("click", function (ev) { if (!input.parentNode.contains(ev.target)) close(); });
  }

  function staticResults() {
    var box = document.getElementById("static-results");
    var form = document.getElementById("home-search");
    if (!box || !form || !indexUrl) return;
    var input = form.querySelector("input");
    function say(found, shown, q) {
      var quoted = "\u201c" + q + "\u201d";
      if (!found.length) return "No occupation matches " + quoted + ". Try a broader title, or browse the industries.";
      var n = found.length === 1 ? "1 occupation" : found.length + " occupations";
      if (found[0].weak) return "No exact match for " + quoted + "; " + n + " with a similar name" + (shown < found.length ? ", the closest " + shown + " here:" : ":");
      if (shown < found.length) return "The best " + shown + " of " + n + " matching " + quoted + ":";
      return n + (found.length === 1 ? " matches " : " match ") + quoted + ":";
    }
    function run(q) {
      box.textContent = "";
      if (!q) return;
      loadIndex().then(function () {
        var found = searchIndex(q), shown = found.slice(0, 25);
        box.appendChild(el("p", {}, say(found, shown.length, q)));
        var ol = el("ol");
        shown.forEach(function (c) {
          var li = el("li");
          li.appendChild(el("a", { href: occupationUrl(c.code) }, c.title));
          if (c.alsoCalled) li.appendChild(document.createTextNode(" (as \u201c" + c.alsoCalled + "\u201d)"));
          li.appendChild(document.createTextNode(" \u00b7 risk " + c.risk.toFixed(1) + " (" + c.category + ")"));
          ol.appendChild(li);
        });
        box.appendChild(ol);
      }, function () {
        box.appendChild(el("p", { class: "note", role: "alert" }, "The search index (search-index.js) could not be loaded, so search does not work on this copy of the site. Browse the industries or all occupations instead."));
      });
    }
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) { /* some browsers refuse on file:// */ }
      run(input.value.trim());
    });
    var q = new URLSearchParams(location.search).get("q");
    if (q) { input.value = q; run(q); }
  }

  function sortable(table) {
    var heads = table.querySelectorAll("th[data-key]");
    heads.forEach(function (th) {
      var link = th.querySelector("a");
      link.addEventListener("click", function (ev) {
        ev.preventDefault();
        var col = Array.prototype.indexOf.call(th.parentNode.children, th);
        var cur = th.getAttribute("aria-sort");
        var order = cur ? (cur === "ascending" ? "desc" : "asc") : th.dataset.default;
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        function val(tr) { var v = tr.children[col].dataset.v; return v === undefined ? "" : v; }
        var numeric = th.dataset.key !== "title";
        rows.sort(function (a, b) {
          var x = val(a), y = val(b);
          if (x === "" || y === "") return (x === "") - (y === "");
          var c = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
          return order === "asc" ? c : -c;
        });
        rows.forEach(function (tr) { body.appendChild(tr); });
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); h.querySelector(".arrow").textContent = ""; });
        th.setAttribute("aria-sort", order === "asc" ? "ascending" : "descending");
        th.querySelector(".arrow").textContent = order === "asc" ? "\u25b2" : "\u25bc";
      });
    });
  }

  /* A form that takes a while (a large roster: seconds to tens of seconds) says it is working
     once sent: the button reads data-busy and the status line data-busy-note. The button stays
     enabled for the browser to submit it, but a second press sends nothing more. Coming back
     with the Back button (page cache) shows the form as it was. */
  function busyForm(form) {
    var button = form.querySelector("button[type=submit]");
    var status = form.querySelector("[data-busy-status]");
    var label = button ? button.textContent : "";
    var sent = false;
    form.addEventListener("submit", function (ev) {
      if (sent) { ev.preventDefault(); return; }
      sent = true;
      form.setAttribute("aria-busy", "true");
      if (button) { button.textContent = form.dataset.busy; button.setAttribute("aria-disabled", "true"); }
      if (status) status.textContent = form.dataset.busyNote || "";
    });
    window.addEventListener("pageshow", function (ev) {
      if (!ev.persisted) return;
      sent = false;
      form.removeAttribute("aria-busy");
      if (button) { button.textContent = label; button.removeAttribute("aria-disabled"); }
      if (status) status.textContent = "";
    });
  }

  /* A box that scrolls sideways (a wide table, a long formula) can be scrolled from the keyboard
     only if it takes the focus: while it overflows it is in the tab order as a region named
     after its table, chart or section; while it fits it stays out of the way. Checked again
     when the window changes size and when a "numbers behind this chart" box opens. */
  function headingBefore(node) {
    for (var n = node; n && n !== document.body; n = n.parentElement) {
      for (var s = n.previousElementSibling; s; s = s.previousElementSibling) {
        var hs = /^H[1-6]$/.test(s.tagName) ? [s] : s.querySelectorAll("h1, h2, h3, h4, h5, h6");
        if (hs.length) return hs[hs.length - 1].textContent;
      }
    }
    return "";
  }
  function boxName(box) {
    var caption = box.querySelector("caption");
    var figure = box.closest("figure");
    var name = caption ? caption.textContent
      : figure ? figure.querySelector("figcaption").textContent + ": the numbers"
      : headingBefore(box) || "Wide content";
    /* said after the name, which also keeps the box apart from its section (named alike) */
    return name.replace(/\s+/g, " ").trim() + " (scrolls sideways)";
  }
  function scrollers() {
    document.querySelectorAll("main .scroll, main pre").forEach(function (box) {
      var wide = box.scrollWidth > box.clientWidth + 1;
      if (wide === box.hasAttribute("data-scroller")) return;
      if (wide) {
        box.setAttribute("data-scroller", "");
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", boxName(box));
      } else {
        ["data-scroller", "tabindex", "role", "aria-label"].forEach(function (a) { box.removeAttribute(a); });
      }
    });
  }
  var pending = false;
  function rescroll() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; scrollers(); });
  }

  refill();
  /* after the page's own submit handlers (the static search rewrites the address first) */
  document.addEventListener("submit", remember);
  document.querySelectorAll("form[data-busy]").forEach(busyForm);
  document.querySelectorAll("input[data-autocomplete]").forEach(autocomplete);
  document.querySelectorAll("table[data-sortable]").forEach(sortable);
  staticResults();
  scrollers();
  window.addEventListener("resize", rescroll);
  document.addEventListener("toggle", rescroll, true);  /* toggle does not bubble */
})();
