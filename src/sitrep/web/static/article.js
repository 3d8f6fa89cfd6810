// Article view: hover or click a highlighted span to see the facts it carries.
// Facts come from a JSON <script> block; everything is inserted with textContent (never innerHTML).
(function () {
  "use strict";
  var table = document.getElementById("facts");
  var panel = document.getElementById("fact-panel-body");
  if (!table || !panel) return;
  var facts = JSON.parse(table.textContent || "[]");
  var selected = null;

  function show(el) {
    panel.replaceChildren();
    var ids = (el.getAttribute("data-f") || "").split(",").filter(Boolean);
    ids.forEach(function (i) {
      var f = facts[+i];
      if (!f) return;
      var h = document.createElement("h3");
      h.textContent = f.kind;
      var dl = document.createElement("dl");
      Object.keys(f).forEach(function (k) {
        if (k === "kind" || f[k] === null || f[k] === "" || f[k] === undefined) return;
        var dt = document.createElement("dt"); dt.textContent = k;
        var dd = document.createElement("dd");
        var v = f[k];
        if (k === "href") {
          var a = document.createElement("a"); a.textContent = "open"; a.href = String(v);
          dd.appendChild(a);
        } else {
          dd.textContent = typeof v === "object" ? JSON.stringify(v) : String(v);
        }
        dl.appendChild(dt); dl.appendChild(dd);
      });
      panel.appendChild(h); panel.appendChild(dl);
    });
  }
  var text = document.querySelector(".article-text");
  if (!text) return;
  text.addEventListener("mouseover", function (e) {
    var el = e.target.closest(".hl"); if (el && !selected) show(el);
  });
  function select(el) {
    if (selected) selected.classList.remove("selected");
    selected = el; el.classList.add("selected"); show(el);
  }
  text.addEventListener("click", function (e) {
    var el = e.target.closest(".hl"); if (el) select(el);
  });
  // keyboard: every fact (not greyed boilerplate) is a tab stop; Enter or Space shows it
  Array.prototype.forEach.call(text.querySelectorAll(".hl"), function (el) {
    if (el.classList.length === 2 && el.classList.contains("hl-boilerplate")) return;
    el.tabIndex = 0;
    el.setAttribute("role", "button");
  });
  text.addEventListener("focusin", function (e) {
    var el = e.target.closest(".hl"); if (el && !selected) show(el);
  });
  text.addEventListener("keydown", function (e) {
    var el = e.target.closest(".hl");
    if (el && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); select(el); }
  });
  // #e<start>-<end> in the URL: scroll to and select the evidence of an event
  var first = document.querySelector(".hl-evidence.target, .hl.target");
  if (first) { first.scrollIntoView({block: "center"}); first.classList.add("selected"); selected = first; show(first); }
})();
