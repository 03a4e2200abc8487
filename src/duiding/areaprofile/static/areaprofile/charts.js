/* Duiding charts: render Vega-Lite trend charts and choropleth maps with vega-embed.
 * Trend charts share one template (#trend-template) and one data object (#trend-data); each chart
 * element names its entry in data-trend (values and the chart's own encoding parts). Charts render when they scroll into view. Maps read their spec from a JSON script
 * element named in data-vega-map. Works again after htmx swaps content in. */
(function () {
  "use strict";
  var NL_LOCALE = { decimal: ",", thousands: ".", grouping: [3], currency: ["€ ", ""] };
  var EMBED = { actions: false, renderer: "svg", formatLocale: NL_LOCALE, tooltip: { theme: "light" } };
  var template = null;
  var trendData = null;

  function fromScript(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : undefined;
  }

  function trendTemplate() {
    if (template === null) template = fromScript("trend-template");
    return template;
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
    if (el.dataset.rendered || !window.vegaEmbed) return;
    var base = trendTemplate();
    if (!base) return;
    el.dataset.rendered = "1";
    if (trendData === null) trendData = fromScript("trend-data") || {};
    var data = trendData[el.dataset.trend];
    if (!data) return;
    var spec = JSON.parse(JSON.stringify(base));
    spec.data = { values: data.values };
    // The chart's own legend (areas, colours, dashes), year axis, number format and tooltip
    // (core/charts.py `trend_encoding`, merged the same way as `charts.merge`).
    merge(spec.encoding, data.encoding);
    window.vegaEmbed(el, spec, EMBED).catch(function () { el.dataset.rendered = "error"; });
  }

  function renderMap(el) {
    if (el.dataset.rendered || !window.vegaEmbed) return;
    var source = document.getElementById(el.dataset.vegaMap);
    if (!source) return;
    el.dataset.rendered = "1";
    window.vegaEmbed(el, JSON.parse(source.textContent), EMBED).catch(function () {
      el.dataset.rendered = "error";
    });
  }

  var observer = "IntersectionObserver" in window
    ? new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) {
            observer.unobserve(entry.target);
            renderTrend(entry.target);
          }
        });
      }, { rootMargin: "200px" })
    : null;

  function init(root) {
    (root || document).querySelectorAll("[data-trend]").forEach(function (el) {
      if (observer) observer.observe(el); else renderTrend(el);
    });
    (root || document).querySelectorAll("[data-vega-map]").forEach(renderMap);
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSettle", function (event) { init(event.target); });
})();
