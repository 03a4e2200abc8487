"""The analysis workbook (seed 003, appendix 5) opened with openpyxl: sheets, links, conditional
formatting on the wijk cells, numbers, formula safety and the same values as the API."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from duiding.programmes.workbook.cells import clean_text, sheet_title
from tests.programmes import export_fixtures
from tests.programmes.export_fixtures import INJECTION
from tests.xlsx_checks import format_decimals, numbers_without_format, numeric_cells

pytestmark = pytest.mark.django_db

# The shared fixtures of the export tests.
other_programme = export_fixtures.other_programme
written = export_fixtures.written

SHEETS = [
    "Inhoudsopgave",
    "Toelichting",
    "Pijler Kansrijk",
    "Pijler Veilig",
    "Pijler Gezond",
    "Samenvatting alle pijlers",
    "Indicatoren overzicht",
]


def _workbook(client, programme):
    response = client.get(reverse("programmes:workbook", args=[programme.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    return load_workbook(BytesIO(response.content))


def _row_of(ws, code: str, column: int = 2) -> int:
    for row in range(1, ws.max_row + 1):
        if ws.cell(row=row, column=column).value == code:
            return row
    raise AssertionError(f"{code} not on {ws.title}")


def _rules(ws, coordinate: str) -> list:
    return [
        rule for cf in ws.conditional_formatting if str(cf.sqref) == coordinate for rule in cf.rules
    ]


def _evaluate(formula: str, cells: dict[str, float]) -> bool:
    """Evaluate a rule's formula as Excel would, for the few functions the workbook uses."""
    expression = re.sub(r"\$([A-Z]+)\$(\d+)", lambda m: repr(cells[m.group(1)]), formula)
    expression = (
        expression.replace("<>", "!=")
        .replace("ISNUMBER(", "_isnumber(")
        .replace("AND(", "_and(")
        .replace("ABS(", "abs(")
    )
    return bool(
        eval(  # noqa: S307 - only the workbook's own rule, with numbers substituted
            expression,
            {"_and": lambda *a: all(a), "_isnumber": lambda v: isinstance(v, (int, float))},
        )
    )


def test_workbook_has_the_sheets_of_the_handbook(client_as, adviseur, written):
    wb = _workbook(client_as(adviseur), written["programme"])
    names = wb.sheetnames
    assert names[: len(SHEETS)] == SHEETS
    factor_sheets = [n for n in names if n.startswith("Factorenmodel ")]
    assert len(factor_sheets) == 9  # one per domain of the Rotterdam framework
    assert names[-1] == "Ranking"
    assert len({n.lower() for n in names}) == len(names)
    for name in names:
        assert len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name)


def test_sheet_titles_are_short_unique_and_valid():
    used: set[str] = set()
    long = "Factorenmodel Meedoen aan sport, cultuur en vrijwilligerswerk"
    first, second = sheet_title(long, used), sheet_title(long, used)
    assert first == "Factorenmodel Meedoen aan sport"
    assert second == "Factorenmodel Meedoen aan s (2)" and len(second) == 31
    assert sheet_title("Werk/inkomen [jong]: *?", used) == "Werk inkomen jong"


def test_contents_links_to_every_sheet_and_every_sheet_links_back(client_as, adviseur, written):
    wb = _workbook(client_as(adviseur), written["programme"])
    toc = wb["Inhoudsopgave"]
    targets = {
        toc.cell(row=r, column=1).hyperlink.location
        for r in range(5, toc.max_row + 1)
        if toc.cell(row=r, column=1).hyperlink
    }
    assert targets == {f"'{name}'!A1" for name in wb.sheetnames[1:]}
    for ws in wb.worksheets[1:]:
        assert ws["A1"].value == "← terug naar Inhoudsopgave", ws.title
        assert ws["A1"].hyperlink.location == "'Inhoudsopgave'!A1"
    # A factor-model sheet links back to its pillar; the pillar sheet links to it.
    factor_ws = wb["Factorenmodel Veilige wijk en s"]
    assert factor_ws["C1"].hyperlink.location == "'Pijler Veilig'!A1"
    assert factor_ws["C1"].value == "← terug naar Pijler Veilig"
    pillar = wb["Pijler Veilig"]
    links = {c.hyperlink.location for row in pillar.iter_rows() for c in row if c.hyperlink}
    assert "'Factorenmodel Veilige wijk en s'!A1" in links
    # The indicator and its source link to its row on the overview sheet.
    row = _row_of(pillar, "OnveiligBuurt")
    target = pillar.cell(row=row, column=1).hyperlink.location
    overview_row = int(target.rsplit("!A", 1)[1])
    assert target.startswith("'Indicatoren overzicht'!A")
    assert wb["Indicatoren overzicht"].cell(row=overview_row, column=2).value == "OnveiligBuurt"
    assert pillar.cell(row=row, column=12).hyperlink.location == target
    overview_links = [c.hyperlink.location for c in wb["Indicatoren overzicht"][1] if c.hyperlink]
    assert "'Pijler Veilig'!A1" in overview_links


def test_wijk_cells_are_marked_by_formulas_that_follow_a_typed_value(client_as, adviseur, written):
    ws = _workbook(client_as(adviseur), written["programme"])["Pijler Veilig"]
    assert ws.cell(row=_row_of(ws, "Indicator", 1), column=5).value == "Feijenoord"
    assert ws.cell(row=_row_of(ws, "Indicator", 1), column=6).value == "Rotterdam"
    row = _row_of(ws, "OnveiligBuurt")  # lower is better: 31 against 19
    assert (ws[f"E{row}"].value, ws[f"F{row}"].value, ws[f"I{row}"].value) == (31, 19, 10)
    rules = {r.dxf.fill.fgColor.rgb[-6:]: r.formula[0] for r in _rules(ws, f"E{row}")}
    worse, better = rules["F4B084"], rules["FCE4D6"]
    cells = {"E": 31.0, "F": 19.0, "I": 10.0}
    assert _evaluate(worse, cells) and not _evaluate(better, cells)
    cells["E"] = 20.0  # typed: within 10 % of Rotterdam -> white
    assert not _evaluate(worse, cells) and not _evaluate(better, cells)
    cells["E"] = 15.0  # typed: lower -> better, light orange
    assert not _evaluate(worse, cells) and _evaluate(better, cells)
    cells["I"] = 25.0  # the threshold cell counts
    assert not _evaluate(better, cells)

    neutral = _row_of(ws, "Eenouder")
    (rule,) = _rules(ws, f"E{neutral}")
    assert _evaluate(rule.formula[0], {"E": 30.0, "F": 24.0, "I": 10.0})
    assert _evaluate(rule.formula[0], {"E": 18.0, "F": 24.0, "I": 10.0})
    assert ws[f"H{neutral}"].value.startswith("=IF(AND(ISNUMBER($E$")

    kansrijk = _workbook(client_as(adviseur), written["programme"])["Pijler Kansrijk"]
    sport = _row_of(kansrijk, "SportLid")  # higher is better: 48 against 41 -> better
    rules = {r.dxf.fill.fgColor.rgb[-6:]: r.formula[0] for r in _rules(kansrijk, f"E{sport}")}
    assert _evaluate(rules["FCE4D6"], {"E": 48.0, "F": 41.0, "I": 10.0})
    assert not _evaluate(rules["F4B084"], {"E": 48.0, "F": 41.0, "I": 10.0})


def test_counts_get_no_mark_and_numbers_have_formats(client_as, adviseur, written, figures):
    ws = _workbook(client_as(adviseur), written["programme"])["Pijler Gezond"]
    row = _row_of(ws, figures.youth.code)
    assert isinstance(ws[f"E{row}"].value, (int, float))
    assert ws[f"E{row}"].number_format == "#,##0"
    assert _rules(ws, f"E{row}") == []
    veilig = _workbook(client_as(adviseur), written["programme"])["Pijler Veilig"]
    assert veilig[f"E{_row_of(veilig, 'OnveiligBuurt')}"].number_format == "0.0"


def test_user_text_starting_with_formula_characters_stays_text(client_as, adviseur, written):
    wb = _workbook(client_as(adviseur), written["programme"])
    texts = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    # Only the workbook's own difference formula is a formula.
                    assert str(cell.value).startswith("=IF(AND(ISNUMBER("), (ws.title, cell.value)
                elif isinstance(cell.value, str):
                    texts[cell.value] = cell.data_type
    assert texts["'" + INJECTION] == "s"
    assert texts["'+ speelt in de hele wijk"] == "s"
    assert texts["'@vooral 's avonds"] == "s"
    assert texts["'-Sportdeelname per leeftijd"] == "s"
    assert clean_text("a\x00b\x07c") == "abc"


def test_workbook_values_equal_the_api(client_as, adviseur, written):
    client = client_as(adviseur)
    programme = written["programme"]
    wb = _workbook(client, programme)
    data = client.get(f"/api/v1/programmes/{programme.pk}/analysis").json()
    compared = 0
    for pillar in data["pillars"]:
        ws = wb[f"Pijler {pillar['name']}"]
        for domain in pillar["domains"]:
            for ind in domain["indicators"]:
                row = _row_of(ws, ind["code"])
                assert ws.cell(row=row, column=1).value == ind["name"]
                assert ws.cell(row=row, column=4).value == ind["period_label"]
                assert ws.cell(row=row, column=5).value == pytest.approx(ind["value"])
                for offset, comp in enumerate(ind["comparisons"], start=6):
                    assert ws.cell(row=row, column=offset).value == pytest.approx(comp["value"])
                assert ws.cell(row=row, column=11).value == ind["flag_label"]
                compared += 1
            if domain["section"]["analysis"]:
                texts = [c.value for r in ws.iter_rows() for c in r if isinstance(c.value, str)]
                assert clean_text(domain["section"]["analysis"]) in texts
    assert compared >= 5

    summary = wb["Samenvatting alle pijlers"]
    top = _row_of(summary, "Factor", 1) + 1
    for offset, cross in enumerate(data["cross_factors"]):
        assert summary.cell(row=top + offset, column=1).value == cross["name"]
        assert summary.cell(row=top + offset, column=3).value == cross["domain_count"]
    assert data["cross_factors"][0]["name"] == "Armoede"
    first = _row_of(summary, "Conclusie", 3) + 1
    for offset, item in enumerate(data["summary"]):
        assert summary.cell(row=first + offset, column=2).value == item["domain"]
        assert (summary.cell(row=first + offset, column=3).value or "") == item["conclusion"]
    overall = _row_of(summary, "Conclusie totaalbeeld", 1)
    assert summary.cell(row=overall, column=2).value == data["overall"]["analysis"]


def test_factor_model_and_ranking_sheets(client_as, adviseur, written):
    wb = _workbook(client_as(adviseur), written["programme"])
    ws = wb["Factorenmodel Veilige wijk en s"]
    row = _row_of(ws, "Woonomgeving / slechte buurt")
    assert ws.cell(row=row, column=1).value == 4
    assert ws.cell(row=row, column=4).value == "Wijk"
    assert ws.cell(row=row, column=5).value == "Adolescentie"
    assert ws.cell(row=row, column=7).value == "OnveiligBuurt"  # flagged here
    assert ws.cell(row=row, column=8).value == "ja"
    assert ws.cell(row=row, column=11).value == "standaard — te bevestigen door de gemeente"
    ranking = wb["Ranking"]
    assert _row_of(ranking, "Woonomgeving / slechte buurt") > 5
    names = [ranking.cell(row=r, column=2).value for r in range(6, ranking.max_row + 1)]
    assert "Armoede" not in names  # no rank: not in the ranking


def test_notes_sheet_credits_cbs_and_explains_the_rule(client_as, adviseur, written):
    ws = _workbook(client_as(adviseur), written["programme"])["Toelichting"]
    text = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert "CC BY 4.0" in text and "Bron: CBS" in text
    assert "10 %" in text and "voorwaardelijke opmaak" in text
    assert "Wijkprogramma Feijenoord 2025–2026" in text


def test_every_number_in_the_workbook_has_a_number_format(client_as, adviseur, written):
    """Issue 10, item 9: no numeric cell in General format (six decimals in Excel)."""
    response = client_as(adviseur).get(
        reverse("programmes:workbook", args=[written["programme"].pk])
    )
    assert numbers_without_format(response.content) == []
    counted = [c for _title, c in numeric_cells(response.content)]
    assert any(c.number_format == "#,##0" for c in counted)  # counts: no decimals
    assert any(format_decimals(c.number_format) == 1 for c in counted)  # shares: one decimal


def test_cut_sheet_names_keep_the_full_name_in_the_contents_and_on_the_sheet(
    client_as, adviseur, written
):
    wb = _workbook(client_as(adviseur), written["programme"])
    toc = wb["Inhoudsopgave"]
    listed = {
        toc.cell(row=r, column=1).hyperlink.location: toc.cell(row=r, column=1).value
        for r in range(5, toc.max_row + 1)
        if toc.cell(row=r, column=1).hyperlink
    }
    cut = [ws for ws in wb.worksheets if listed.get(f"'{ws.title}'!A1", ws.title) != ws.title]
    assert cut, "the Rotterdam framework has domain names too long for a sheet name"
    for ws in cut:
        full = listed[f"'{ws.title}'!A1"]
        assert len(ws.title) <= 31 and len(full) > 31
        assert full.startswith(ws.title[:20])
        assert ws["A2"].value == full  # the sheet's title, under the link back
