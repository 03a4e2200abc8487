"""Fixtures of the outcomes tests (the entered figures: entered_fixtures.py)."""

from tests.outcomes.entered_fixtures import (  # noqa: F401 (fixtures)
    feijenoord,
    figures,
    framework,
    home_start,
    other_partner,
    programme,
    results,
)
