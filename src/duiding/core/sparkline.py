"""Small inline SVG trend lines (sparklines), drawn on the server.

A table row shows its trend as a few dozen bytes of SVG instead of a Vega chart: no script, no
layout work in the browser, printable. The interactive Vega-Lite chart stays for the detail
(`core/charts.py`). Input is the compact trend data of `charts.trend_data` (values with period
code `p`, value `v` and role `r`; the shared period order in `periods`), so both read the same
series. Colour *and* dash pattern tell the lines apart, as in the detail chart.

Accessible: the SVG is `role="img"` with an `aria-label` and a `<title>` (the text summary).
"""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from duiding.core.charts import ROLE_COLOURS as CHART_COLOURS
from duiding.core.charts import ROLE_ORDER

# The detail chart's colours (one legend for both); the dashes are the chart's, scaled down.
ROLE_COLOURS = dict(zip(ROLE_ORDER, CHART_COLOURS, strict=True))
ROLE_DASHES = {
    "area": "",
    "parent": "4 2",
    "municipality": "1.5 1.5",
    "country": "5 1.5 1.5 1.5",
    "chosen": "3 1",
}
PAD = 3.0


def _coordinate(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def sparkline_points(
    data: dict, *, width: float, height: float
) -> dict[str, list[tuple[float, float]]]:
    """Per role the (x, y) points in SVG coordinates: x spread over the shared periods, y scaled
    between the lowest and highest value of all lines (a flat line sits in the middle)."""
    periods = data.get("periods") or []
    index = {code: i for i, code in enumerate(periods)}
    values = [v for v in data.get("values", ()) if v.get("v") is not None and v["p"] in index]
    if not values:
        return {}
    low = min(v["v"] for v in values)
    high = max(v["v"] for v in values)
    steps = max(len(periods) - 1, 1)

    def x(i: int) -> float:
        return PAD + (width - 2 * PAD) * (i / steps if len(periods) > 1 else 0.5)

    def y(value: float) -> float:
        if high == low:
            return height / 2
        return PAD + (height - 2 * PAD) * (1 - (value - low) / (high - low))

    lines: dict[str, list[tuple[float, float]]] = {}
    for v in sorted(values, key=lambda v: index[v["p"]]):
        lines.setdefault(v["r"], []).append((x(index[v["p"]]), y(v["v"])))
    return lines


def sparkline_svg(data: dict | None, label: str, *, width: int = 120, height: int = 32) -> str:
    """The trend as an inline SVG string (safe to print); "" when there is nothing to draw."""
    if not data:
        return ""
    lines = sparkline_points(data, width=width, height=height)
    if not lines.get("area"):
        return ""
    parts: list[str] = []
    # Comparison lines first, the area itself on top.
    for role in sorted(lines, key=lambda r: -ROLE_ORDER.index(r) if r in ROLE_ORDER else 0):
        points = lines[role]
        colour = ROLE_COLOURS.get(role, "#5a5a5a")
        dash = ROLE_DASHES.get(role, "")
        stroke_width = "2" if role == "area" else "1.2"
        coords = " ".join(f"{_coordinate(px)},{_coordinate(py)}" for px, py in points)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<polyline points="{coords}" fill="none" stroke="{colour}" '
            f'stroke-width="{stroke_width}"{dash_attr}/>'
        )
    last_x, last_y = lines["area"][-1]
    parts.append(
        f'<circle cx="{_coordinate(last_x)}" cy="{_coordinate(last_y)}" r="2.2" '
        f'fill="{ROLE_COLOURS["area"]}"/>'
    )
    return format_html(
        '<svg class="sparkline" role="img" aria-label="{}" width="{}" height="{}" '
        'viewBox="0 0 {} {}" xmlns="http://www.w3.org/2000/svg"><title>{}</title>{}</svg>',
        label,
        width,
        height,
        width,
        height,
        label,
        mark_safe("".join(parts)),  # noqa: S308 - built above from numbers and constants only
    )
