/* Duiding data tables on phones: every body cell of a `table.data` gets its column header as
 * data-label, and the table the class data--stack, so that the CSS can show each row as a
 * stacked block with the headers as labels on a narrow screen. ARIA roles keep the table a
 * table for screen readers when its parts are shown as blocks. A table with the class
 * data--columns (a matrix that needs its columns, in a .table-scroll box), without a header, or
 * that labels its own cells (.cell-label) is left as it is. Runs again after htmx swaps. */
(function () {
  "use strict";

  function text(cell) {
    return cell.textContent.replace(/\s+/g, " ").trim();
  }

  // The header text of each column, from every header row (colspan and rowspan included).
  function columnNames(head) {
    var grid = [];
    Array.prototype.forEach.call(head.rows, function (row, r) {
      grid[r] = grid[r] || [];
      var c = 0;
      Array.prototype.forEach.call(row.cells, function (cell) {
        while (grid[r][c] !== undefined) c += 1;
        for (var dr = 0; dr < cell.rowSpan; dr += 1) {
          grid[r + dr] = grid[r + dr] || [];
          for (var dc = 0; dc < cell.colSpan; dc += 1) grid[r + dr][c + dc] = text(cell);
        }
        c += cell.colSpan;
      });
    });
    var names = [];
    grid.forEach(function (row) {
      row.forEach(function (name, c) {
        var parts = names[c] || [];
        if (name && parts.indexOf(name) === -1) parts.push(name);
        names[c] = parts;
      });
    });
    return names.map(function (parts) { return parts.join(" – "); });
  }

  function setRole(el, role) {
    if (!el.hasAttribute("role")) el.setAttribute("role", role);
  }

  function stack(table) {
    if (table.matches(".data--stack, .data--columns") || table.querySelector(".cell-label")) return;
    var head = table.tHead;
    if (!head || !head.rows.length) return;
    var names = columnNames(head);
    setRole(table, "table");
    Array.prototype.forEach.call(table.querySelectorAll(":scope > thead, :scope > tbody, :scope > tfoot"), function (group) {
      setRole(group, "rowgroup");
      Array.prototype.forEach.call(group.rows, function (row) {
        setRole(row, "row");
        var c = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          if (group === head) setRole(cell, "columnheader");
          else {
            setRole(cell, cell.tagName === "TH" ? "rowheader" : "cell");
            if (names[c] && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", names[c]);
          }
          c += cell.colSpan;
        });
      });
    });
    table.classList.add("data--stack");
  }

  function init(root) {
    (root || document).querySelectorAll("table.data").forEach(stack);
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSettle", function (event) { init(event.target); });
})();
