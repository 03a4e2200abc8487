"""The words of the calculation rules: directions, target kinds, verdicts, the tolerance, the
error type and the target test. Shared by `calculation` (the rules) and `trend` (periods,
forecast, progress verdict), which both re-export them; pure, no ORM.
"""

from __future__ import annotations

HIGHER = "higher_is_better"
LOWER = "lower_is_better"
DIRECTIONS = (HIGHER, LOWER)
TARGET_KINDS = ("pp", "relative", "absolute")
RULES = ("each", "combined", "mean")

REACHED = "reached"
NOT_REACHED = "not_reached"
NO_DATA = "no_data"
ON_TRACK = "on_track"
NOT_ON_TRACK = "not_on_track"

# Floating point noise (715 / 1100 x 100 is not exactly 65): a value within EPS of the required
# value counts as meeting it.
EPS = 1e-9


class CalculationError(ValueError):
    """Bad input: `message` is Dutch and names the field, `field` is its path in the input (for
    the API and to put the message at a form field), e.g. ``indicators.0.series.2014.denominator``."""

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.message = message
        self.field = field


def target_met(value: float, required: float, direction: str) -> bool:
    """Higher is better: value >= required; lower is better: value <= required (within EPS)."""
    if direction == LOWER:
        return value <= required + EPS
    return value >= required - EPS
