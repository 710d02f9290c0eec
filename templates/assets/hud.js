// OOT HUD progressive enhancement. Every page works without this file; with it:
//  - relative times ("3h ago") are recomputed against the reader's clock from their
//    data-t="YYYY-MM-DD HH:MM UTC" attribute, so a page cached for hours stays truthful
//    (not on a snapshot, <body data-snapshot>: pages rendered as of a fixed time, like the demo);
//  - inputs with data-filter="<selector>" (hidden without JavaScript) hide the rows matching
//    the selector whose text does not contain what was typed.
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
})();
