/* After a refused submit the page opens with an error summary above the form: move the focus to
   its heading so keyboard and screen reader users start there; its links jump to the fields.
   Without JavaScript the summary is simply the first thing in the form. */
(function () {
  "use strict";

  function start() {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) { return; }
    var heading = summary.querySelector("[tabindex='-1']") || summary;
    heading.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) { return; }
      var field = document.getElementById(link.getAttribute("href").slice(1));
      if (field) {
        event.preventDefault();
        field.focus();
        field.scrollIntoView({ block: "center" });
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
