// Sortable tables: every heading of a table.sortable becomes a button (keyboard reachable) that
// sorts the rows by that column; again to reverse. Day group rows (tr.day-row) show only in the
// original order. No innerHTML: rows are moved, never rebuilt.
(function () {
  "use strict";
  function key(row, col, numeric) {
    var cell = row.cells[col];
    var text = cell ? cell.textContent.trim() : "";
    if (!numeric) return text.toLowerCase();
    var n = parseFloat(text.replace(/[^0-9.\-]/g, ""));
    return isNaN(n) ? -Infinity : n;
  }
  function setup(table) {
    var body = table.tBodies[0];
    if (!body) return;
    var original = Array.prototype.slice.call(body.rows);
    var state = {col: -1, dir: 1};
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      if (th.hasAttribute("data-nosort") || !th.textContent.trim()) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var numeric = th.getAttribute("data-sort") === "number";
        state.dir = state.col === col ? -state.dir : 1;
        state.col = col;
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
        var rows = original.filter(function (r) { return !r.classList.contains("day-row"); });
        rows.sort(function (a, b) {
          var x = key(a, col, numeric), y = key(b, col, numeric);
          return (x < y ? -1 : x > y ? 1 : 0) * state.dir;
        });
        original.forEach(function (r) { if (r.classList.contains("day-row")) r.hidden = true; });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), setup);
})();
