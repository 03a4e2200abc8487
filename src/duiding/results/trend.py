"""Periods on a time axis, the linear forecast with its band, and the progress verdict (issue 4).

Part of the calculation rules (see README.md); re-exported by `calculation`, so callers import
everything from there. Pure: no ORM, no I/O.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

from duiding.core import charts
from duiding.results.terms import (
    NO_DATA,
    NOT_ON_TRACK,
    ON_TRACK,
    REACHED,
    CalculationError,
    target_met,
)


def period_to_x(label: str) -> float:
    """A period label on a time axis in years (`charts.period_x`): "2024" -> 2024.0,
    "2024H2" -> 2024.5, "2015Q3" -> 2015.5, "2020M04" -> 2020.25, a peildatum "2015-07-02" -> its
    fraction of the year; CalculationError for anything else."""
    x = charts.period_x(label)
    if x is None:
        raise CalculationError(
            _("Onbekende periode ‘%(label)s’; gebruik bijvoorbeeld 2024, 2024H2 of 2015Q3.")
            % {"label": label},
            "period",
        )
    return x


@dataclass
class Forecast:
    """A straight line fitted by ordinary least squares, with a 95 % prediction band."""

    slope: float
    intercept: float
    residual_se: float
    used: list[tuple[float, float]]

    def at(self, x: float) -> tuple[float, float, float]:
        """(fitted, lower, upper) at x: fitted ± 1.96 x the standard error of a prediction,
        s x sqrt(1 + 1/n + (x - mean x)² / Sxx)."""
        n = len(self.used)
        mean_x = sum(p[0] for p in self.used) / n
        sxx = sum((p[0] - mean_x) ** 2 for p in self.used)
        fitted = self.intercept + self.slope * x
        se = self.residual_se * math.sqrt(1 + 1 / n + (x - mean_x) ** 2 / sxx)
        return fitted, fitted - 1.96 * se, fitted + 1.96 * se


def linear_forecast(history: list[tuple[float, float]], last_n: int = 5) -> Forecast | None:
    """Fit y = intercept + slope x on the last `last_n` points (sorted by x) of `history`.

    None with fewer than 2 points or when all x are equal. With exactly 2 points the line goes
    through both and there is no residual to estimate the spread from: residual_se is 0 and the
    band has width 0 (the chart should say the trend rests on two points only)."""
    points = sorted((float(x), float(y)) for x, y in history if y is not None)[-last_n:]
    n = len(points)
    if n < 2:
        return None
    mean_x = sum(p[0] for p in points) / n
    mean_y = sum(p[1] for p in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _y in points)
    if sxx == 0:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in points)
    slope = sxy / sxx
    intercept = mean_y - slope * mean_x
    sse = sum((y - (intercept + slope * x)) ** 2 for x, y in points)
    residual_se = math.sqrt(sse / (n - 2)) if n > 2 else 0.0
    return Forecast(slope, intercept, residual_se, points)


def progress_verdict(
    *,
    baseline_x: float,
    baseline: float | None,
    latest_x: float | None,
    latest: float | None,
    target_x: float,
    required: float,
    direction: str,
) -> str:
    """ "reached" when the latest figure meets the required value; "on_track" when it is at or
    beyond the straight line from (baseline_x, baseline) to (target_x, required) at latest_x;
    "not_on_track" otherwise; "no_data" when there is no figure after the baseline."""

    if latest is None or latest_x is None or baseline is None or latest_x <= baseline_x:
        return NO_DATA
    if target_met(latest, required, direction):
        return REACHED
    if target_x <= baseline_x:
        expected = required
    else:
        share = min(1.0, (latest_x - baseline_x) / (target_x - baseline_x))
        expected = baseline + (required - baseline) * share
    return ON_TRACK if target_met(latest, expected, direction) else NOT_ON_TRACK
