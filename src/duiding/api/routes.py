"""Route modules register themselves on `api` when imported here."""

from duiding.api import (  # noqa: F401
    activities,
    activities_plan,
    areas,
    factors,
    indicators,
    programmes,
    results,
    results_evaluate,
)
