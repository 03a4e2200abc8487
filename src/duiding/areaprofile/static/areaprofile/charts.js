/* Duiding charts: render Vega-Lite trend charts and choropleth maps with vega-embed.
 * Trend charts share one template (#trend-template) and one data object (#trend-data); each chart
 * element names its entry in data-trend. Charts render when they scroll into view. Maps read their spec from a JSON script
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
    // Tooltip text "1.234,5%" made by Vega (Dutch locale) instead of shipping it per point.
    spec.transform = [{
      calculate: "format(datum.v, " + JSON.stringify(data.f) + ") + " + JSON.stringify(data.u),
      as: "t"
    }];
    spec.encoding.x.scale = { domain: data.periods };
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
