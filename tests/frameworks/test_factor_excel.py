"""Excel export and import of the factor model: round trip, formula injection, all-or-nothing
refusals with a Dutch message per row and column, the web upload and the CLI commands."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from duiding.frameworks.factors.excel import (
    COLUMNS,
    FactorImportError,
    factors_export,
    factors_import,
)
from duiding.frameworks.models import Factor, Framework
from duiding.indicators.models import Indicator
from tests.markup import assert_accessible
from tests.xlsx_checks import numbers_without_format, numeric_cells

pytestmark = pytest.mark.django_db

SLUG = "rotterdam-groeit"


@pytest.fixture
def framework():
    return Framework.objects.get(slug=SLUG)


def snapshot(framework) -> list[tuple]:
    rows = []
    for f in Factor.objects.filter(framework=framework).order_by("name"):
        rows.append(
            (
                f.name,
                f.kind,
                f.rank,
                f.explanation,
                f.source,
                f.is_default,
                f.confirmed,
                f.updated_at,
                tuple(sorted(f.life_areas.values_list("pk", flat=True))),
                tuple(sorted(f.age_phases.values_list("pk", flat=True))),
                tuple(sorted(f.domains.values_list("pk", flat=True))),
                tuple(sorted(f.indicators.values_list("pk", flat=True))),
            )
        )
    return rows


def workbook(*rows, header=COLUMNS, sheet="Factoren") -> io.BytesIO:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(header)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    return out


def row(name="Schulden", kind="risico", rank=None, **kw):
    values = {
        "leefgebieden": "Ouders/gezin",
        "leeftijdsfasen": "Adolescentie",
        "domeinen": "Werk, Meedoen aan sport, cultuur en vrijwilligerswerk",
        "indicatoren": "",
        "toelichting": "Schulden in het gezin.",
        "bron": "Test",
        "standaard": "nee",
        "bevestigd": "nee",
    }
    values.update(kw)
    return [name, kind, rank, *(values[c] for c in COLUMNS[3:])]


def do_import(framework, file):
    return factors_import(framework=framework, file=file, indicators=Indicator.objects.all())


# --- export -------------------------------------------------------------------------------------


def test_export_has_one_sheet_with_the_columns_and_every_factor(framework):
    wb = load_workbook(io.BytesIO(factors_export(framework)))
    assert wb.sheetnames == ["Factoren"]
    rows = list(wb["Factoren"].iter_rows(values_only=True))
    assert list(rows[0]) == COLUMNS
    assert len(rows) - 1 == framework.factors.count()
    first = dict(zip(COLUMNS, rows[1], strict=True))
    assert first["naam"] == "Emotionele en sociale vaardigheden" and first["ranking"] == 1
    assert first["soort"] == "beschermend" and first["standaard"] == "ja"
    by_name = {r[0]: dict(zip(COLUMNS, r, strict=True)) for r in rows[1:]}
    assert by_name["Taalachterstand"]["ranking"] is None


def test_export_round_trip_changes_nothing(framework):
    Indicator.objects.create(code="SocialeCohesieSchaalscore", name="Sociale cohesie")
    factor = framework.factors.get(name="Sociale cohesie")
    factor.indicators.add(Indicator.objects.get(code="SocialeCohesieSchaalscore"))
    before = snapshot(framework)
    summary = do_import(framework, io.BytesIO(factors_export(framework)))
    assert (summary.created, summary.updated) == (0, 0)
    assert summary.unchanged == len(before)
    assert snapshot(framework) == before


def test_export_escapes_formulas_and_import_reads_them_back(framework):
    Factor.objects.create(
        framework=framework,
        name='=HYPERLINK("http://x")',
        kind="risk",
        explanation="+1",
        source="@bron",
    )
    data = factors_export(framework)
    ws = load_workbook(io.BytesIO(data))["Factoren"]
    cells = [c for r in ws.iter_rows() for c in r]
    assert not any(c.data_type == "f" for c in cells)
    texts = {c.value for c in cells if isinstance(c.value, str)}
    assert '\'=HYPERLINK("http://x")' in texts and "'+1" in texts and "'@bron" in texts
    before = snapshot(framework)
    do_import(framework, io.BytesIO(data))
    assert snapshot(framework) == before


# --- import -------------------------------------------------------------------------------------


def test_import_creates_and_updates_by_name(framework):
    Indicator.objects.create(code="PersonenPerSoortUitkeringBijstand", name="Bijstand")
    file = workbook(
        row(indicatoren="PersonenPerSoortUitkeringBijstand"),
        row("Taalachterstand", kind="risico", rank=5, domeinen="Schoolprestaties"),
    )
    summary = do_import(framework, file)
    assert (summary.created, summary.updated, summary.unchanged) == (1, 1, 0)
    schulden = framework.factors.get(name="Schulden")
    assert schulden.kind == "risk" and schulden.rank is None and not schulden.is_default
    assert sorted(schulden.domains.values_list("name", flat=True)) == [
        "Meedoen aan sport, cultuur en vrijwilligerswerk",
        "Werk",
    ]
    assert list(schulden.indicators.values_list("code", flat=True)) == [
        "PersonenPerSoortUitkeringBijstand"
    ]
    assert [a.name for a in schulden.life_areas.all()] == ["Ouders/gezin"]
    taal = framework.factors.get(name="Taalachterstand")
    assert taal.rank == 5 and taal.explanation == "Schulden in het gezin."


BAD = [
    ({"domeinen": "Werk, Xyz"}, "Rij 2, kolom 'domeinen': onbekend domein 'Xyz'"),
    ({"leefgebieden": "Kelder"}, "Rij 2, kolom 'leefgebieden': onbekend leefgebied 'Kelder'"),
    ({"leeftijdsfasen": "Pensioen"}, "Rij 2, kolom 'leeftijdsfasen': onbekende leeftijdsfase"),
    ({"indicatoren": "BestaatNiet"}, "Rij 2, kolom 'indicatoren': onbekende indicator"),
    ({"kind": "soms"}, "Rij 2, kolom 'soort': onbekende soort 'soms'"),
    ({"rank": "twee"}, "Rij 2, kolom 'ranking': 'twee' is geen geheel getal"),
    ({"rank": 2.5}, "Rij 2, kolom 'ranking': '2.5' is geen geheel getal"),
    ({"standaard": "misschien"}, "Rij 2, kolom 'standaard': 'misschien' is geen ja of nee"),
    ({"name": ""}, "Rij 2, kolom 'naam': de naam ontbreekt"),
]


@pytest.mark.parametrize(("change", "message"), BAD)
def test_bad_input_is_refused_per_row_and_column_and_changes_nothing(framework, change, message):
    good = row("Taalachterstand", toelichting="Zou veranderen")
    bad = row(**change) if "name" not in change else row(change.pop("name"), **change)
    before = snapshot(framework)
    with pytest.raises(FactorImportError) as refused:
        do_import(framework, workbook(bad, good))
    assert any(m.startswith(message) for m in refused.value.messages), refused.value.messages
    assert snapshot(framework) == before


def test_duplicate_names_missing_columns_and_wrong_files_are_refused(framework):
    before = snapshot(framework)
    with pytest.raises(FactorImportError) as refused:
        do_import(framework, workbook(row(), row("schulden")))
    assert refused.value.messages == ["Rij 3, kolom 'naam': 'schulden' staat ook al op rij 2"]
    with pytest.raises(FactorImportError) as refused:
        do_import(framework, workbook(["x"], header=["naam"]))
    assert refused.value.messages == ["Rij 1: de kolom 'soort' ontbreekt."]
    with pytest.raises(FactorImportError) as refused:
        do_import(framework, workbook(row(), sheet="Blad1"))
    assert "geen tabblad 'Factoren'" in refused.value.messages[0]
    with pytest.raises(FactorImportError) as refused:
        do_import(framework, io.BytesIO(b"naam;soort\nx;risico\n"))
    assert "geen Excel-bestand" in refused.value.messages[0]
    assert snapshot(framework) == before


# --- web ----------------------------------------------------------------------------------------


def test_download_button_gives_the_workbook(client_as, partner):
    response = client_as(partner).get(reverse("frameworks:factor_export", args=[SLUG]))
    assert response.status_code == 200
    assert "factoren-rotterdam-groeit.xlsx" in response["Content-Disposition"]
    assert load_workbook(io.BytesIO(response.content)).sheetnames == ["Factoren"]


def test_upload_shows_a_summary(client_as, beheerder, framework):
    client = client_as(beheerder)
    url = reverse("frameworks:factor_import", args=[SLUG])
    response = client.get(url)
    assert response.status_code == 200
    assert_accessible(response)
    file = workbook(row(), row("Taalachterstand", rank=5))
    file.name = "factoren.xlsx"
    response = client.post(url, {"file": file}, follow=True)
    html = response.content.decode()
    assert "1 nieuw, 1 bijgewerkt, 0 ongewijzigd" in html
    assert framework.factors.filter(name="Schulden").exists()


def test_upload_shows_the_errors_and_changes_nothing(client_as, beheerder, framework):
    before = snapshot(framework)
    file = workbook(row(domeinen="Xyz"), row("Ander", kind="soms"))
    file.name = "factoren.xlsx"
    response = client_as(beheerder).post(
        reverse("frameworks:factor_import", args=[SLUG]), {"file": file}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Rij 2, kolom &#x27;domeinen&#x27;: onbekend domein &#x27;Xyz&#x27;" in html
    assert "Rij 3, kolom &#x27;soort&#x27;" in html
    assert "er is niets veranderd" in html
    assert snapshot(framework) == before
    assert_accessible(response)


# --- CLI ----------------------------------------------------------------------------------------


def test_cli_export_then_import_round_trip(tmp_path, framework):
    path = tmp_path / "factoren.xlsx"
    out = io.StringIO()
    call_command("export-factors", str(path), stdout=out)
    assert f"{framework.factors.count()} factoren van Rotterdam Groeit" in out.getvalue()
    before = snapshot(framework)
    out = io.StringIO()
    call_command("import-factors", str(path), "--framework", SLUG, stdout=out)
    assert "0 nieuw, 0 bijgewerkt" in out.getvalue()
    assert snapshot(framework) == before


def test_cli_import_refuses_bad_files_and_unknown_frameworks(tmp_path, framework):
    path = tmp_path / "slecht.xlsx"
    path.write_bytes(workbook(row(leeftijdsfasen="Pensioen")).getvalue())
    err = io.StringIO()
    with pytest.raises(CommandError, match="niets veranderd"):
        call_command("import-factors", str(path), stderr=err)
    assert "Rij 2, kolom 'leeftijdsfasen': onbekende leeftijdsfase 'Pensioen'" in err.getvalue()
    assert not framework.factors.filter(name="Schulden").exists()
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("export-factors", str(path), "--framework", "nergens")
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("import-factors", str(tmp_path / "weg.xlsx"))


def test_factor_export_numbers_have_a_format_and_the_file_reads_back(framework):
    """Issue 10, item 9: the rank was a number in General format."""
    content = factors_export(framework)
    assert numbers_without_format(content) == []
    ranks = [c for _title, c in numeric_cells(content)]
    assert ranks and all(c.number_format == "0" for c in ranks)
    before = snapshot(framework)
    do_import(framework, io.BytesIO(content))
    assert snapshot(framework) == before
