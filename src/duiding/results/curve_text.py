"""The sentence under a result indicator's curve: where do the figures stand, did the curve turn,
and where does the old trend go?

"Turning the curve" (seed 003) means doing better than the old trend. The old trend is fitted on
the history up to and including the baseline period; the latest figure after the baseline is
compared with what that trend expected for its period. The sentence opens with the progress
verdict (the straight line from the baseline to the target, `calculation.progress_verdict`, the
badge beside the chart) and phrases the turn around it, so the two never contradict each other:
on track but not above the old trend reads "the old trend is on track itself", not "the curve has
not turned"; a curve that turns while not on track reads "turns the good way, but not enough
yet". A trend with too few figures, or whose band is too wide to mean anything
(`curve.forecast_status`), is described in words instead of compared with.
"""

from __future__ import annotations

import math

from django.utils.translation import gettext as _

from duiding.core import formatting as fmt
from duiding.results import calculation as calc

REACHED, ON_TRACK, NOT_ON_TRACK, NOT_REACHED = "reached", "on_track", "not_on_track", "not_reached"
TREND_OK, TOO_FEW, TOO_UNCERTAIN = "ok", "too_few", "too_uncertain"
OUT_OF_RANGE = "out_of_range"
GOOD_VERDICTS = {REACHED, ON_TRACK}
BAD_VERDICTS = {NOT_ON_TRACK, NOT_REACHED}


def fmt_value(value: float | None, decimals: int, unit: str) -> str:
    if value is None or not math.isfinite(value):
        return "–"
    return fmt.number(value, decimals) + unit


def line_value(baseline_x, baseline, target_x, required, latest_x) -> float:
    """The value on the straight line from the baseline to the target at latest_x (the line the
    progress verdict compares with)."""
    if target_x <= baseline_x:
        return required
    share = min(1.0, (latest_x - baseline_x) / (target_x - baseline_x))
    return baseline + (required - baseline) * share


def _uncertain_part(forecast, status, target_x, baseline_period, bounds, decimals, unit) -> str:
    """The trend in words when it is not drawn (the band clipped to what the unit allows)."""
    if status == TOO_FEW:
        return _(
            "Voor een verwachte trend zijn te weinig cijfers tot en met de basisperiode "
            "%(period)s (minstens drie perioden nodig)."
        ) % {"period": baseline_period}
    fitted, lower, upper = forecast.at(target_x)
    if status == OUT_OF_RANGE:
        return _(
            "De trend tot en met %(period)s zou bij de doeldatum op %(value)s uitkomen, buiten "
            "wat dit cijfer kan aannemen: zo ver is hij niet door te trekken. Of de curve ombuigt, "
            "is daarom niet te zeggen."
        ) % {"period": baseline_period, "value": fmt_value(fitted, decimals, unit)}
    low, high = bounds
    lower = lower if low is None else max(low, lower)
    upper = upper if high is None else min(high, upper)
    return _(
        "De cijfers tot en met %(period)s schommelen te sterk voor een verwachte trend: de "
        "95%%-band zou bij de doeldatum van %(lower)s tot %(upper)s lopen. Of de curve ombuigt, "
        "is daarom niet te zeggen."
    ) % {
        "period": baseline_period,
        "lower": fmt_value(lower, decimals, unit),
        "upper": fmt_value(upper, decimals, unit),
    }


def _turn_conclusion(better: bool, direction: str, verdict: str | None) -> str:
    """Did the curve turn, phrased so that it agrees with the verdict."""
    higher = direction == calc.HIGHER
    if better:
        if verdict in BAD_VERDICTS:
            return (
                _(
                    "De cijfers liggen boven de verwachte trend: de curve buigt de goede kant "
                    "op, maar nog niet genoeg om op koers te liggen."
                )
                if higher
                else _(
                    "De cijfers liggen onder de verwachte trend: de curve buigt de goede kant "
                    "op, maar nog niet genoeg om op koers te liggen."
                )
            )
        return (
            _("De cijfers liggen boven de verwachte trend: de curve buigt de goede kant op.")
            if higher
            else _("De cijfers liggen onder de verwachte trend: de curve buigt de goede kant op.")
        )
    if verdict in GOOD_VERDICTS:
        return (
            _(
                "De cijfers liggen niet boven de verwachte trend, maar die trend ligt zelf al op "
                "koers: ombuigen is (nog) niet nodig."
            )
            if higher
            else _(
                "De cijfers liggen niet onder de verwachte trend, maar die trend ligt zelf al op "
                "koers: ombuigen is (nog) niet nodig."
            )
        )
    return (
        _("De cijfers liggen niet boven de verwachte trend: de curve is nog niet omgebogen.")
        if higher
        else _("De cijfers liggen niet onder de verwachte trend: de curve is nog niet omgebogen.")
    )


def _turn_part(forecast, latest, direction, baseline_period, verdict, decimals, unit) -> str:
    if latest is None:
        return _("Er zijn nog geen cijfers na de basisperiode %(period)s.") % {
            "period": baseline_period
        }
    latest_x, period, value = latest
    expected = forecast.at(latest_x)[0]
    better = (
        value > expected + calc.EPS if direction == calc.HIGHER else value < expected - calc.EPS
    )
    facts = _(
        "In %(period)s is het cijfer %(value)s; de trend tot en met %(baseline_period)s "
        "verwachtte %(expected)s."
    ) % {
        "period": period,
        "value": fmt_value(value, decimals, unit),
        "expected": fmt_value(expected, decimals, unit),
        "baseline_period": baseline_period,
    }
    return facts + " " + _turn_conclusion(better, direction, verdict)


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
                "basiswaarde naar het doel (%(line)s)."
            )
            % values
        )
    return ""


def _trend_end_part(forecast, target_x, required, direction, values, decimals, unit) -> str:
    fitted = forecast.at(target_x)[0]
    reaches = calc.target_met(fitted, required, direction)
    trend_values = {**values, "value": fmt_value(fitted, decimals, unit)}
    return (
        _(
            "Zet de oude trend door, dan komt %(indicator)s in %(year)s op %(value)s; "
            "het doel is %(target)s: de oude trend haalt het doel."
        )
        if reaches
        else _(
            "Zet de oude trend door, dan komt %(indicator)s in %(year)s op %(value)s; "
            "het doel is %(target)s: de oude trend haalt het doel niet."
        )
    ) % trend_values


def curve_sentence(
    *,
    name: str,
    forecast,
    status: str,
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
    bounds: tuple[float | None, float | None] = (None, None),
) -> str:
    """The sentence of one curve. `forecast` is fitted on the history up to and including the
    baseline period, `status` says whether it means something (TREND_OK, TOO_FEW,
    TOO_UNCERTAIN); `latest` is (x, period, value) of the latest figure after the baseline;
    `verdict` the progress verdict of the indicator (None: not known)."""
    if required is None or baseline is None:
        return _(
            "Voor %(indicator)s is nog geen basiswaarde, dus ook geen doel om mee te vergelijken."
        ) % {"indicator": name}
    values = {"indicator": name, "year": target_year, "target": fmt_value(required, decimals, unit)}
    line = ""
    if latest is not None:
        latest_x, period, value = latest
        line_at = line_value(
            calc.period_to_x(baseline_period), baseline, target_x, required, latest_x
        )
        line = fmt_value(line_at, decimals, unit)
        values = {**values, "period": period, "latest": fmt_value(value, decimals, unit)}
    parts = [_verdict_part(verdict, latest, line, values)]
    if status == TREND_OK:
        parts.append(
            _turn_part(forecast, latest, direction, baseline_period, verdict, decimals, unit)
        )
        parts.append(
            _trend_end_part(forecast, target_x, required, direction, values, decimals, unit)
        )
    else:
        parts.append(
            _uncertain_part(forecast, status, target_x, baseline_period, bounds, decimals, unit)
        )
    return " ".join(part for part in parts if part)
