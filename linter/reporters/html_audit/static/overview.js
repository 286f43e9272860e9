(function () {
  "use strict";
  // The table of reports: built from the JSON beside it with DOM calls (text is never
  // parsed as HTML), filtered and sorted in memory; only the first PAGE matching rows
  // are in the document at a time, so a batch of thousands stays quick.
  var PAGE = 500;
  var data = JSON.parse(document.getElementById("reports-data").textContent);
  var families = JSON.parse(document.getElementById("families-data").textContent);
  var levelText = JSON.parse(document.getElementById("levels-data").textContent);
  var table = document.getElementById("reports");
  var body = table.tBodies[0];
  var shown = document.getElementById("shown");
  var more = document.getElementById("more");
  var controls = {
    search: document.getElementById("search"),
    family: document.getElementById("family"),
    year: document.getElementById("year"),
    kind: document.getElementById("kind"),
    level: document.getElementById("level")
  };
  var collator = new Intl.Collator("zh");
  var rows = {};
  var matching = data;
  var limit = PAGE;

  function cell(tr, text, cls) {
    var td = document.createElement("td");
    td.textContent = text === null || text === undefined ? "" : String(text);
    if (cls) { td.className = cls; }
    tr.appendChild(td);
  }

  function row(r) {
    var tr = rows[r.n];
    if (tr) { return tr; }
    tr = document.createElement("tr");
    cell(tr, r.n, "num");
    var td = document.createElement("td");
    var a = document.createElement("a");
    a.href = r.page;
    a.textContent = r.agency || r.path.split("/").pop();
    td.appendChild(a);
    tr.appendChild(td);
    cell(tr, r.path, "path");
    cell(tr, r.year, "num");
    cell(tr, r.kind);
    cell(tr, r.published);
    families.forEach(function (f) { cell(tr, r.f[f] || 0, "num"); });
    cell(tr, r.total, "num");
    cell(tr, levelText[r.worst] || "", r.worst ? "level-" + r.worst : "");
    rows[r.n] = tr;
    return tr;
  }

  function render() {
    var fragment = document.createDocumentFragment();
    var n = Math.min(limit, matching.length);
    for (var i = 0; i < n; i += 1) { fragment.appendChild(row(matching[i])); }
    body.replaceChildren(fragment);
    shown.textContent = matching.length + " / " + data.length;
    more.hidden = matching.length <= n;
    more.textContent = more.dataset.label.replace("{n}", String(matching.length - n));
  }

  function matches(r, q) {
    if (q && r.text.indexOf(q) < 0) { return false; }
    if (controls.family.value && !r.f[controls.family.value]) { return false; }
    if (controls.year.value && String(r.year) !== controls.year.value) { return false; }
    if (controls.kind.value && r.kind !== controls.kind.value) { return false; }
    var level = controls.level.value;
    if (level === "none" && r.worst) { return false; }
    if (level && level !== "none" && r.worst !== level) { return false; }
    return true;
  }

  function filter() {
    var q = controls.search.value.trim().toLowerCase();
    matching = data.filter(function (r) { return matches(r, q); });
    limit = PAGE;
    render();
  }

  function value(r, key) {
    if (key.indexOf("f:") === 0) { return r.f[key.slice(2)] || 0; }
    if (key === "worst") { return { error: 3, warning: 2, note: 1 }[r.worst] || 0; }
    var v = r[key];
    return v === null || v === undefined ? "" : v;
  }

  function sortBy(th) {
    var key = th.dataset.key;
    var descending = th.getAttribute("aria-sort") !== "descending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    data.sort(function (a, b) {
      var x = value(a, key), y = value(b, key);
      var order = typeof x === "number" && typeof y === "number"
        ? x - y : collator.compare(String(x), String(y));
      return (descending ? -order : order) || a.n - b.n;
    });
    filter();
  }

  data.forEach(function (r) { r.text = (r.agency + " " + r.path).toLowerCase(); });
  Object.keys(controls).forEach(function (k) {
    controls[k].addEventListener(k === "search" ? "input" : "change", filter);
  });
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    if (th.dataset.key) { th.addEventListener("click", function () { sortBy(th); }); }
  });
  more.addEventListener("click", function () { limit += PAGE * 4; render(); });
  filter();
})();
