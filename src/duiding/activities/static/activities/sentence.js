/* Sentence builder of the activity form: composes "We zetten {activiteit} in voor {doelgroep},
   zodat {factoren} worden versterkt, {factoren} afnemen en {resultaat} dichterbij komt" while the
   form is filled. The grammar (every translated piece, singular and plural) comes from the server
   in #sentence-templates (activities/sentence.py, sentence_templates); this script only fills it
   in, in the same order as sentence.compose. Without JavaScript the page shows the server's
   sentence. The sentence is announced politely, half a second after the last change. */
(function () {
  "use strict";

  var DELAY = 500;

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

  function part(pair, key, items, t) {
    var values = {};
    values[key] = join(items, t);
    return fill(pair[items.length <= 1 ? 0 : 1], values);
  }

  function labelsOf(form, name) {
    var boxes = form.querySelectorAll('input[name="' + name + '"]:checked');
    return Array.prototype.map.call(boxes, function (box) {
      var label = form.querySelector('label[for="' + box.id + '"]');
      return label ? label.textContent.trim() : "";
    });
  }

  function activityName(name, t) {
    if (!name) { return t.placeholder; }
    return name.indexOf(":") >= 0 ? fill(t.quote, { text: name }) : name;
  }

  function compose(form, t) {
    var name = form.querySelector('[name="name"]').value.trim();
    var group = form.querySelector('[name="target_group"]').value.trim();
    var effects = [];
    [["strengthens", "versterkt"], ["reduces", "vermindert"]].forEach(function (pair) {
      var names = labelsOf(form, pair[0]).map(lowerFirst);
      if (names.length) { effects.push(part(t[pair[1]], "factors", names, t)); }
    });
    if (!effects.length) { effects.push(t.placeholder); }
    var results = labelsOf(form, "results").map(function (r) {
      return fill(t.quote, { text: r.replace(/\.+\s*$/, "").trim() });
    });
    effects.push(part(t.results, "results", results, t));
    return fill(t.sentence, {
      activity: activityName(name, t),
      target_group: lowerFirst(group) || t.placeholder,
      effects: join(effects, t)
    });
  }

  function start() {
    var form = document.querySelector("[data-sentence-form]");
    var data = document.getElementById("sentence-templates");
    var output = document.getElementById("zin");
    if (!form || !data || !output) { return; }
    var t = JSON.parse(data.textContent);
    var timer = null;
    var update = function () {
      var text = compose(form, t);
      if (output.textContent !== text) { output.textContent = text; }
    };
    var later = function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, DELAY);
    };
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
