"""The distribution of one question as a Vega-Lite bar chart, built in Python (Altair validates
the template once per language, as `core.charts` does): one bar per answer value (every value of
the scale, also zeros), stacked by where the count comes from (answers or entered figures, named
in a legend), the count written above each bar. A count that is not shown ("minder dan 5", "niet
getoond") has no bar, only its text. Axis titles in Dutch, whole-number ticks, Dutch number
format through vega-embed's formatLocale; the page has a table of the same numbers beside it.
"""

from __future__ import annotations

import copy
from functools import lru_cache

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from duiding.core.charts import SCHEMA
from duiding.outcomes.suppression import SMALL

ANSWERED_COLOUR = "#1c3a5e"
ENTERED_COLOUR = "#b35900"
LABEL_LIMIT = 90


@lru_cache(maxsize=8)
def _template(language: str) -> dict:
    import altair as alt

    answered, entered = _("Antwoorden"), _("Ingevoerde cijfers")
    x = alt.X(
        "v:N",
        title=_("Antwoord"),
        sort=alt.EncodingSortField("o", order="ascending"),
        axis=alt.Axis(labelAngle=0, labelLimit=LABEL_LIMIT, labelFontSize=11, titleFontSize=12),
    )
    bars = (
        alt.Chart()
        .mark_bar()
        .encode(
            x=x,
            y=alt.Y(
                "c:Q",
                title=_("Aantal"),
                stack="zero",
                axis=alt.Axis(format=",d", tickMinStep=1, titleFontSize=12),
            ),
            color=alt.Color(
                "s:N",
                title=_("Bron"),
                scale=alt.Scale(
                    domain=[answered, entered], range=[ANSWERED_COLOUR, ENTERED_COLOUR]
                ),
                legend=alt.Legend(orient="bottom", direction="horizontal", labelFontSize=11),
            ),
            tooltip=[
                alt.Tooltip("v:N", title=_("Antwoord")),
                alt.Tooltip("s:N", title=_("Bron")),
                alt.Tooltip("c:Q", title=_("Aantal"), format=",d"),
            ],
        )
        .transform_filter("datum.c != null")
    )
    labels = (
        alt.Chart()
        .mark_text(dy=-6, fontSize=11, color="#1a1a1a")
        .encode(
            x=x,
            y=alt.Y(
                "y:Q",
                stack=None,
                title=_("Aantal"),
                axis=alt.Axis(format=",d", tickMinStep=1, titleFontSize=12),
            ),
            text="t:N",
        )
        .transform_filter("datum.t != null")
    )
    chart = alt.layer(bars, labels).properties(width="container", height=180)
    spec = chart.configure_view(stroke=None).to_dict()
    spec.pop("data", None)
    spec.pop("datasets", None)
    for layer in spec["layer"]:
        layer.pop("data", None)  # the data is set per chart, on the top level
    spec["$schema"] = SCHEMA
    return spec


def _bar_text(count) -> str:
    """The short text above a bar: the count, "<5" for "minder dan 5", "–" for "niet getoond"
    (the table beside the chart says it in words)."""
    if count.shown:
        return count.text
    return "<5" if count.state == SMALL else "–"


def distribution_spec(rows, *, description: str) -> dict:
    """The chart of `rows` (disclosure.ShownRow): bars for the shown counts (stacked answers /
    entered for a raw reader), the count text above each value."""
    answered, entered = _("Antwoorden"), _("Ingevoerde cijfers")
    values = []
    # One kind of axis label per chart: the texts when they all fit, else the answer values (the
    # table under the chart names them); never some of each.
    use_texts = all(len(row.label) <= 24 for row in rows)
    for order, row in enumerate(rows):
        label = row.label if use_texts else row.value
        top = row.count.value if row.count.shown else 0
        values.append({"v": label, "o": order, "t": _bar_text(row.count), "y": top})
        if not row.count.shown:
            continue
        if row.answered is not None:
            parts = [(answered, row.answered.value), (entered, row.entered.value)]
        else:
            parts = [(answered, row.count.value)]
        for source, count in parts:
            if count:
                values.append({"v": label, "o": order, "s": source, "c": count})
    spec = copy.deepcopy(_template(get_language() or "nl"))
    spec["data"] = {"values": values}
    order = list(dict.fromkeys(v["v"] for v in values))  # the values in scale order
    for layer in spec["layer"]:
        layer["encoding"]["x"]["sort"] = order
    if not any(r.entered is not None and r.entered.value for r in rows):
        # answers only: the legend names that one source
        spec["layer"][0]["encoding"]["color"]["scale"] = {
            "domain": [answered],
            "range": [ANSWERED_COLOUR],
        }
    spec["description"] = description
    return spec
