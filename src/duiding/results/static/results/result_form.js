/* Result form: show the combination indicator and the common target only for the rules that use
 * them (progressive enhancement: without JavaScript every field shows, with a note saying when it
 * applies). Hidden fields keep their values (the server ignores them under other rules), so a
 * round trip via "Tekst controleren" loses nothing. */
(function () {
  "use strict";
  function update(form) {
    var checked = form.querySelector('input[name="rule"]:checked');
    var rule = checked ? checked.value : "each";
    form.querySelectorAll("[data-for-rules]").forEach(function (block) {
      var on = block.getAttribute("data-for-rules").split(" ").indexOf(rule) !== -1;
      block.hidden = !on;
    });
  }
  function init() {
    document.querySelectorAll("[data-combined-fields]").forEach(function (wrapper) {
      var form = wrapper.closest("form");
      var note = wrapper.querySelector("[data-no-js-note]");
      if (note) note.hidden = true;
      form.querySelectorAll('input[name="rule"]').forEach(function (radio) {
        radio.addEventListener("change", function () { update(form); });
      });
      update(form);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
