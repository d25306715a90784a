(function () {
  "use strict";
  var dataNode = document.getElementById("mg-data");
  var data = dataNode ? JSON.parse(dataNode.textContent) : { rows: [], labels: {} };
  var rows = data.rows;
  var L = data.labels;
  var tip = document.getElementById("mg-tip");
  var shown = null;

  function el(tag, cls, text, lang) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    if (lang) node.lang = lang;
    return node;
  }

  function chip(text, cls) {
    return el("span", "mg-chip " + (cls || ""), text);
  }

  function entry(list, term, value, cls, lang) {
    if (!value) return;
    list.appendChild(el("dt", "", term));
    var dd = el("dd", cls || "", null, lang);
    if (typeof value === "string") dd.textContent = value; else dd.appendChild(value);
    list.appendChild(dd);
  }

  function fill(mark) {
    var row = rows[Number(mark.getAttribute("data-r"))];
    if (!row) return false;
    var found = mark.firstChild ? mark.firstChild.nodeValue : "";
    var status = mark.getAttribute("data-st");
    var form = mark.getAttribute("data-f");
    tip.textContent = "";

    var head = el("div", "mg-tip-head");
    head.appendChild(el("span", "mg-tip-fr", found, mark.closest("[lang]") ? mark.closest("[lang]").lang : "fr"));
    head.appendChild(el("span", "mg-tip-arrow", "\u2192"));
    if (row.en) head.appendChild(el("span", "mg-tip-en", row.en, "en"));
    else head.appendChild(el("span", "mg-tip-none", L.no_en));
    tip.appendChild(head);

    var chips = el("div", "mg-tip-chips");
    chips.appendChild(el("span", "mg-sample mg-s-" + row.source + " mg-c-" + row.category, row.category_label));
    chips.appendChild(chip(L.status[status] || status, "mg-st-" + status));
    chips.appendChild(chip(row.source_label, ""));
    tip.appendChild(chips);

    var list = el("dl");
    entry(list, row.source === "candidate" ? L.lemma : L.form, form, "", "fr");
    if (row.fr && row.fr !== form) entry(list, L.fr_preferred, row.fr, "", "fr");
    if (row.alternatives.length) entry(list, L.alternatives, row.alternatives.join(" \u00b7 "), "", "en");
    if (row.definition_en) entry(list, L.definition, row.definition_en, "mg-tip-def", "en");
    else if (row.definition_fr) entry(list, L.definition, row.definition_fr, "mg-tip-def", "fr");
    if (row.codes.length) entry(list, L.codes, row.codes.join(" \u00b7 "));
    row.avoid.forEach(function (a) {
      entry(list, L.avoid, a[0] + " (" + a[1] + ")" + (a[2] ? " \u2014 " + a[2] : ""), "mg-tip-avoid", "en");
    });
    if (row.source === "candidate") entry(list, L.score, row.score);
    tip.appendChild(list);
    tip.appendChild(el("div", "mg-tip-foot", L.occurrences + " " + row.occurrences + (row.concept_id ? " \u00b7 " + row.concept_id : "")));
    return true;
  }

  function place(mark) {
    var rects = mark.getClientRects();
    var r = rects.length ? rects[0] : mark.getBoundingClientRect();
    var docWidth = document.documentElement.clientWidth;
    var width = tip.offsetWidth;
    var height = tip.offsetHeight;
    var left = Math.max(8, Math.min(r.left, docWidth - width - 8));
    var top = r.bottom + 8;
    if (top + height > window.innerHeight - 8 && r.top - height - 8 > 0) top = r.top - height - 8;
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (top + window.scrollY) + "px";
  }

  function show(mark) {
    if (shown === mark && !tip.hidden) return;
    if (!fill(mark)) return;
    shown = mark;
    tip.hidden = false;
    place(mark);
  }

  function hide() {
    shown = null;
    tip.hidden = true;
  }

  function termOf(node) {
    return node && node.closest ? node.closest(".mg-term") : null;
  }

  document.addEventListener("mouseover", function (e) {
    var mark = termOf(e.target);
    if (mark) show(mark);
  });
  document.addEventListener("mouseout", function (e) {
    var mark = termOf(e.target);
    if (mark && !mark.contains(e.relatedTarget) && document.activeElement !== mark) hide();
  });
  document.addEventListener("focusin", function (e) {
    var mark = termOf(e.target);
    if (mark) show(mark); else hide();
  });
  document.addEventListener("focusout", function (e) {
    if (termOf(e.target) && !termOf(e.relatedTarget)) hide();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") hide();
  });
  window.addEventListener("resize", function () { if (shown) place(shown); });

  function toggle(id, cls, whenChecked) {
    var box = document.getElementById(id);
    if (!box) return;
    var apply = function () { document.body.classList.toggle(cls, box.checked === whenChecked); };
    box.addEventListener("change", apply);
    apply();
  }
  toggle("mg-opt-en", "mg-show-en", true);
  toggle("mg-opt-cand", "mg-hide-cand", false);

  var printButton = document.getElementById("mg-print");
  if (printButton) printButton.addEventListener("click", function () { window.print(); });

  /* term table: sort by column, filter, jump to the first occurrence */
  var table = document.getElementById("mg-table");
  if (table) {
    var body = table.tBodies[0];
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = th.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        var numeric = th.getAttribute("data-type") === "num";
        var items = Array.prototype.slice.call(body.rows);
        items.sort(function (a, b) {
          var x = a.cells[col].getAttribute("data-v") || a.cells[col].textContent;
          var y = b.cells[col].getAttribute("data-v") || b.cells[col].textContent;
          var d = numeric ? Number(x) - Number(y) : x.localeCompare(y, document.documentElement.lang, { sensitivity: "base" });
          return ascending ? d : -d;
        });
        items.forEach(function (tr) { body.appendChild(tr); });
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      });
    });
    var fold = function (s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); };
    var filter = document.getElementById("mg-filter");
    var count = document.getElementById("mg-count");
    if (filter) {
      filter.addEventListener("input", function () {
        var q = fold(filter.value.trim());
        var visible = 0;
        Array.prototype.forEach.call(body.rows, function (tr) {
          var match = !q || fold(tr.textContent).indexOf(q) >= 0;
          tr.hidden = !match;
          if (match) visible += 1;
        });
        if (count) count.textContent = visible + " / " + body.rows.length;
      });
    }
    table.addEventListener("click", function (e) {
      var link = e.target.closest ? e.target.closest("a[data-jump]") : null;
      if (!link) return;
      var mark = document.getElementById(link.getAttribute("data-jump"));
      if (!mark) return;
      e.preventDefault();
      mark.scrollIntoView({ block: "center" });
      mark.focus({ preventScroll: true });
    });
  }
})();
