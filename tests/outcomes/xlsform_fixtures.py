"""Fixtures of the XLSForm tests (import them by name into a test module): the Feijenoord
programme of tests/activities with its seed activities, and workbooks built in the test."""

from __future__ import annotations

import io

import openpyxl
import pytest

from tests.activities import conftest as activities

figures = activities.figures
feijenoord = activities.feijenoord
framework = activities.framework
programme = activities.programme
results = activities.results
seed_activities = activities.seed_activities
youth_org = activities.youth_org
youth_worker = activities.youth_worker
other_programme = activities.other_programme


@pytest.fixture
def home_start(seed_activities):
    """Home-Start, carried by the `partner` user's organisation (Welzijn Feijenoord)."""
    return seed_activities["home_start"]


def workbook(survey: list[list], choices: list[list] | None = None, settings=None) -> bytes:
    """An .xlsx with these rows (the first row of each sheet is its header)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "survey"
    for row in survey:
        sheet.append(row)
    if choices is not None:
        ws = book.create_sheet("choices")
        for row in choices:
            ws.append(row)
    if settings is not None:
        ws = book.create_sheet("settings")
        for row in settings:
            ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
