"""Regions Duiding does not show (provincies, COROP, size classes) or does not hold (gemeenten no
table with codes brought in) are skipped by design: the report says what and why, as
information, apart from refusals and warnings. The demo importing 82972NED skipped 9,709 rows
this way and read like a failure."""

import pytest
from django.urls import reverse

from duiding.indicators.importing.report import format_report
from duiding.indicators.models import Observation
from duiding.jobs.models import ImportRun
from duiding.jobs.selectors import run_report_lines
from tests.markup import assert_accessible

from .cbs_helpers import run_cbs, write_cbs

HEADER = ["ID", "RegioS", "Perioden", "JongerenMetJeugdhulpInNatura_1"]


def _rows() -> list[list[str]]:
    labels = ["Nederland", "Rotterdam", "Groningen (PV)", "Friesland (PV)", "Drenthe (PV)",
              "Groot-Rijnmond (CR)", "Zuid-Holland (JZ)", "20 000 tot 50 000 inwoners",
              "Zwolle"]  # fmt: skip
    rows, i = [], 0
    for year in ("2021", "2022"):
        for label in labels:
            rows.append([str(i), label, year, "10.0"])
            i += 1
    return rows


@pytest.mark.django_db
def test_regions_skipped_by_design_are_counted_apart_from_refusals(tmp_path, rotterdam):
    run = run_cbs(write_cbs(tmp_path, "85098NED.csv", HEADER, _rows()))
    assert run.status == ImportRun.Status.DONE, (run.error, run.messages[:3])
    assert Observation.objects.count() == 4  # Nederland and Rotterdam, two years
    assert (run.rows_read, run.rows_skipped, run.rows_refused) == (18, 14, 0)
    lines = run_report_lines(run)
    assert lines["errors"] == [] and lines["warnings"] == []
    texts = [line["message"] for line in lines["skipped"]]
    assert len(texts) == 5  # one line per sort of region, not one per region
    provinces = next(t for t in texts if t.startswith("Provincies"))
    assert "3 regio’s, 6 rijen" in provinces and "‘Groningen (PV)’" in provinces
    assert "Bewust niet ingelezen" in provinces
    assert any(t.startswith("COROP-gebieden: 1 regio, 2 rijen") for t in texts)
    assert any(t.startswith("Groottegroepen van gemeenten") for t in texts)
    assert any(t.startswith("Gemeenten die Duiding niet kent: 1 regio, 2 rijen") for t in texts)
    report = format_report(run)
    assert "Rijen bewust overgeslagen (regio’s die Duiding niet toont of niet kent): 14" in report
    assert "Rijen geweigerd: 0" in report


@pytest.mark.django_db
def test_import_page_shows_skipped_regions_as_information_not_as_a_failure(
    tmp_path, rotterdam, client_as, beheerder
):
    run = run_cbs(write_cbs(tmp_path, "85098NED.csv", HEADER, _rows()))
    response = client_as(beheerder).get(reverse("indicators:import_detail", args=[run.pk]))
    html = response.content.decode()
    assert_accessible(response)
    assert "de cijfers zijn opgeslagen" in html
    assert "Bewust overgeslagen" in html and "Dit is geen fout" in html
    assert "Waarschuwingen" not in html and "Geweigerde rijen" not in html
    assert "Rijen bewust overgeslagen (regio’s die Duiding niet toont of niet kent)" in html
    assert "utrecht-alert--error" not in html
