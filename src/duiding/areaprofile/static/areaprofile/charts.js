/* Duiding charts: the interactive Vega-Lite charts of the Staat van de wijk page, on demand.
 * The rows show server-drawn SVG sparklines (core/sparkline.py); Vega (about 1 MB of script) is
 * loaded only when a reader opens a row's "Bron en toelichting" (the detail chart) or
 * scrolls the map into view. Trend charts share one template (#trend-template) and one data
 * object (#trend-data); each chart element names its entry in data-trend. Maps read their spec
 * from a JSON script element named in data-vega-map. Works again after htmx swaps content in. */
(function () {
  "use strict";
  var NL_LOCALE = { decimal: ",", thousands: ".", grouping: [3], currency: ["€ ", ""] };
  var EMBED = { actions: false, renderer: "svg", formatLocale: NL_LOCALE, tooltip: { theme: "light" } };
  var me = document.currentScript;
  var sources = me ? [me.dataset.vega, me.dataset.vegaLite, me.dataset.vegaEmbed] : [];
  var loading = null;
  var template = null;
  var trendData = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = reject;
      document.head.appendChild(s);
    });
  }

  function loadVega() {
    if (window.vegaEmbed) return Promise.resolve();
    if (loading === null) {
      loading = sources.reduce(function (chain, src) {
        return chain.then(function () { return loadScript(src); });
      }, Promise.resolve());
    }
    return loading;
  }

  function fromScript(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : undefined;
  }

  function merge(base, extra) {
    Object.keys(extra).forEach(function (key) {
      var value = extra[key];
      var isObject = value && typeof value === "object" && !Array.isArray(value);
      var baseIsObject = base[key] && typeof base[key] === "object" && !Array.isArray(base[key]);
      if (isObject && baseIsObject) merge(base[key], value); else base[key] = value;
    });
    return base;
  }

  function renderTrend(el) {
    if (el.dataset.rendered) return;
    if (template === null) template = fromScript("trend-template") || null;
    if (!template) return;
    if (trendData === null) trendData = fromScript("trend-data") || {};
    var data = trendData[el.dataset.trend];
    if (!data) return;
    el.dataset.rendered = "loading";
    var spec = JSON.parse(JSON.stringify(template));
    spec.data = { values: data.values };
    // The chart's own legend (areas, colours, dashes), year axis, number format and tooltip
    // (core/charts.py `trend_encoding`, merged the same way as `charts.merge`).
    merge(spec.encoding, data.encoding);
    loadVega()
      .then(function () { return window.vegaEmbed(el, spec, EMBED); })
      .then(function () { el.dataset.rendered = "1"; })
      .catch(function () { el.dataset.rendered = "error"; });
  }

  function renderMap(el) {
    if (el.dataset.rendered) return;
    var source = document.getElementById(el.dataset.vegaMap);
    if (!source) return;
    el.dataset.rendered = "loading";
    loadVega()
      .then(function () { return window.vegaEmbed(el, JSON.parse(source.textContent), EMBED); })
      .then(function () { el.dataset.rendered = "1"; })
      .catch(function () { el.dataset.rendered = "error"; });
  }

  var observer = "IntersectionObserver" in window
    ? new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) {
            observer.unobserve(entry.target);
            renderMap(entry.target);
          }
        });
      }, { rootMargin: "300px" })
    : null;

  function init(root) {
    (root || document).querySelectorAll("[data-vega-map]").forEach(function (el) {
      if (observer) observer.observe(el); else renderMap(el);
    });
    (root || document).querySelectorAll("details[data-trend-detail][open] [data-trend]").forEach(renderTrend);
  }

  // "toggle" does not bubble: listen in the capture phase for every row's details.
  document.addEventListener("toggle", function (event) {
    var details = event.target;
    if (!details.open || !details.matches || !details.matches("details[data-trend-detail]")) return;
    details.querySelectorAll("[data-trend]").forEach(renderTrend);
  }, true);
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSettle", function (event) { init(event.target); });
})();
