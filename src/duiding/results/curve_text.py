"""The sentence under a result indicator's curve: did the curve turn, and where does it go?

"Turning the curve" (seed 003) means doing better than the old trend. The old trend is fitted on
the history up to and including the baseline period; the latest figure after the baseline is
compared with what that trend expected for its period. Separately the sentence says where the old
trend ends at the target date, and, with the same numbers as the progress verdict (the straight
line from the baseline to the target, `calculation.progress_verdict`), whether the figures are on
track, so the sentence never contradicts the verdict badge beside it.
"""

from __future__ import annotations

import math

from django.utils.translation import gettext as _

from duiding.core import formatting as fmt
from duiding.results import calculation as calc

REACHED, ON_TRACK, NOT_ON_TRACK, NOT_REACHED = "reached", "on_track", "not_on_track", "not_reached"


def fmt_value(value: float | None, decimals: int, unit: str) -> str:
    if value is None or not math.isfinite(value):
        return "–"
    return fmt.number(value, decimals) + unit


def band_unknown(forecast) -> bool:
    """A trend through two points has no spread to estimate a band from."""
    return forecast is not None and len(forecast.used) < 3


def line_value(baseline_x, baseline, target_x, required, latest_x) -> float:
    """The value on the straight line from the baseline to the target at latest_x (the line the
    progress verdict compares with)."""
    if target_x <= baseline_x:
        return required
    share = min(1.0, (latest_x - baseline_x) / (target_x - baseline_x))
    return baseline + (required - baseline) * share


def _turn_part(forecast, latest, direction, baseline_period, decimals, unit) -> str:
    if forecast is None:
        return _(
            "Voor een verwachte trend zijn te weinig cijfers tot en met de basisperiode "
            "%(period)s (minstens twee perioden nodig)."
        ) % {"period": baseline_period}
    if latest is None:
        return _("Er zijn nog geen cijfers na de basisperiode %(period)s.") % {
            "period": baseline_period
        }
    latest_x, period, value = latest
    expected = forecast.at(latest_x)[0]
    numbers = {
        "period": period,
        "value": fmt_value(value, decimals, unit),
        "expected": fmt_value(expected, decimals, unit),
        "baseline_period": baseline_period,
    }
    better = (
        value > expected + calc.EPS if direction == calc.HIGHER else value < expected - calc.EPS
    )
    if better and direction == calc.HIGHER:
        text = _(
            "In %(period)s is het cijfer %(value)s; de trend tot en met %(baseline_period)s "
            "verwachtte %(expected)s. De cijfers liggen boven de verwachte trend: de curve buigt "
            "de goede kant op."
        )
    elif better:
        text = _(
            "In %(period)s is het cijfer %(value)s; de trend tot en met %(baseline_period)s "
            "verwachtte %(expected)s. De cijfers liggen onder de verwachte trend: de curve buigt "
            "de goede kant op."
        )
    elif direction == calc.HIGHER:
        text = _(
            "In %(period)s is het cijfer %(value)s; de trend tot en met %(baseline_period)s "
            "verwachtte %(expected)s. De cijfers liggen niet boven de verwachte trend: de curve "
            "is nog niet omgebogen."
        )
    else:
        text = _(
            "In %(period)s is het cijfer %(value)s; de trend tot en met %(baseline_period)s "
            "verwachtte %(expected)s. De cijfers liggen niet onder de verwachte trend: de curve "
            "is nog niet omgebogen."
        )
    return text % numbers


def _verdict_part(verdict, latest, line, values) -> str:
    if verdict == REACHED:
        return _("Het doel van %(target)s is bereikt.") % values
    if verdict == NOT_REACHED:
        return _("Het doel van %(target)s in %(year)s is niet gehaald.") % values
    if verdict in (ON_TRACK, NOT_ON_TRACK) and latest is not None:
        values = {**values, "value": values["latest"], "line": line}
        if verdict == ON_TRACK:
            return (
                _(
                    "Op koers: %(value)s in %(period)s ligt op of voorbij de lijn van de "
                    "basiswaarde naar het doel (%(line)s)."
                )
                % values
            )
        return (
            _(
                "Niet op koers: %(value)s in %(period)s blijft achter bij de lijn van de "
                "basiswaarde naar het doel (%(line)s); de curve moet (verder) worden omgebogen."
            )
            % values
        )
    return ""


def curve_sentence(
    *,
    name: str,
    forecast,
    target_x: float,
    target_year: int,
    baseline_period: str,
    baseline: float | None,
    required: float | None,
    direction: str,
    latest: tuple[float, str, float] | None = None,
    verdict: str | None = None,
    decimals: int = 1,
    unit: str = "",
) -> str:
    """The sentence of one curve. `forecast` is fitted on the history up to and including the
    baseline period; `latest` is (x, period, value) of the latest figure after the baseline;
    `verdict` the progress verdict of the indicator (None: not known)."""
    if required is None or baseline is None:
        return _(
            "Voor %(indicator)s is nog geen basiswaarde, dus ook geen doel om mee te vergelijken."
        ) % {"indicator": name}
    target = fmt_value(required, decimals, unit)
    parts = [_turn_part(forecast, latest, direction, baseline_period, decimals, unit)]
    values = {"indicator": name, "year": target_year, "target": target}
    if forecast is not None:
        fitted = forecast.at(target_x)[0]
        reaches = calc.target_met(fitted, required, direction)
        trend_values = {**values, "value": fmt_value(fitted, decimals, unit)}
        parts.append(
            (
                _(
                    "Zet de oude trend door, dan komt %(indicator)s in %(year)s op %(value)s; "
                    "het doel is %(target)s: de oude trend haalt het doel."
                )
                if reaches
                else _(
                    "Zet de oude trend door, dan komt %(indicator)s in %(year)s op %(value)s; "
                    "het doel is %(target)s: de oude trend haalt het doel niet."
                )
            )
            % trend_values
        )
        if band_unknown(forecast):
            parts.append(_("Bandbreedte onbekend (te weinig cijfers)."))
    line = ""
    if latest is not None:
        latest_x, period, value = latest
        line_at = line_value(
            calc.period_to_x(baseline_period), baseline, target_x, required, latest_x
        )
        line = fmt_value(line_at, decimals, unit)
        values = {**values, "period": period, "latest": fmt_value(value, decimals, unit)}
    parts.append(_verdict_part(verdict, latest, line, values))
    return " ".join(part for part in parts if part)
