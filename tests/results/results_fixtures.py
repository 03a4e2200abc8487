"""Fixtures of the results-ui tests (services, forms, views): the Feijenoord programme with real
CBS youth-care figures (tests/programmes/conftest.py), re-exported so pytest finds them here,
and a helper that makes a result with the share of trajectories via the wijkteam."""

from __future__ import annotations

import datetime

import pytest

from duiding.results.calculation import Target
from duiding.results.services import result_create
from tests.programmes.conftest import feijenoord, figures, framework, programme  # noqa: F401


def share_row(figures, **overrides) -> dict:
    """The share of youth-care trajectories via the gemeentelijke toegang, baseline 2021 from
    the observations (Feijenoord: 290 of 1820 = 15.93 %), +5 percentage points."""
    row = {
        "indicator": figures.share,
        "name": "",
        "baseline_period": "2021",
        "baseline_value": None,
        "baseline_source": "",
        "target_kind": "pp",
        "target_value": 5,
        "direction": None,
    }
    row.update(overrides)
    return row


def own_row(**overrides) -> dict:
    """An own indicator (no figures in Duiding): a percentage entered by hand with its source."""
    row = {
        "indicator": None,
        "name": "Jongeren die lid zijn van een sportvereniging",
        "baseline_period": "2021",
        "baseline_value": 60,
        "baseline_source": "Jeugdmonitor Rotterdam 2021",
        "target_kind": "pp",
        "target_value": 5,
        "direction": "higher_is_better",
    }
    row.update(overrides)
    return row


def make_result(programme, user, figures, **overrides):
    fields = {
        "programme": programme,
        "user": user,
        "text": "In 2026 gaat 21% van de jeugdzorgtrajecten in Feijenoord via het wijkteam.",
        "target_date": datetime.date(2026, 12, 31),
        "rule": "each",
        "indicators": [share_row(figures)],
    }
    fields.update(overrides)
    return result_create(**fields)


@pytest.fixture
def result(programme, adviseur, figures):
    return make_result(programme, adviseur, figures)


__all__ = ["Target", "feijenoord", "figures", "framework", "programme"]
