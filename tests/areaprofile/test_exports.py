import csv
from io import BytesIO, StringIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from duiding.indicators.models import Indicator, Observation
from tests.areaprofile.factories import period
from tests.xlsx_checks import format_decimals, numbers_without_format, numeric_cells, workbook_of

pytestmark = pytest.mark.django_db


def _csv(client, code="WK059910", **params):
    response = client.get(reverse("areaprofile:export_csv", args=[code]), params)
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="staat-van-de-wijk_{code}_' in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(StringIO(text[1:]), delimiter=";"))


def _xlsx_rows(client, code="WK059910", **params):
    response = client.get(reverse("areaprofile:export_xlsx", args=[code]), params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.content)).active
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def _table(rows):
    start = next(i for i, r in enumerate(rows) if r and r[0] == "Pijler")
    header = rows[start]
    body = []
    for r in rows[start + 1 :]:
        if not r or all(v in (None, "") for v in r):
            break
        body.append(dict(zip(header, r, strict=False)))
    return header, body, rows


def test_csv_has_dutch_headers_values_source_and_credit(client_as, adviseur, data):
    header, body, rows = _table(_csv(client_as(adviseur)))
    assert header[:10] == [
        "Pijler", "Domein", "Indicator", "Indicatorcode", "Eenheid",
        "Periode", "Gebied", "Gebiedscode", "Waarde", "Status",
    ]  # fmt: skip
    assert "Waarde Rotterdam" in header and "Verschil met Nederland" in header
    youth = next(r for r in body if r["Indicatorcode"] == "TotaalJongerenMetJeugdzorgInNatura")
    assert youth["Pijler"] == "Gezond"
    assert youth["Waarde"] == "1555"
    assert youth["Waarde Rotterdam"] == "13875"
    assert youth["Bestand"] == "85685NED_first10000rows.csv"
    assert youth["Rij"] == "8041"
    assert youth["Bronvermelding"] == "Bron: CBS"
    share = next(r for r in body if r["Indicatorcode"] == "AandeelTrajectenGemeentelijkeToegang")
    assert share["Domein"] == "Overige cijfers"
    assert share["Waarde"] == "18,1"  # decimal comma, the indicator's one decimal (18.09...)
    assert share["Oordeel t.o.v. Nederland"] == "slechter"
    assert rows[-1][0].startswith("Bron: CBS (CC BY 4.0)")


def test_xlsx_holds_numbers_headers_and_credit(client_as, adviseur, data):
    header, body, rows = _table(_xlsx_rows(client_as(adviseur)))
    assert rows[0][0] == "Staat van de wijk: Feijenoord (gebied, WK059910)"
    youth = next(r for r in body if r["Indicatorcode"] == "TotaalJongerenMetJeugdzorgInNatura")
    assert youth["Waarde"] == 1555
    assert youth["Verschil met Rotterdam"] is None  # a count against a larger area: no difference
    assert youth["Gepubliceerde gebiedscode"] == "WK059910"
    assert youth["Indelingswijziging (CBS)"].startswith("1:")
    assert rows[-1][0].startswith("Bron: CBS")


def test_export_follows_the_chosen_period(client_as, adviseur, data):
    _header, body, _rows = _table(_xlsx_rows(client_as(adviseur), periode="2019"))
    youth = next(r for r in body if r["Indicatorcode"] == "TotaalJongerenMetJeugdzorgInNatura")
    assert youth["Waarde"] == 2410
    assert youth["Periode"] == "2019"


def test_exports_are_safe_against_formula_injection(client_as, adviseur, data):
    evil = Indicator.objects.create(
        code="evil", name='=HYPERLINK("http://example.com","klik")', unit_kind="count"
    )
    Observation.objects.create(
        indicator=evil, area=data.feijenoord, period=period("2023"), value=-5,
        source_file="@SUM(A1).csv", source_column="+cmd",
    )  # fmt: skip
    client = client_as(adviseur)
    for rows in (_table(_csv(client))[1], _table(_xlsx_rows(client))[1]):
        row = next(r for r in rows if r["Indicatorcode"] == "evil")
        assert row["Indicator"] == '\'=HYPERLINK("http://example.com","klik")'
        assert row["Bestand"] == "'@SUM(A1).csv"
        assert row["Kolom"] == "'+cmd"
        assert row["Waarde"] in (-5, "-5")  # numbers stay numbers


def test_export_of_an_area_without_figures_is_an_empty_table(client_as, adviseur, data):
    _header, body, rows = _table(_csv(client_as(adviseur), code="BU05991086"))
    assert body == []
    assert rows[-1][0].startswith("Bron: CBS")


def test_map_table_downloads_as_csv_and_excel(client_as, adviseur, data):
    client = client_as(adviseur)
    params = {"kaart": "TotaalJongerenMetJeugdzorgInNatura", "periode": "2019"}
    response = client.get(reverse("areaprofile:map_export_csv", args=["GM0599"]), params)
    assert 'filename="staat-van-de-wijk_GM0599_kaart_2019.csv"' in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(StringIO(text[1:]), delimiter=";"))
    assert rows[0] == [
        "Gebied", "Gebiedscode", "Niveau", "Indicator", "Indicatorcode", "Periode", "Waarde", "Status",
    ]  # fmt: skip
    assert ["Feijenoord", "WK059910", "gebieden"] == rows[1][:3]
    assert rows[1][5:] == ["2019", "2410", "waarde"]
    assert rows[2][0] == "IJsselmonde" and rows[2][6:] == ["", "geen cijfer"]
    sheet = _xlsx_rows(client, code="GM0599")  # the page export still works for the gemeente
    assert sheet[0][0].startswith("Staat van de wijk: Rotterdam")
    response = client.get(reverse("areaprofile:map_export_xlsx", args=["GM0599"]), params)
    book = load_workbook(BytesIO(response.content)).active
    values = [list(r) for r in book.iter_rows(values_only=True)]
    assert values[0][0] == "Gebieden van Rotterdam: Jongeren met jeugdzorg in natura"
    assert ["Feijenoord", "WK059910"] == values[4][:2] and values[4][6] == 2410


def _decimals_of_text(text: str) -> int:
    return len(text.split(",", 1)[1]) if "," in text else 0


FIGURE_COLUMNS = ("Waarde", "Waarde ", "Verschil met ")


def _figure_columns(header) -> list[int]:
    return [i for i, name in enumerate(header) if name and name.startswith(FIGURE_COLUMNS)]


def test_excel_and_csv_show_each_figure_with_the_indicators_precision(client_as, adviseur, data):
    """Issue 10, item 9: figures came out with six decimals in General format."""
    client = client_as(adviseur)
    decimals = dict(Indicator.objects.values_list("code", "decimals"))
    assert {decimals["TotaalJongerenMetJeugdzorgInNatura"], decimals[data.share.code]} == {0, 1}
    response = client.get(reverse("areaprofile:export_xlsx", args=["WK059910"]))
    assert numbers_without_format(response.content) == []
    sheet = workbook_of(response.content).active
    rows = list(sheet.iter_rows())
    start = next(i for i, r in enumerate(rows) if r[0].value == "Pijler")
    header = [c.value for c in rows[start]]
    code_col = header.index("Indicatorcode")
    checked = 0
    for row in rows[start + 1 :]:
        if row[0].value is None and row[code_col].value is None:
            break
        for col in _figure_columns(header):
            cell = row[col]
            if isinstance(cell.value, (int, float)):
                assert format_decimals(cell.number_format) == decimals[row[code_col].value]
                assert cell.number_format.startswith("#,##0")
                checked += 1
    assert checked >= 4

    csv_header, body, _rows = _table(_csv(client))
    checked = 0
    for line in body:
        for col in _figure_columns(csv_header):
            text = line[csv_header[col]]
            if text:
                assert _decimals_of_text(text) == decimals[line["Indicatorcode"]], (col, text)
                checked += 1
    assert checked >= 4


def test_map_export_figures_have_the_indicators_precision(client_as, adviseur, data):
    client = client_as(adviseur)
    params = {"kaart": data.share.code}
    response = client.get(reverse("areaprofile:map_export_xlsx", args=["GM0599"]), params)
    assert numbers_without_format(response.content) == []
    formats = {c.number_format for _title, c in numeric_cells(response.content)}
    assert formats == {"#,##0.0"}  # the share: a percentage with one decimal
    response = client.get(reverse("areaprofile:map_export_csv", args=["GM0599"]), params)
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(StringIO(text[1:]), delimiter=";"))
    values = [r[6] for r in rows[1:] if len(r) > 6 and r[6]]
    assert values and all(_decimals_of_text(v) == 1 for v in values)
