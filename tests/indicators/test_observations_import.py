"""A municipality's own long file (CSV/Excel): number formats, marks, bad input, import, CLI."""

from datetime import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from duiding.areas.models import Area, Level
from duiding.indicators.importing.numbers import (
    AMBIGUOUS,
    DUTCH,
    ENGLISH,
    INVALID,
    notation_evidence,
    parse_number,
)
from duiding.indicators.importing.observations import dataset_code_for, parse_observations
from duiding.indicators.importing.report import format_report
from duiding.indicators.importing.runner import import_run_execute
from duiding.indicators.models import Indicator, Observation
from duiding.jobs.models import ImportRun
from duiding.jobs.services import import_run_create

AREAS = {"NL01", "GM0599", "WK059901"}
INDICATORS = {"aandeel", "aantal"}
GOOD_NL = (
    "gebiedscode;indicator;periode;waarde;teller;noemer\n"
    "GM0599;aandeel;2024;12,5;25;200\n"
    "WK059901;aandeel;2024;.;;\n"
    "GM0599;aantal;2024;1.234;;\n"
    "WK059901;aantal;2024;-;;\n"
    "NL01;aantal;2024;;;\n"
    "GM0599;aantal;2024H1;x;;\n"
)


def _file(tmp_path, text, name="eigen.csv", encoding="utf-8", bom=False):
    path = tmp_path / name
    data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def _parse(path, **kw):
    kw.setdefault("known_areas", AREAS)
    kw.setdefault("known_indicators", INDICATORS)
    return parse_observations(path, **kw)


def _values(result):
    return {(v.area_code, v.indicator_code, v.period_code): v for v in result.values}


def _errors(result):
    return [m for m in result.messages if m.level == "error"]


# --- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "notation", "expected"),
    [
        ("12,5", DUTCH, 12.5),
        ("12.5", ENGLISH, 12.5),
        ("1.234,5", DUTCH, 1234.5),
        ("1,234.5", ENGLISH, 1234.5),
        ("1 234", DUTCH, 1234),
        ("1\u00a0234,5", DUTCH, 1234.5),
        ("-3,5", DUTCH, -3.5),
        ("1.234", DUTCH, 1234),
        ("1.234", ENGLISH, 1.234),
        ("1,234", DUTCH, 1.234),
        ("1.234.567", ENGLISH, 1234567),
        ("12,5%", DUTCH, 12.5),
        ("0,125", ENGLISH, 0.125),
    ],
)
def test_parse_number_reads_dutch_and_english_notation(text, notation, expected):
    assert parse_number(text, notation) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["12,5,3", "veel", "1 23", "", "1e3", "1.2.3,4.5", "--1"])
def test_parse_number_refuses_text(text):
    assert notation_evidence(text) == INVALID
    with pytest.raises(ValueError):
        parse_number(text)


def test_notation_evidence_tells_which_cells_decide():
    assert notation_evidence("12,5") == DUTCH
    assert notation_evidence("1,234.5") == ENGLISH
    assert notation_evidence("1.234") == AMBIGUOUS
    assert notation_evidence("1,234,567") == ENGLISH


# --- parser: formats ----------------------------------------------------------------------------


def test_parse_dutch_file_reads_values_marks_and_counts(tmp_path):
    result = _parse(_file(tmp_path, GOOD_NL), organisation="rotterdam")
    assert _errors(result) == [], result.messages
    assert result.rows_read == 6
    got = {k: (v.value, v.status) for k, v in _values(result).items()}
    assert got == {
        ("GM0599", "aandeel", "2024"): (12.5, "ok"),
        ("WK059901", "aandeel", "2024"): (None, "suppressed"),
        ("GM0599", "aantal", "2024"): (1234.0, "ok"),
        ("WK059901", "aantal", "2024"): (0.0, "ok"),  # '-' = nihil
        ("NL01", "aantal", "2024"): (None, "not_available"),
        ("GM0599", "aantal", "2024H1"): (None, "suppressed"),  # 'x' = geheim
    }
    first = _values(result)[("GM0599", "aandeel", "2024")]
    assert (first.numerator, first.denominator, first.source_row, first.source_column) == (
        25,
        200,
        2,
        "waarde",
    )
    assert result.dataset_code == "eigen:rotterdam:eigen.csv"
    assert result.periods["2024H1"] == "1e halfjaar 2024"


@pytest.mark.parametrize(
    ("text", "bom"),
    [
        ('Area_Code,Indicator_Code,Period,Value\nGM0599,aandeel,2024,"1,234.5"\n', False),
        ("GEBIEDSCODE\tIndicator\tPeriode\tWaarde\nGM0599\taandeel\t2024\t1.234,5\n", True),
        ("gebiedscode;indicatorcode;periode;waarde\ngm0599;AANDEEL;2024;1 234,5\n", True),
        ("area code,indicator,period,value\nGM0599,aandeel,2024,1234.5\n", False),
    ],
)
def test_parse_accepts_separators_headers_and_bom(tmp_path, text, bom):
    result = _parse(_file(tmp_path, text, bom=bom))
    assert _errors(result) == [], result.messages
    assert [(v.area_code, v.indicator_code, v.value) for v in result.values] == [
        ("GM0599", "aandeel", 1234.5)
    ]


def test_parse_ambiguous_number_follows_the_file_and_warns(tmp_path):
    dutch = _parse(
        _file(tmp_path, "gebiedscode;indicator;periode;waarde\nGM0599;aantal;2024;1.234\n")
    )
    english = _parse(
        _file(tmp_path, "area_code,indicator,period,value\nGM0599,aantal,2024,1.234\n")
    )
    assert dutch.values[0].value == 1234 and english.values[0].value == pytest.approx(1.234)
    for result in (dutch, english):
        assert not _errors(result)
        assert any("1.234" in m.message and m.level == "warning" for m in result.messages)
    decided = _parse(
        _file(
            tmp_path,
            "gebiedscode;indicator;periode;waarde\nGM0599;aantal;2024;1.234\nGM0599;aandeel;2024;3,5\n",
        )
    )
    assert decided.values[0].value == 1234 and not decided.messages


def test_parse_excel_file_keeps_types_and_percent_cells(tmp_path):
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Mijn cijfers"
    ws.append(["Gebiedscode", "Indicator", "Periode", "Waarde", "Opmerking"])
    ws.append(["GM0599", "aandeel", 2024, 0.125, "als percentage opgemaakt"])
    ws["D2"].number_format = "0.0%"
    ws.append(["WK059901", "aantal", datetime(2024, 6, 30), "1.234,5", ""])
    ws.append([None, None, None, None, None])
    ws.append(["GM0599", "aantal", "2e halfjaar 2024", ".", None])
    path = tmp_path / "eigen.xlsx"
    workbook.save(path)
    result = _parse(path)
    assert _errors(result) == [], result.messages
    got = _values(result)
    assert got[("GM0599", "aandeel", "2024")].value == pytest.approx(12.5)
    assert got[("WK059901", "aantal", "2024-06-30")].value == 1234.5
    assert got[("GM0599", "aantal", "2024H2")].status == "suppressed"
    assert got[("GM0599", "aantal", "2024H2")].source_row == 5  # the empty row 4 still counts
    assert result.periods["2024H2"] == "2e halfjaar 2024"
    levels = {m.level for m in result.messages}
    assert levels == {"info", "warning"}  # percent cells read as shown; column 'Opmerking' ignored


def test_parse_secret_value_drops_its_numerator(tmp_path):
    text = "gebiedscode;indicator;periode;waarde;teller;noemer\nGM0599;aandeel;2024;x;3;40\n"
    result = _parse(_file(tmp_path, text))
    value = result.values[0]
    assert (value.status, value.value, value.numerator, value.denominator) == (
        "suppressed",
        None,
        None,
        40,
    )
    assert [m.level for m in result.messages] == ["info"]


def test_dataset_code_is_short_and_unique():
    code = dataset_code_for("x" * 100 + ".csv", "rotterdam")
    assert len(code) == 60 and code.startswith("eigen:rotterdam:")
    assert code != dataset_code_for("x" * 100 + ".xlsx", "rotterdam")
    assert dataset_code_for("a.csv") == "eigen:a.csv"


# --- parser: bad input --------------------------------------------------------------------------

H = "gebiedscode;indicator;periode;waarde;teller;noemer\n"
BAD = {
    "encoding": ((H + "GM0599;aandeel;2024;1;;\nGM0599;caf\u00e9;2024;2;;\n", "cp1252"), 3, "indicator", "niet in UTF-8"),
    "header": (("gebied;indicator;periode;getal\nGM0599;aandeel;2024;1\n", "utf-8"), 1, "gebiedscode, waarde", "mist de kolom"),
    "one column": (("gebiedscode|indicator|periode|waarde\n", "utf-8"), 1, "gebiedscode, indicator, periode, waarde", "één kolom"),
    "empty": (("", "utf-8"), None, "", "leeg"),
    "header only": ((H, "utf-8"), None, "", "alleen een kopregel"),
    "area": ((H + "GM9999;aandeel;2024;1;;\n", "utf-8"), 2, "gebiedscode", "'GM9999' is onbekend"),
    "indicator": ((H + "GM0599;onbekend;2024;1;;\n", "utf-8"), 2, "indicator", "'onbekend' bestaat niet"),
    "period": ((H + "GM0599;aandeel;2024H3;1;;\n", "utf-8"), 2, "periode", "'2024H3' is geen periode"),
    "duplicate": ((H + "GM0599;aandeel;2024;1;;\nGM0599;aandeel;2024;2;;\n", "utf-8"), 3, "waarde", "herhaalt rij 2"),
    "text": ((H + "GM0599;aandeel;2024;hoog;;\n", "utf-8"), 2, "waarde", "'hoog' is geen getal"),
    "numerator": ((H + "GM0599;aandeel;2024;1;50;40\n", "utf-8"), 2, "teller", "groter dan de noemer"),
    "denominator": ((H + "GM0599;aandeel;2024;1;0;0\n", "utf-8"), 2, "noemer", "groter dan 0"),
    "negative": ((H + "GM0599;aandeel;2024;1;-5;40\n", "utf-8"), 2, "teller", "niet negatief"),
    "separator": (("gebiedscode,indicator,periode,waarde\nGM0599,aandeel,2024,12,5\n", "utf-8"), 2, "E", "meer vakken"),
    "mixed": ((H + "GM0599;aandeel;2024;12,5;;\nWK059901;aandeel;2024;12.5;;\n", "utf-8"), 3, "waarde", "mengt getalnotaties"),
}  # fmt: skip


@pytest.mark.parametrize("case", BAD)
def test_parse_bad_input_gives_dutch_message_with_row_and_column(tmp_path, case):
    (text, encoding), row, column, fragment = BAD[case]
    result = _parse(_file(tmp_path, text, encoding=encoding))
    errors = _errors(result)
    assert errors, result.messages
    assert (errors[0].row, errors[0].column) == (row, column)
    assert fragment in errors[0].message
    if row:
        assert f"rij {row}" in errors[0].message.lower()
    if case != "encoding":  # an unreadable file has no rows to refuse
        assert result.rows_refused == (1 if row and row > 1 else 0)


def test_parse_old_excel_and_utf16_are_refused(tmp_path):
    old = tmp_path / "oud.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    assert ".xls" in _errors(_parse(old))[0].message
    utf16 = tmp_path / "unicode.csv"
    utf16.write_bytes("gebiedscode;indicator;periode;waarde\n".encode("utf-16"))
    assert "UTF-16" in _errors(_parse(utf16))[0].message


# --- import through the runner -------------------------------------------------------------------


@pytest.fixture
def own_setup(municipality_org, other_org):
    gm = Area.objects.get(code="GM0599")
    Area.objects.create(
        code="WK059901", name="Centrum", level=Level.DISTRICT, parent=gm, municipality=gm
    )
    Indicator.objects.create(code="aandeel", name="Aandeel", unit_kind="percentage")
    Indicator.objects.create(code="aantal", name="Aantal", unit_kind="count")
    Indicator.objects.create(code="AantalInwoners", name="Inwoners")
    Indicator.objects.create(code="geheim", name="Van een ander", organisation=other_org)
    return municipality_org


def _import(path, organisation) -> ImportRun:
    run = import_run_create(kind=ImportRun.Kind.OBSERVATIONS, path=path, organisation=organisation)
    return import_run_execute(run)


@pytest.mark.django_db
def test_import_own_file_stores_values_owned_by_the_organisation(tmp_path, own_setup):
    run = _import(_file(tmp_path, GOOD_NL), own_setup)
    assert run.status == ImportRun.Status.DONE, format_report(run)
    assert run.values_stored == 6 and run.rows_read == 6
    obs = Observation.objects.get(indicator__code="aandeel", area__code="GM0599")
    assert (obs.value, obs.numerator, obs.denominator) == (12.5, 25, 200)
    assert (obs.source_file, obs.source_row, obs.source_column) == ("eigen.csv", 2, "waarde")
    assert obs.dataset.code == "eigen:rotterdam:eigen.csv"
    assert obs.dataset.organisation == own_setup and obs.dataset.publisher == own_setup.name
    secret = Observation.objects.get(indicator__code="aandeel", area__code="WK059901")
    nihil = Observation.objects.get(indicator__code="aantal", area__code="WK059901")
    assert (secret.status, secret.value) == ("suppressed", None)
    assert (nihil.status, nihil.value) == ("ok", 0.0)


@pytest.mark.django_db
def test_import_own_file_accepts_kwb_short_key_as_indicator(tmp_path, own_setup):
    path = _file(tmp_path, "gebiedscode;indicator;periode;waarde\nGM0599;a_inw;2024;655.468\n")
    run = _import(path, own_setup)
    assert run.status == ImportRun.Status.DONE, format_report(run)
    assert Observation.objects.get(indicator__code="AantalInwoners").value == 655468


@pytest.mark.django_db
def test_import_own_file_twice_changes_nothing_and_revision_keeps_history(tmp_path, own_setup):
    path = _file(tmp_path, GOOD_NL)
    _import(path, own_setup)
    before = list(Observation.objects.order_by("pk").values_list("pk", "value", "is_current"))
    assert _import(path, own_setup).status == ImportRun.Status.UNCHANGED
    assert (
        list(Observation.objects.order_by("pk").values_list("pk", "value", "is_current")) == before
    )
    revised = _file(tmp_path, GOOD_NL.replace("12,5;25;200", "13,0;26;200"), name="eigen-v2.csv")
    run = _import(revised, own_setup)
    assert (run.values_revised, run.values_stored) == (1, 0)
    history = Observation.objects.filter(indicator__code="aandeel", area__code="GM0599")
    assert sorted(history.values_list("value", "is_current")) == [(12.5, False), (13.0, True)]


@pytest.mark.django_db
@pytest.mark.parametrize("case", [*BAD, "other organisation"])
def test_import_bad_file_changes_nothing(tmp_path, own_setup, case):
    _import(_file(tmp_path, GOOD_NL, name="goed.csv"), own_setup)
    before = list(Observation.objects.order_by("pk").values_list("pk", "value", "is_current"))
    if case == "other organisation":
        (text, encoding), row, column = (H + "GM0599;geheim;2024;1;;\n", "utf-8"), 2, "indicator"
    else:
        (text, encoding), row, column, _fragment = BAD[case]
    run = _import(_file(tmp_path, text, encoding=encoding), own_setup)
    assert run.status == ImportRun.Status.FAILED
    assert (
        list(Observation.objects.order_by("pk").values_list("pk", "value", "is_current")) == before
    )
    first_error = next(m for m in run.messages if m["level"] == "error")
    assert (first_error["row"], first_error["column"]) == (row, column)


# --- command line ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_cli_import_observations_prints_dutch_report(tmp_path, own_setup, capsys):
    call_command("import-observations", str(_file(tmp_path, GOOD_NL)), organisation="rotterdam")
    out = capsys.readouterr().out
    assert "Eigen cijfers (CSV/Excel)" in out and "Waarden opgeslagen: 6 nieuw" in out
    bad = _file(tmp_path, H + "GM0599;aandeel;2024;hoog;;\n", name="fout.csv")
    with pytest.raises(CommandError):
        call_command("import-observations", str(bad), organisation="rotterdam")
    out = capsys.readouterr().out
    assert "Status: Mislukt" in out and "Rij 2, kolom 'waarde'" in out
    with pytest.raises(CommandError, match="Organisatie 'nergens' bestaat niet"):
        call_command("import-observations", str(bad), organisation="nergens")


@pytest.mark.django_db
def test_import_own_file_names_dataset_after_the_uploaded_name(tmp_path, own_setup):
    """Uploads are stored under a random name; the dataset and provenance use the user's name."""
    stored = _file(tmp_path, GOOD_NL, name="20261123-k3j4h5.csv")
    run = import_run_create(kind=ImportRun.Kind.OBSERVATIONS, path=stored, organisation=own_setup)
    run.file_name = "wijkcijfers 2024.csv"
    run.save(update_fields=["file_name"])
    run = import_run_execute(run)
    assert run.dataset.code == "eigen:rotterdam:wijkcijfers 2024.csv"
    assert Observation.objects.filter(source_file="wijkcijfers 2024.csv").count() == 6


@pytest.mark.django_db
def test_format_report_names_row_and_column_once(tmp_path, own_setup):
    run = ImportRun.objects.create(
        kind=ImportRun.Kind.OBSERVATIONS,
        file_name="x.csv",
        status=ImportRun.Status.FAILED,
        rows_read=1234,
        messages=[
            {
                "row": 3,
                "column": "waarde",
                "message": "Rij 3, kolom 'waarde': fout",
                "level": "error",
            },
            {"row": 5, "column": "noemer", "message": "Te groot", "level": "warning"},
            {"row": None, "column": "", "message": "Zomaar", "level": "info"},
        ],
    )
    text = format_report(run)
    assert "Rijen gelezen: 1.234" in text and "Status: Mislukt" in text
    assert "  Fout    Rij 3, kolom 'waarde': fout" in text
    assert "  Let op  [rij 5, kolom noemer] Te groot" in text
    assert "  Info    Zomaar" in text
    assert "nog 2 meldingen" in format_report(run, max_messages=1)
