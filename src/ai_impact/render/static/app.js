/* ai-impact: progressive enhancement only. Every page works without this file. */
(function () {
  "use strict";
  var me = document.currentScript;
  var resolveUrl = me && me.dataset.resolve;
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

  function loadIndex() {
    if (index) return Promise.resolve(index);
    return fetch(indexUrl).then(function (r) { return r.json(); }).then(function (d) {
      /* Each title's words, folded once: the O*NET title first, then the other names. */
      d.forEach(function (o) {
        o.w = [o.t].concat(o.a || []).map(function (t) { return fold(t).split(/[^a-z0-9]+/).filter(Boolean); });
      });
      index = d;
      return d;
    });
  }
  /* Client-side search of the static export: every query word must start a word of a title
     (the O*NET title or one of the occupation's other names); a whole-word match counts more
     than a prefix, a title with fewer other words more than a longer one. */
  function searchIndex(q, top) {
    var words = fold(q).split(/[^a-z0-9]+/).filter(Boolean);
    if (!words.length) return [];
    var out = [];
    index.forEach(function (o) {
      var best = 0, alsoCalled = null;
      o.w.forEach(function (tw, i) {
        var strength = 0;
        for (var k = 0; k < words.length; k++) {
          var w = words[k], s = 0;
          for (var j = 0; j < tw.length; j++) {
            if (tw[j] === w) { s = 1; break; }
            if (tw[j].indexOf(w) === 0) s = 0.7;
          }
          if (!s) return;
          strength += s;
        }
        var weight = i === 0 ? 1 : (o.p && o.p[i - 1]) || 0.8;
        var score = weight * strength / Math.max(tw.length, words.length);
        if (score > best) { best = score; alsoCalled = i === 0 ? null : o.a[i - 1]; }
      });
      if (o.c.indexOf(q.trim()) === 0) { best = 1; alsoCalled = null; }
      if (best > 0) out.push({ code: o.c, title: o.t, alsoCalled: alsoCalled, confidence: Math.min(1, best), risk: o.r, category: o.k });
    });
    out.sort(function (a, b) { return b.confidence - a.confidence || a.title.localeCompare(b.title); });
    return out.slice(0, top);
  }
  function candidates(q) {
    if (resolveUrl) {
      return fetch(resolveUrl + "?top=6&q=" + encodeURIComponent(q))
        .then(function (r) { return r.ok ? r.json() : { candidates: [] }; })
        .then(function (d) { return d.candidates || []; });
    }
    if (indexUrl) return loadIndex().then(function () { return searchIndex(q, 8); });
    return Promise.resolve([]);
  }

  function autocomplete(input, n) {
    var list = el("ul", { id: "suggest-" + n, role: "listbox", class: "suggest", hidden: "" });
    input.parentNode.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    var timer = null, active = -1, seq = 0;
    function close() { list.hidden = true; input.setAttribute("aria-expanded", "false"); active = -1; }
    function mark(i) {
      var items = list.querySelectorAll("li");
      items.forEach(function (li, j) { li.setAttribute("aria-selected", j === i ? "true" : "false"); });
      active = i;
      if (items[i]) input.setAttribute("aria-activedescendant", items[i].id);
    }
    function show(cands) {
      list.textContent = "";
      cands.forEach(function (c, i) {
        var li = el("li", { role: "option", id: list.id + "-" + i, "aria-selected": "false" });
        var a = el("a", { href: occupationUrl(c.code), tabindex: "-1" });
        a.appendChild(el("span", { class: "t" }, c.title));
        if (c.alsoCalled) a.appendChild(el("span", { class: "via" }, "as \u201c" + c.alsoCalled + "\u201d"));
        a.appendChild(el("span", { class: "conf" }, c.code + " · " + Math.round(c.confidence * 100) + "%"));
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = !cands.length;
      input.setAttribute("aria-expanded", cands.length ? "true" : "false");
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
      else if (ev.key === "Enter" && active >= 0) { ev.preventDefault(); window.location.href = items[active].querySelector("a").href; }
    });
    document.addEventListener("click", function (ev) { if (!input.parentNode.contains(ev.target)) close(); });
  }

  function staticResults() {
    var box = document.getElementById("static-results");
    var form = document.getElementById("home-search");
    if (!box || !form || !indexUrl) return;
    var input = form.querySelector("input");
    function run(q) {
      box.textContent = "";
      if (!q) return;
      loadIndex().then(function () {
        var found = searchIndex(q, 25);
        box.appendChild(el("p", {}, found.length ? found.length + " occupations match \u201c" + q + "\u201d:" : "No occupation matches \u201c" + q + "\u201d. Try a broader title."));
        var ol = el("ol");
        found.forEach(function (c) {
          var li = el("li");
          li.appendChild(el("a", { href: occupationUrl(c.code) }, c.title));
          if (c.alsoCalled) li.appendChild(document.createTextNode(" (as \u201c" + c.alsoCalled + "\u201d)"));
          li.appendChild(document.createTextNode(" \u00b7 risk " + c.risk.toFixed(1) + " (" + c.category + ")"));
          ol.appendChild(li);
        });
        box.appendChild(ol);
      });
    }
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
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

  document.querySelectorAll("input[data-autocomplete]").forEach(autocomplete);
  document.querySelectorAll("table[data-sortable]").forEach(sortable);
  staticResults();
})();
