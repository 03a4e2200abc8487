/* Sentence builder of the activity form: composes "We zetten {activiteit} in voor {doelgroep},
   zodat {factor} versterkt/vermindert en {resultaat} dichterbij komt" while the form is filled.
   The same sentence is composed on the server (activities/sentence.py); without JavaScript the
   page shows the server's sentence. The translated pieces come from #sentence-templates. */
(function () {
  "use strict";

  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_m, key) { return values[key]; });
  }

  function lowerFirst(text) {
    if (text.length > 1 && text[0] === text[0].toUpperCase() && text[1] !== text[1].toUpperCase()) {
      return text[0].toLowerCase() + text.slice(1);
    }
    return text;
  }

  function join(parts, t) {
    if (!parts.length) { return t.placeholder; }
    if (parts.length === 1) { return parts[0]; }
    return fill(t.and, { first: parts.slice(0, -1).join(", "), last: parts[parts.length - 1] });
  }

  function labelsOf(form, name) {
    var boxes = form.querySelectorAll('input[name="' + name + '"]:checked');
    return Array.prototype.map.call(boxes, function (box) {
      var label = form.querySelector('label[for="' + box.id + '"]');
      return label ? label.textContent.trim() : "";
    });
  }

  function compose(form, t) {
    var name = form.querySelector('[name="name"]').value.trim();
    var group = form.querySelector('[name="target_group"]').value.trim();
    var factors = labelsOf(form, "strengthens").map(function (f) {
      return fill(t.versterkt, { factor: lowerFirst(f) });
    }).concat(labelsOf(form, "reduces").map(function (f) {
      return fill(t.vermindert, { factor: lowerFirst(f) });
    }));
    var results = labelsOf(form, "results").map(function (r) {
      return "„" + r.replace(/\.\s*$/, "") + "”";
    });
    return fill(results.length > 1 ? t.many : t.one, {
      activity: name || t.placeholder,
      target_group: lowerFirst(group) || t.placeholder,
      factors: join(factors, t),
      results: join(results, t)
    });
  }

  function start() {
    var form = document.querySelector("[data-sentence-form]");
    var data = document.getElementById("sentence-templates");
    var output = document.getElementById("zin");
    if (!form || !data || !output) { return; }
    var t = JSON.parse(data.textContent);
    var update = function () { output.textContent = compose(form, t); };
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
