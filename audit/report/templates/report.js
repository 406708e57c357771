/* newsaudit report: renders the embedded JSON with DOM calls only (createElement,
   textContent, setAttribute) - never innerHTML with data - so article text can hold any
   markup and it is shown literally. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var D = JSON.parse(document.getElementById("report-data").textContent);
  var R = D.rows;
  var N = R.id.length;
  var CATS = D.cats;
  var SEVS = D.sevs;
  var COLORS = D.colors;
  var detailByRow = new Map();
  D.details.forEach(function (d) { detailByRow.set(d.i, d); });
  var auditErrors = new Map();
  D.auditErrors.forEach(function (e) {
    if (!auditErrors.has(e[0])) auditErrors.set(e[0], []);
    auditErrors.get(e[0]).push(e[1]);
  });
  var nf = new Intl.NumberFormat("en-US");
  var PAGE = 50;

  // ---------------------------------------------------------------- DOM helpers
  function el(tag, attrs, kids) {
    var n = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) continue;
        if (k === "text") n.textContent = String(v);
        else if (k === "cls") n.className = v;
        else if (k === "style") { for (var s in v) n.style.setProperty(s, v[s]); }
        else if (k.slice(0, 2) === "on") n.addEventListener(k.slice(2), v);
        else n.setAttribute(k, v === true ? "" : String(v));
      }
    }
    if (kids) kids.forEach(function (c) { if (c !== null && c !== undefined) n.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return n;
  }
  function txt(s) { return document.createTextNode(s); }
  function fmt(v, dec) {
    if (v === null || v === undefined) return "–";
    return dec ? v.toFixed(dec) : nf.format(v);
  }
  function safeHref(u) {
    if (!u) return null;
    try {
      var p = new URL(u);
      return (p.protocol === "http:" || p.protocol === "https:") ? p.href : null;
    } catch (e) { return null; }
  }
  function worstOf(cs) {
    var w = -1;
    for (var c = 0; c < CATS.length; c++) { var v = (cs >> (2 * c)) & 3; if (v - 1 > w) w = v - 1; }
    return w;
  }
  function sevBadge(w) {
    if (w < 0) return el("span", { cls: "sev sev-none", text: "clean" });
    return el("span", { cls: "sev sev-" + SEVS[w], text: SEVS[w] });
  }
  function catSquares(cs) {
    var box = el("span", { cls: "cats" });
    for (var c = 0; c < CATS.length; c++) {
      var v = (cs >> (2 * c)) & 3;
      if (v) box.appendChild(el("i", { title: CATS[c] + " (" + SEVS[v - 1] + ")", style: { background: COLORS[CATS[c]], opacity: v === 1 ? ".45" : "1" } }));
    }
    return box;
  }
  function meter(value, max, color, low, high, big) {
    var pct = value === null || value === undefined ? 0 : Math.max(0, Math.min(1, value / max));
    var track = el("span", { cls: "track" }, [
      el("span", { cls: "fill", style: { width: (pct * 100).toFixed(1) + "%", background: color } })
    ]);
    if (low !== null && low !== undefined && high !== null && high !== undefined) {
      track.appendChild(el("span", { cls: "ci", title: "interval " + fmt(low, 0) + "–" + fmt(high, 0), style: { left: (100 * low / max).toFixed(1) + "%", width: (100 * Math.max(0, high - low) / max).toFixed(1) + "%" } }));
    }
    return el("span", { cls: "meter" + (big ? " score-big" : "") }, [track, el("span", { cls: "val", text: max === 1 ? fmt(value, 2) : fmt(value === null || value === undefined ? null : Math.round(value)) })]);
  }
  function scoreColor(v) { // 0..1: red -> amber -> green
    if (v === null || v === undefined) return "#cbd5e1";
    return v >= 0.75 ? "#16a34a" : v >= 0.5 ? "#65a30d" : v >= 0.3 ? "#d97706" : "#dc2626";
  }

  // ---------------------------------------------------------------- tabs
  var tabs = Array.prototype.slice.call(document.querySelectorAll(".tab"));
  function showTab() {
    var name = (location.hash || "#overview").slice(1);
    if (!document.getElementById(name) || !document.getElementById(name).classList.contains("panel")) name = "overview";
    document.querySelectorAll(".panel").forEach(function (p) { p.classList.toggle("active", p.id === name); });
    tabs.forEach(function (t) { if (t.dataset.tab === name) t.setAttribute("aria-current", "page"); else t.removeAttribute("aria-current"); });
  }
  function goTab(name) {
    if (("#" + name) !== location.hash) history.pushState(null, "", "#" + name);
    showTab();
    window.scrollTo(0, 0);
  }
  tabs.forEach(function (t) {
    t.addEventListener("click", function (ev) { ev.preventDefault(); goTab(t.dataset.tab); });
  });
  window.addEventListener("hashchange", showTab);
  window.addEventListener("popstate", showTab);
  showTab();
  window.scrollTo(0, 0);

  // ---------------------------------------------------------------- a sortable, paged table
  // cols: [{label, num, key(i) -> sortable value, cell(i) -> Node}]; the first column holds the expander
  function Table(opts) {
    this.o = opts;
    this.order = opts.rows.slice();
    this.sortCol = opts.sortCol;
    this.sortDir = opts.sortDir;
    this.page = 0;
    this.open = new Set();
    this.sort();
  }
  Table.prototype.setRows = function (rows) { this.order = rows; this.page = 0; this.sort(); this.render(); };
  Table.prototype.sort = function () {
    var col = this.o.cols[this.sortCol], dir = this.sortDir === "ascending" ? 1 : -1;
    var keys = new Map();
    this.order.forEach(function (i) { keys.set(i, col.key(i)); });
    this.order.sort(function (a, b) {
      var x = keys.get(a), y = keys.get(b);
      var xn = x === null || x === undefined || x !== x, yn = y === null || y === undefined || y !== y;
      if (xn || yn) return xn && yn ? a - b : xn ? 1 : -1; // no value: always last
      if (x < y) return -dir;
      if (x > y) return dir;
      return a - b;
    });
  };
  Table.prototype.render = function () {
    var self = this, o = this.o;
    var table = el("table", { cls: "data" });
    if (o.caption) table.appendChild(el("caption", { cls: "visually-hidden", text: o.caption }));
    var tr = el("tr");
    o.cols.forEach(function (c, k) {
      var th = el("th", { scope: "col", cls: c.num ? "numc" : null, "aria-sort": k === self.sortCol ? self.sortDir : "none" });
      th.appendChild(el("button", { type: "button", cls: "sort", "data-col": k, title: c.title || "Sort by " + c.label, onclick: function () {
        if (self.sortCol === k) self.sortDir = self.sortDir === "ascending" ? "descending" : "ascending";
        else { self.sortCol = k; self.sortDir = c.num ? "descending" : "ascending"; }
        self.page = 0; self.sort(); self.render();
        var b = o.mount.querySelector('th button[data-col="' + k + '"]');
        if (b) b.focus();
      } }, [c.label]));
      tr.appendChild(th);
    });
    table.appendChild(el("thead", null, [tr]));
    var tbody = el("tbody");
    var start = this.page * PAGE, end = Math.min(this.order.length, start + PAGE);
    for (var p = start; p < end; p++) this.renderRow(tbody, this.order[p]);
    if (end === start) tbody.appendChild(el("tr", null, [el("td", { colspan: o.cols.length, cls: "none", text: o.empty || "Nothing matches." })]));
    table.appendChild(tbody);
    o.mount.textContent = "";
    o.mount.appendChild(table);
    this.renderPager(start, end);
  };
  Table.prototype.renderRow = function (tbody, i) {
    var self = this, o = this.o;
    var did = o.idPrefix + "-d-" + i;
    var isOpen = this.open.has(i);
    var tr = el("tr", { cls: "row" + (isOpen ? " open" : ""), "data-row": i });
    o.cols.forEach(function (c, k) {
      var td = el("td", { cls: c.num ? "numc" : null });
      if (k === 0) {
        var btn = el("button", { type: "button", cls: "expander", "aria-expanded": isOpen ? "true" : "false", "aria-controls": did }, [c.cell(i)]);
        btn.addEventListener("click", function (ev) { ev.stopPropagation(); self.toggle(i, tr, btn); });
        td.appendChild(btn);
      } else td.appendChild(c.cell(i));
      tr.appendChild(td);
    });
    tr.addEventListener("click", function (ev) {
      if (ev.target.closest("a, button, input, select")) return;
      var b = tr.querySelector("button.expander"); self.toggle(i, tr, b);
    });
    tbody.appendChild(tr);
    if (isOpen) tbody.appendChild(this.detailRow(i, did));
  };
  Table.prototype.detailRow = function (i, did) {
    var td = el("td", { colspan: this.o.cols.length });
    td.appendChild(this.o.detail(i));
    return el("tr", { cls: "detail", id: did }, [td]);
  };
  Table.prototype.toggle = function (i, tr, btn) {
    var did = this.o.idPrefix + "-d-" + i;
    if (this.open.has(i)) {
      this.open.delete(i);
      var d = document.getElementById(did); if (d) d.remove();
      tr.classList.remove("open"); btn.setAttribute("aria-expanded", "false");
    } else {
      this.open.add(i);
      tr.after(this.detailRow(i, did));
      tr.classList.add("open"); btn.setAttribute("aria-expanded", "true");
    }
  };
  Table.prototype.openAllOnPage = function () {
    var self = this;
    this.o.mount.querySelectorAll("tr.row").forEach(function (tr) {
      var i = +tr.dataset.row;
      if (!self.open.has(i)) self.toggle(i, tr, tr.querySelector("button.expander"));
    });
  };
  Table.prototype.renderPager = function (start, end) {
    var self = this, o = this.o;
    if (o.count) o.count(start, end, this.order.length);
    if (!o.pager) return;
    var pages = Math.max(1, Math.ceil(this.order.length / PAGE));
    o.pager.textContent = "";
    if (pages <= 1) return;
    function go(p) { return function () { self.page = p; self.render(); o.mount.scrollIntoView({ block: "start" }); }; }
    o.pager.appendChild(el("button", { type: "button", disabled: this.page === 0, onclick: go(0), "aria-label": "First page" }, ["«"]));
    o.pager.appendChild(el("button", { type: "button", disabled: this.page === 0, onclick: go(this.page - 1), "aria-label": "Previous page" }, ["‹ Previous"]));
    o.pager.appendChild(el("span", { text: "Page " + nf.format(this.page + 1) + " of " + nf.format(pages) }));
    o.pager.appendChild(el("button", { type: "button", disabled: this.page >= pages - 1, onclick: go(this.page + 1), "aria-label": "Next page" }, ["Next ›"]));
    o.pager.appendChild(el("button", { type: "button", disabled: this.page >= pages - 1, onclick: go(pages - 1), "aria-label": "Last page" }, ["»"]));
  };

  // ---------------------------------------------------------------- articles
  var scoreCols = Object.keys(D.scores); // short names: mt, ad, rd
  function worst(i) { return worstOf(R.cs[i]); }
  function articleLabel(i) {
    var t = R.t[i] || R.id[i];
    return el("span", { title: t }, [el("span", { cls: "art-title", text: t }), R.t[i] ? el("span", { cls: "art-id", text: R.id[i] }) : null]);
  }
  var artCols = [
    { label: "Article", key: function (i) { return (R.t[i] || R.id[i]).toLowerCase(); }, cell: articleLabel },
    { label: "Source", key: function (i) { return D.srcNames[R.s[i]].toLowerCase(); }, cell: function (i) { return txt(D.srcNames[R.s[i]]); } },
    { label: "Lang", key: function (i) { return D.langs[R.l[i]]; }, cell: function (i) { return el("code", { text: D.langs[R.l[i]] }); } },
    { label: "Severity", num: true, key: function (i) { return worst(i) * 1e6 + R.n[i]; }, cell: function (i) { return sevBadge(worst(i)); } },
    { label: "Categories", key: function (i) { return R.cs[i]; }, cell: function (i) { return catSquares(R.cs[i]); } },
    { label: "Findings", num: true, key: function (i) { return R.n[i]; }, cell: function (i) { return txt(fmt(R.n[i])); } }
  ];
  scoreCols.forEach(function (sc) {
    var label = { mt: "MT", ad: "Attribution", rd: "Readability" }[sc] || D.scores[sc][0];
    var dec = sc === "rd" ? 1 : 2;
    artCols.push({ label: label, num: true, key: function (i) { return R[sc][i]; }, cell: function (i) {
      return el("span", { title: D.scores[sc][0], text: fmt(R[sc][i], dec) });
    } });
  });

  function piecesInto(container, pcs, findings, kind) {
    var frag = document.createDocumentFragment();
    pcs.forEach(function (p) {
      if (typeof p === "string") { frag.appendChild(txt(p)); return; }
      if (typeof p[0] === "number") { frag.appendChild(txt(kind.slice(p[0], p[1]))); return; } // unchanged stretch of the original
      var s = p[0], idx = p[1];
      if (kind !== undefined) { // the repaired text: kind is the original text

        var ed = findings[idx[0]];
        var ins = el("ins", { cls: s === "" ? "del" : null, title: ed[0] + ": “" + ed[2] + "” → " + (ed[3] === "" ? "(removed)" : "“" + ed[3] + "”"), "data-e": idx.join(" ") });
        ins.textContent = s;
        frag.appendChild(ins);
        return;
      }
      var cats = [], titles = [], primary = null, prank = -2, allLight = true;
      idx.forEach(function (k) {
        var f = findings[k];
        if (cats.indexOf(f[1]) < 0) cats.push(f[1]);
        titles.push(f[0] + " · " + f[1] + " · " + f[2] + ": " + f[3]);
        var r = SEVS.indexOf(f[2]) + (f[1] === "attribution" ? -0.5 : 0);
        if (r > prank) { prank = r; primary = f[1]; }
        if (!(f[1] === "attribution" && f[2] === "info")) allLight = false;
      });
      var cls = s === "" ? "pt" : allLight ? "light" : cats.length > 1 ? "multi" : "";
      var m = el("mark", { cls: cls || null, title: titles.join("\n"), "data-f": idx.join(" "), "data-cats": cats.join(" "), style: { "--c": COLORS[primary] || "#94a3b8" } });
      if (cats.length > 1 && s !== "") {
        m.style.boxShadow = cats.map(function (c, j) { return "inset 0 -" + (2 * (j + 1)) + "px 0 " + (COLORS[c] || "#94a3b8"); }).join(", ");
      }
      m.textContent = s;
      frag.appendChild(m);
    });
    container.appendChild(frag);
    return container;
  }

  function findingsList(d, box) {
    var ul = el("ul", { cls: "findings-list", "aria-label": "Findings" });
    if (!d.f.length) ul.appendChild(el("li", { cls: "none", text: "No findings." }));
    var order = d.f.map(function (f, k) { return k; });
    order.sort(function (a, b) { return SEVS.indexOf(d.f[b][2]) - SEVS.indexOf(d.f[a][2]) || a - b; });
    order.forEach(function (k) {
      var f = d.f[k];
      var ev = f[5].length > 140 ? f[5].slice(0, 68) + " … " + f[5].slice(-68) : f[5];
      var btn = el("button", { type: "button", "data-fi": k, style: { "--c": COLORS[f[1]] || "#94a3b8" }, onclick: function () {
        var m = box.querySelector('mark[data-f~="' + k + '"]');
        if (!m) return;
        box.querySelectorAll("mark.flash").forEach(function (x) { x.classList.remove("flash"); });
        box.querySelectorAll('mark[data-f~="' + k + '"]').forEach(function (x) { x.classList.add("flash"); });
        m.scrollIntoView({ block: "center", behavior: "smooth" });
      } }, [
        el("span", { cls: "fhead" }, [
          el("span", { cls: "sev sev-" + f[2], text: f[2] }),
          el("code", { text: f[0] }),
          el("span", { cls: "chip", style: { "--c": COLORS[f[1]] || "#94a3b8" }, text: f[1] }),
          f[4] !== "text" ? el("span", { cls: "chip", style: { "--c": "#475569" }, text: "in " + f[4] }) : null
        ]),
        el("span", { cls: "msg", text: f[3] }),
        ev ? el("span", { cls: "ev", text: "“" + ev + "”" + (f[6] === null || f[6] === undefined ? "" : f[6] === "" ? "  →  (remove)" : "  →  “" + f[6] + "”") }) : null
      ]);
      if (D.names[f[0]]) btn.setAttribute("title", f[0] + " " + D.names[f[0]]);
      ul.appendChild(el("li", null, [btn]));
    });
    return ul;
  }

  function articleDetail(i) {
    var d = detailByRow.get(i);
    var box = el("div", { cls: "detail-inner" });
    var head = el("div", { cls: "art-head" });
    box.appendChild(head);
    var meta = el("div", { cls: "art-meta" });
    function metaItem(label, node) { meta.appendChild(el("span", null, [el("b", { text: label + " " }), node])); }
    var fields = (d && d.fields) || {};
    var title = d ? d.title : R.t[i];
    var h = el("h3", { cls: "field-val" });
    if (fields.title) piecesInto(h, fields.title, d.f); else h.textContent = title || R.id[i];
    head.appendChild(h);
    head.appendChild(meta);
    metaItem("id", el("code", { text: R.id[i] }));
    metaItem("source", txt(D.srcNames[R.s[i]]));
    metaItem("language", el("code", { text: D.langs[R.l[i]] }));
    if (d) {
      if (d.author || fields.author) metaItem("author", fields.author ? piecesInto(el("span", { cls: "field-val" }), fields.author, d.f) : txt(d.author));
      if (d.published) metaItem("published", txt(d.published));
      if (d.url) {
        var href = safeHref(d.url);
        metaItem("url", href ? el("a", { href: href, cls: "url", rel: "noopener noreferrer nofollow", target: "_blank", text: d.url }) : el("span", { cls: "url", text: d.url }));
      }
      if (d.origin) metaItem("from", el("code", { text: d.origin }));
      Object.keys(fields).forEach(function (name) {
        if (name !== "title" && name !== "author") metaItem(name, piecesInto(el("span", { cls: "field-val" }), fields[name], d.f));
      });
    }
    scoreCols.forEach(function (sc) { if (R[sc][i] !== null) metaItem(D.scores[sc][0].toLowerCase(), txt(fmt(R[sc][i], sc === "rd" ? 1 : 2))); });
    var errs = auditErrors.get(i);
    if (errs) box.appendChild(el("p", { cls: "callout callout-warn", text: "Not fully audited: " + errs.join("; ") }));
    if (!d) {
      var counts = [];
      for (var c = 0; c < CATS.length; c++) { var v = (R.cs[i] >> (2 * c)) & 3; if (v) counts.push(CATS[c] + " (worst: " + SEVS[v - 1] + ")"); }
      box.appendChild(el("p", { cls: "callout callout-info", text: "The full text of this article is not embedded in the report (see the note above the list). " +
        (counts.length ? "Findings: " + counts.join(", ") + "; " + fmt(R.n[i]) + " warning/error finding(s), " + fmt(R.a[i]) + " in all." : "No findings.") }));
      return box;
    }
    if (d.cut) box.appendChild(el("p", { cls: "callout callout-info", text: "The text is shown up to character " + fmt(d.cut[0]) + " of " + fmt(d.cut[1]) + "." }));
    var body = el("div", { cls: "art-body" + (d.fixed ? " with-fix" : "") });
    var orig = el("div", { cls: "textcol" }, [el("h4", { text: "Original text" })]);
    var artLang = D.langs[R.l[i]];
    var textBox = el("div", { cls: "text", tabindex: "0", lang: /^[a-z]{2,3}$/.test(artLang) ? artLang : null, "aria-label": "Article text with findings highlighted" });
    if (!d.text.length) textBox.appendChild(el("span", { cls: "none", text: "(empty text)" }));
    piecesInto(textBox, d.text, d.f);
    orig.appendChild(textBox);
    body.appendChild(orig);
    if (d.fixed) {
      var fixBox = el("div", { cls: "text fixed", tabindex: "0", "aria-label": "Repaired text" });
      var lock = null, unlock = null;
      var sync = function (a, b) { return function () {
        if (lock && lock !== a) return; // the echo of our own scroll
        lock = a; clearTimeout(unlock); unlock = setTimeout(function () { lock = null; }, 120);
        var r = a.scrollTop / Math.max(1, a.scrollHeight - a.clientHeight);
        b.scrollTop = r * (b.scrollHeight - b.clientHeight);
      }; };
      textBox.addEventListener("scroll", sync(textBox, fixBox));
      fixBox.addEventListener("scroll", sync(fixBox, textBox));
      var fixcol = el("div", { cls: "textcol" }, [el("h4", { text: "Repaired text (" + d.edits.length + " edit" + (d.edits.length === 1 ? "" : "s") + ")" })]);
      var origText = d.text.map(function (p) { return typeof p === "string" ? p : p[0]; }).join("");
      fixcol.appendChild(piecesInto(fixBox, d.fixed, d.edits, origText));
      body.appendChild(fixcol);
    }
    var side = el("div", { cls: "textcol" }, [el("h4", { text: "Findings (" + d.f.length + ")" })]);
    side.appendChild(findingsList(d, box));
    body.appendChild(side);
    box.appendChild(body);
    return box;
  }

  // filters
  var fq = document.getElementById("f-q"), fsrc = document.getElementById("f-src"), fcat = document.getElementById("f-cat"),
    fsev = document.getElementById("f-sev"), flang = document.getElementById("f-lang");
  var srcCount = new Array(D.srcNames.length).fill(0);
  for (var i0 = 0; i0 < N; i0++) srcCount[R.s[i0]]++;
  D.srcNames.map(function (s, k) { return k; }).sort(function (a, b) { return D.srcNames[a].localeCompare(D.srcNames[b]); }).forEach(function (k) {
    fsrc.appendChild(el("option", { value: k, text: D.srcNames[k] + " (" + nf.format(srcCount[k]) + ")" }));
  });
  CATS.forEach(function (c, k) { fcat.appendChild(el("option", { value: k, text: c })); });
  D.langs.forEach(function (l, k) { flang.appendChild(el("option", { value: k, text: l })); });

  var hay = null;
  function haystack() {
    if (hay) return hay;
    hay = new Array(N);
    for (var i = 0; i < N; i++) hay[i] = (R.id[i] + "\u0001" + R.t[i] + "\u0001" + D.srcNames[R.s[i]]).toLowerCase();
    D.details.forEach(function (d) {
      var t = d.text.map(function (p) { return typeof p === "string" ? p : p[0]; }).join("");
      hay[d.i] += "\u0001" + (d.author + "\u0001" + d.url + "\u0001" + t).toLowerCase();
    });
    return hay;
  }
  var onlyRow = -1; // set when an article is opened from the sources table
  function filtered() {
    onlyRow = -1;
    var q = fq.value.trim().toLowerCase(), src = fsrc.value, cat = fcat.value, sev = fsev.value, lang = flang.value;
    var s = src === "" ? -1 : +src, c = cat === "" ? -1 : +cat, l = lang === "" ? -1 : +lang;
    var clean = sev === "clean", sv = sev === "" || clean ? -1 : +sev;
    var H = q ? haystack() : null, out = [];
    for (var i = 0; i < N; i++) {
      if (s >= 0 && R.s[i] !== s) continue;
      if (l >= 0 && R.l[i] !== l) continue;
      if (clean && R.n[i] > 0) continue;
      if (c >= 0) {
        var v = (R.cs[i] >> (2 * c)) & 3;
        if (!v || (sv >= 0 && v - 1 < sv)) continue;
      } else if (sv >= 0 && worstOf(R.cs[i]) < sv) continue;
      if (H && H[i].indexOf(q) < 0) continue;
      out.push(i);
    }
    return out;
  }
  var allRows = []; for (var j = 0; j < N; j++) allRows.push(j);
  var countEl = document.getElementById("result-count");
  var articles = new Table({
    mount: document.getElementById("articles-table"), pager: document.getElementById("pager"), idPrefix: "art",
    caption: "Articles", cols: artCols, rows: allRows, sortCol: 3, sortDir: "descending", detail: articleDetail,
    empty: "No article matches these filters.",
    count: function (start, end, total) {
      countEl.textContent = total ? "Showing " + nf.format(start + 1) + "–" + nf.format(end) + " of " + nf.format(total) + " article" + (total === 1 ? "" : "s") + (total < N ? " (filtered from " + nf.format(N) + ")" : "") : "No article matches.";
    }
  });
  articles.render();
  var timer = null;
  function refilter() { articles.setRows(filtered()); }
  fq.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(refilter, 150); });
  [fsrc, fcat, fsev, flang].forEach(function (x) { x.addEventListener("change", refilter); });
  document.getElementById("filters").addEventListener("reset", function () { setTimeout(refilter, 0); });
  function clearFilters() { [fq, fsrc, fcat, fsev, flang].forEach(function (x) { x.value = ""; }); }
  document.getElementById("filters").addEventListener("submit", function (ev) { ev.preventDefault(); refilter(); });

  // ---------------------------------------------------------------- sources
  var scoreBySrc = new Map();
  D.srcScores.forEach(function (s) { scoreBySrc.set(s.source, s); });
  var compNames = [];
  D.srcScores.forEach(function (s) { Object.keys(s.comps).forEach(function (k) { if (compNames.indexOf(k) < 0) compNames.push(k); }); });
  // weight-0 components (e.g. confidence) are explained in the detail, not given a column
  var compCols = compNames.filter(function (name) {
    return D.srcScores.some(function (s) { return s.comps[name] && s.comps[name][1] !== 0; });
  });
  function sscore(k) { return scoreBySrc.get(D.srcNames[k]) || null; }
  function label(name) { return name.replace(/_/g, " ").replace(/^./, function (c) { return c.toUpperCase(); }); }
  var srcCols = [
    { label: "Source", key: function (k) { return D.srcNames[k].toLowerCase(); }, cell: function (k) { return txt(D.srcNames[k]); } }
  ];
  if (D.srcScores.length) {
    srcCols.push({ label: "Reliability", num: true, key: function (k) { var s = sscore(k); return s ? s.score : null; }, cell: function (k) {
      var s = sscore(k);
      return s ? meter(s.score, 100, scoreColor(s.score / 100), s.low, s.high, true) : txt("–");
    } });
    compCols.forEach(function (name) {
      var w = null;
      D.srcScores.forEach(function (s) { if (s.comps[name] && w === null) w = s.comps[name][1]; });
      srcCols.push({ label: label(name), title: label(name) + (w !== null ? " (weight " + w + ")" : "") + " — sort", num: true, key: function (k) { var s = sscore(k); return s && s.comps[name] ? s.comps[name][0] : null; }, cell: function (k) {
        var s = sscore(k), c = s && s.comps[name];
        if (!c) return txt("–");
        var m = meter(c[0], 1, scoreColor(c[0]));
        if (c[2]) m.setAttribute("title", c[2]);
        return m;
      } });
    });
  }
  srcCols.push({ label: "Articles", num: true, key: function (k) { return D.srcStats[k][0]; }, cell: function (k) { return txt(fmt(D.srcStats[k][0])); } });
  srcCols.push({ label: "Flagged", num: true, key: function (k) { return D.srcStats[k][1] / Math.max(1, D.srcStats[k][0]); }, cell: function (k) {
    var st = D.srcStats[k];
    return txt(fmt(st[1]) + " (" + Math.round(100 * st[1] / Math.max(1, st[0])) + "%)");
  } });
  srcCols.push({ label: "With errors", num: true, key: function (k) { return D.srcStats[k][2]; }, cell: function (k) { return txt(fmt(D.srcStats[k][2])); } });

  function sourceDetail(k) {
    var box = el("div", { cls: "src-articles" });
    var s = sscore(k);
    if (s && compNames.length) {
      var ul = el("ul", { cls: "comp-list" });
      compNames.forEach(function (name) {
        var c = s.comps[name];
        if (c) ul.appendChild(el("li", null, [el("b", { text: label(name) + ": " }), txt(fmt(c[0], 2) + (c[1] !== null ? " × weight " + fmt(c[1], 2) : "") + (c[2] ? " — " + c[2] : ""))]));
      });
      box.appendChild(ul);
    }
    var rows = [];
    for (var i = 0; i < N; i++) if (R.s[i] === k) rows.push(i);
    rows.sort(function (a, b) { return (worst(b) * 1e6 + R.n[b]) - (worst(a) * 1e6 + R.n[a]) || a - b; });
    var shown = rows.slice(0, 25);
    var t = el("table", null, [el("thead", null, [el("tr", null, [
      el("th", { scope: "col", text: "Article" }), el("th", { scope: "col", text: "Severity" }),
      el("th", { scope: "col", text: "Categories" }), el("th", { scope: "col", cls: "numc", text: "Findings" })])])]);
    var tb = el("tbody");
    shown.forEach(function (i) {
      var open = el("button", { type: "button", cls: "expander", title: "Open in the article list", onclick: function () {
        clearFilters();
        onlyRow = i;
        articles.setRows([i]);
        goTab("articles");
        var first = document.querySelector("#articles-table tbody tr.row button.expander");
        if (first) { first.click(); first.focus(); }
      } }, [articleLabel(i)]);
      tb.appendChild(el("tr", null, [el("td", null, [open]), el("td", null, [sevBadge(worst(i))]), el("td", null, [catSquares(R.cs[i])]), el("td", { cls: "numc", text: fmt(R.n[i]) })]));
    });
    t.appendChild(tb);
    box.appendChild(t);
    box.appendChild(el("p", null, [
      rows.length > shown.length ? txt("The " + shown.length + " most serious of " + nf.format(rows.length) + " articles. ") : null,
      el("button", { type: "button", cls: "btn", onclick: function () {
        clearFilters();
        fsrc.value = String(k);
        refilter();
        goTab("articles");
      } }, ["Show in the article list →"])
    ]));
    return box;
  }
  var srcRows = D.srcNames.map(function (_, k) { return k; });
  var sources = new Table({
    mount: document.getElementById("sources-table"), pager: document.getElementById("src-pager"), idPrefix: "src", caption: "Sources",
    cols: srcCols, rows: srcRows, sortCol: D.srcScores.length ? 1 : srcCols.length - 3, sortDir: "descending", detail: sourceDetail
  });
  sources.render();

  window.addEventListener("beforeprint", function () { articles.openAllOnPage(); });
  root.setAttribute("data-ready", "1");
  if (window.performance && performance.mark) performance.mark("newsaudit:ready");
})();
