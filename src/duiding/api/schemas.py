"""Schemas and parameters shared by the API modules.

OpenAPI names a component after its class, so two different schemas with the same class name
overwrite each other in /api/v1/openapi.json (tests/api/test_openapi_contract.py guards this):
give every schema a name that is unique across the API, or reuse the one here.
"""

from __future__ import annotations

from ninja import Query, Schema
from ninja.errors import HttpError

from duiding.indicators.selectors import normalise_period

# The period codes the API accepts (a year, a half year, a quarter): the pattern of every
# `period` parameter, documented in OpenAPI and checked by Ninja before the operation runs.
PERIOD_PATTERN = r"^(19|20)[0-9]{2}(-?([Hh][12]|[Qq][1-4]))?$"
PERIOD_HINT = "gebruik bijvoorbeeld 2023, 2023H1 of 2015Q1"
# Per parameter name: what to tell when a value does not have the documented form.
FIELD_HINTS = {"period": PERIOD_HINT}


class ErrorOut(Schema):
    detail: str  # Dutch


class NamedOut(Schema):
    id: int
    name: str


def period_query(description: str):
    """A `period` query parameter with its documented pattern."""
    return Query(None, description=description, pattern=PERIOD_PATTERN)


def period_or_422(period: str | None) -> str | None:
    """The period code for `period` (None: none asked); a Dutch 422 when it is not one."""
    if period is None or period == "":
        return None
    try:
        return normalise_period(period)
    except ValueError:
        raise HttpError(422, f"Onbekende periode: {period[:40]} ({PERIOD_HINT})") from None
