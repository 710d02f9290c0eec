// OOT HUD progressive enhancement. Every page works without this file; with it:
//  - relative times ("3h ago") are recomputed against the reader's clock from their
//    data-t="YYYY-MM-DD HH:MM UTC" attribute, so a page cached for hours stays truthful
//    (not on a snapshot, <body data-snapshot>: pages rendered as of a fixed time, like the demo);
//  - inputs with data-filter="<selector>" (hidden without JavaScript) hide the rows matching
//    the selector whose text does not contain what was typed;
//  - in a job matrix, each cell's tooltip and screen-reader text (aria-label) start with its job
//    (the column header, or its data-label) and its PR or commit (the row), and the tooltip is
//    one box placed inside the window, never clipped by the scrolling table (issue 15);
//  - a cell with data-log (a job whose link is its drill-down) gets "Show log ›" in its tooltip,
//    which stays open while the pointer moves into it (issue 18, upstream's pinned tooltip).
(function () {
  "use strict";
  function parse(text) {
    var m = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d) UTC$/.exec(text || "");
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]) : NaN;
  }
  function relative(ms) {
    var s = (Date.now() - ms) / 1000;
    if (s < 60) return "just now";
    if (s < 3600) return Math.floor(s / 60) + "m ago";
    if (s < 86400) return Math.floor(s / 3600) + "h ago";
    return Math.floor(s / 86400) + "d ago";
  }
  function refresh() {
    var nodes = document.querySelectorAll("[data-t]");
    for (var i = 0; i < nodes.length; i++) {
      var t = parse(nodes[i].getAttribute("data-t"));
      if (!isNaN(t)) nodes[i].textContent = relative(t);
    }
  }
  if (!document.body.hasAttribute("data-snapshot")) {
    refresh();
    setInterval(refresh, 60000);
  }

  var inputs = document.querySelectorAll("input[data-filter]");
  for (var j = 0; j < inputs.length; j++) {
    (function (input) {
      var rows = document.querySelectorAll(input.getAttribute("data-filter"));
      var status = document.getElementById(input.getAttribute("aria-describedby") || "");
      input.hidden = false;
      input.addEventListener("input", function () {
        var q = input.value.trim().toLowerCase(), shown = 0;
        for (var k = 0; k < rows.length; k++) {
          var match = !q || rows[k].textContent.toLowerCase().indexOf(q) !== -1;
          rows[k].hidden = !match;
          if (match) shown++;
        }
        if (status) status.textContent = q ? shown + " of " + rows.length + " rows" : "";
      });
    })(inputs[j]);
  }

  var tables = document.querySelectorAll("table.matrix");
  if (!tables.length) return;
  var tip = document.createElement("div");
  tip.className = "tip";
  tip.setAttribute("aria-hidden", "true");
  tip.hidden = true;
  document.body.appendChild(tip);
  document.documentElement.className += " js-tips";
  var shown = null, leaving = null;
  function show(cell) {
    clearTimeout(leaving);
    shown = cell;
    tip.textContent = cell.getAttribute("aria-label");
    var log = cell.getAttribute("data-log");
    tip.className = log ? "tip tip-log" : "tip";
    if (log) {
      var line = document.createElement("div");
      var a = document.createElement("a");
      a.href = log;
      a.textContent = "Show log \u203a";
      a.tabIndex = -1; // pointer only: keyboard users reach the log through the cell's drill-down
      line.appendChild(a);
      tip.appendChild(line);
    }
    tip.hidden = false;
    var r = cell.getBoundingClientRect(), w = tip.offsetWidth, h = tip.offsetHeight;
    var room = document.documentElement.clientWidth, high = window.innerHeight;
    var x = Math.max(8, Math.min(r.left, room - w - 8));
    var y = r.bottom + 4 + h <= high - 8 ? r.bottom + 4 : Math.max(8, r.top - h - 4);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function hide() { clearTimeout(leaving); tip.hidden = true; shown = null; }
  // The pointer may cross from the cell into the tooltip to reach its log link.
  function hideSoon() { clearTimeout(leaving); leaving = setTimeout(hide, 300); }
  tip.addEventListener("mouseenter", function () { clearTimeout(leaving); });
  tip.addEventListener("mouseleave", hideSoon);
  function cellOf(event, table) {
    var node = event.target;
    while (node && node !== table && !(node.hasAttribute && node.hasAttribute("aria-label"))) node = node.parentNode;
    return node && node !== table ? node : null;
  }
  for (var t = 0; t < tables.length; t++) {
    (function (table) {
      var heads = table.querySelectorAll("thead th.jobcol");
      var jobs = [];
      for (var h = 0; h < heads.length; h++) jobs.push(heads[h].getAttribute("data-label") || heads[h].textContent.trim());
      var rows = table.tBodies.length ? table.tBodies[0].rows : [];
      for (var r = 0; r < rows.length; r++) {
        var pr = rows[r].querySelector(".pr"), sha = rows[r].querySelector(".sha");
        var subject = pr && pr.textContent.trim() ? "PR " + pr.textContent.trim() : sha ? sha.textContent.trim() : "";
        var cells = rows[r].cells, first = cells.length - jobs.length;
        for (var c = 0; c < jobs.length; c++) {
          var label = cells[first + c] && cells[first + c].querySelector("[aria-label]");
          if (label) label.setAttribute("aria-label", jobs[c] + " · " + subject + ": " + label.getAttribute("aria-label"));
        }
      }
      table.addEventListener("mouseover", function (e) { var cell = cellOf(e, table); if (cell) show(cell); else hideSoon(); });
      table.addEventListener("mouseleave", hideSoon);
      table.addEventListener("focusin", function (e) { var cell = cellOf(e, table); if (cell) show(cell); });
      table.addEventListener("focusout", hide);
    })(tables[t]);
  }
  // Focus scrolls the cell into view: the tooltip follows its cell.
  window.addEventListener("scroll", function () { if (shown) show(shown); }, true);
  window.addEventListener("resize", function () { if (shown) show(shown); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
})();
