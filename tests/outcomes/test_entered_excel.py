"""Entered figures by Excel: the template (Dutch headers, sheet Toelichting, Dutch dates), the
round trip download -> fill in -> upload, and every bad file refused whole with a Dutch message per
row and column, nothing stored."""

from __future__ import annotations

import datetime
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from duiding.outcomes import entered_services as services
from duiding.outcomes.models import EnteredCount, EnteredFigures, EnteredFiguresChange
from tests.outcomes.entered_fixtures import quarter

pytestmark = pytest.mark.django_db

HEADERS = ["Periode van", "Periode tot en met", "Bereikt", "Beoogd bereik", "Niet verschenen"]
DROPOUT_3 = "Uitval: 3 Voortijdig: eenzijdig door de cliënt"


def _template(client, activity):
    response = client.get(reverse("outcomes:entered_template", args=[activity.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(BytesIO(response.content))


def _bytes(wb) -> bytes:
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def _upload(client, activity, content: bytes, name="cijfers.xlsx"):
    return client.post(
        reverse("outcomes:entered_upload", args=[activity.pk]),
        {"file": SimpleUploadedFile(name, content)},
    )


def _stored():
    return (
        EnteredFigures.objects.count(),
        EnteredCount.objects.count(),
        EnteredFiguresChange.objects.count(),
        list(EnteredFigures.objects.values_list("reached", "version")),
    )


def _workbook(rows, headers=None) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Cijfers"
    ws.append(headers or [*HEADERS, "Uitval: 1 Beëindigd volgens plan", DROPOUT_3])
    for row in rows:
        ws.append(row)
    return _bytes(wb)


GOOD = [datetime.date(2026, 1, 1), datetime.date(2026, 3, 31), 24, None, 3, 15, 4]


def test_template_has_dutch_headers_explanations_and_date_format(client_as, partner, home_start):
    wb = _template(client_as(partner), home_start)
    assert wb.sheetnames == ["Cijfers", "Toelichting"]
    headers = [c.value for c in wb["Cijfers"][1]]
    assert headers[:5] == HEADERS
    assert "Uitval: 1 Beëindigd volgens plan" in headers and DROPOUT_3 in headers
    assert "Tevredenheid: 10 uitstekend, ik heb er veel aan gehad" in headers
    assert "Doelrealisatie: -1 doel niet behaald, situatie ongunstiger dan bij start" in headers
    assert "Afname problematiek: Een sterke verbetering" in headers
    assert wb["Cijfers"]["A2"].number_format == "DD-MM-YYYY"
    explained = [r[0] for r in wb["Toelichting"].iter_rows(values_only=True)]
    assert all(h in explained for h in headers)


def test_round_trip_adds_then_changes_periods(client_as, partner, home_start):
    client = client_as(partner)
    wb = _template(client, home_start)
    ws = wb["Cijfers"]
    headers = [c.value for c in ws[1]]
    row = [None] * len(headers)
    values = {
        "Periode van": datetime.date(2026, 1, 1),
        "Periode tot en met": datetime.date(2026, 3, 31),
        "Bereikt": 24,
        "Niet verschenen": 3,
        "Uitval: 1 Beëindigd volgens plan": 15,
        DROPOUT_3: 4,
        "Tevredenheid: 7": 9,
        "Toelichting": "Eerste kwartaal",
    }
    for header, value in values.items():
        row[headers.index(header)] = value
    ws.append(row)
    second = list(row)
    second[0], second[1] = "01-04-2026", "30-06-2026"  # dates typed as text
    ws.append(second)
    response = _upload(client, home_start, _bytes(wb))
    assert response.status_code == 302
    stored = list(EnteredFigures.objects.order_by("period_start"))
    assert len(stored) == 2
    assert services.Figures.of(stored[0]).counts == {
        "uitval": {"1": 15, "3": 4},
        "tevredenheid": {"7": 9},
    }
    assert stored[0].target == 30 and stored[0].note == "Eerste kwartaal"
    message = client.get(reverse("outcomes:entered_list", args=[home_start.pk])).content
    assert "2 perioden toegevoegd, 0 perioden gewijzigd" in message.decode()

    # The template now holds both periods; change one figure and upload again.
    wb = _template(client, home_start)
    ws = wb["Cijfers"]
    assert ws.max_row >= 3 and ws["A2"].value.date() == datetime.date(2026, 1, 1)
    ws.cell(row=2, column=3).value = 26
    response = _upload(client, home_start, _bytes(wb))
    assert response.status_code == 302
    assert EnteredFigures.objects.count() == 2
    assert EnteredFigures.objects.order_by("period_start").first().reached == 26
    message = client.get(reverse("outcomes:entered_list", args=[home_start.pk])).content
    assert "0 perioden toegevoegd, 1 periode gewijzigd" in message.decode()


BAD = [
    (
        "text in a count",
        _workbook([GOOD, [*GOOD[:6], "veel"]]),
        f"Rij 3, kolom {DROPOUT_3}: ‘veel’ is geen aantal.",
    ),
    (
        "a negative",
        _workbook([[*GOOD[:2], -5, *GOOD[3:]]]),
        "Rij 2, kolom Bereikt: ‘-5’ is negatief; een aantal is 0 of meer.",
    ),
    (
        "a fraction",
        _workbook([[*GOOD[:2], 2.5, *GOOD[3:]]]),
        "Rij 2, kolom Bereikt: ‘2,5’ is geen heel getal.",
    ),
    (
        "a date that is no date",
        _workbook([["morgen", *GOOD[1:]]]),
        "Rij 2, kolom Periode van: ‘morgen’ is geen datum (schrijf bijvoorbeeld 31-12-2026).",
    ),
    (
        "an impossible date",
        _workbook([["31-02-2026", *GOOD[1:]]]),
        "Rij 2, kolom Periode van: ‘31-02-2026’ is geen datum",
    ),
    (
        "a missing date",
        _workbook([[None, *GOOD[1:]]]),
        "Rij 2, kolom Periode van: vul een datum in.",
    ),
    (
        "end before start",
        _workbook([[GOOD[1], GOOD[0], *GOOD[2:]]]),
        "Rij 2, kolom Periode tot en met: De periode eindigt (1 januari 2026) vóór ze begint "
        "(31 maart 2026).",
    ),
    (
        "dropout above reached",
        _workbook([[*GOOD[:2], 10, *GOOD[3:]]]),
        "Rij 2: De uitval (Uitval: 1 tot en met 5, samen 19) is groter dan Bereikt (10).",
    ),
    (
        "two rows overlapping",
        _workbook([GOOD, [datetime.date(2026, 3, 1), datetime.date(2026, 4, 30), *GOOD[2:]]]),
        "Rij 3, kolom Periode van: de periode overlapt met rij 2 (1 januari 2026 – 31 maart 2026).",
    ),
    (
        "an unknown column",
        _workbook(
            [[*GOOD, 3]],
            headers=[*HEADERS, "Uitval: 1 Beëindigd volgens plan", DROPOUT_3, "Aantal koekjes"],
        ),
        "Kolom H: ‘Aantal koekjes’ is geen kolom van het sjabloon.",
    ),
    (
        "a missing date column",
        _workbook([[GOOD[0], *GOOD[2:]]], headers=["Periode van", *HEADERS[2:]]),
        "De kolom ‘Periode tot en met’ ontbreekt in rij 1.",
    ),
    ("an empty file", _workbook([]), "Het bestand bevat geen perioden"),
    ("no xlsx", b"Periode van;Bereikt\n01-01-2026;24\n", "geen Excel-bestand (.xlsx)"),
    ("no sheet Cijfers", None, "Het blad ‘Cijfers’ ontbreekt."),
]


def _no_cijfers() -> bytes:
    wb = Workbook()
    wb.active.title = "Blad1"
    wb.active.append(HEADERS)
    return _bytes(wb)


@pytest.mark.parametrize(("what", "content", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_file_is_refused_whole_with_row_and_column(
    client_as, partner, home_start, what, content, message
):
    services.entered_figures_create(
        activity=home_start,
        user=None,
        data=quarter(period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2025, 3, 31)),
    )
    before = _stored()
    response = _upload(client_as(partner), home_start, content or _no_cijfers())
    assert response.status_code == 400
    html = response.content.decode()
    assert "Er is niets opgeslagen" in html
    assert message in html.replace("&#x27;", "'"), html[html.find("geweigerd") :][:1500]
    assert _stored() == before


def test_one_bad_row_keeps_the_good_rows_out_too(client_as, partner, home_start):
    rows = [GOOD, [datetime.date(2026, 4, 1), datetime.date(2026, 6, 30), "twintig"]]
    response = _upload(client_as(partner), home_start, _workbook(rows))
    assert response.status_code == 400
    assert "Rij 3, kolom Bereikt: ‘twintig’ is geen aantal." in response.content.decode()
    assert not EnteredFigures.objects.exists()


def test_a_row_overlapping_a_stored_period_names_it(client_as, partner, home_start):
    services.entered_figures_create(activity=home_start, user=None, data=quarter())
    row = [datetime.date(2026, 2, 1), datetime.date(2026, 4, 30), *GOOD[2:]]
    response = _upload(client_as(partner), home_start, _workbook([row]))
    assert response.status_code == 400
    assert "1 januari 2026 – 31 maart 2026" in response.content.decode()
    assert EnteredFigures.objects.count() == 1


def test_a_dutch_template_uploads_in_english_too(client_as, partner, home_start):
    client = client_as(partner)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("outcomes:entered_upload", args=[home_start.pk]))
    assert "Upload and save" in page.content.decode()
    response = _upload(client, home_start, _workbook([GOOD]))
    assert response.status_code == 302
    assert EnteredFigures.objects.get().reached == 24
