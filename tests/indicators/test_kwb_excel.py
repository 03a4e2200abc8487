"""KWB Excel release (kwb-YYYY.xlsx): parser, short-key mapping, import through the runner, CLI."""

import json
import re
import zipfile
from collections import Counter

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook, load_workbook

from duiding.indicators.importing import kwb_keys
from duiding.indicators.importing.kwb_excel import parse_kwb_excel
from duiding.indicators.importing.report import format_report
from duiding.indicators.importing.runner import import_run_execute
from duiding.indicators.models import Indicator, Observation, SeriesAlias
from duiding.jobs.models import ImportRun
from duiding.jobs.services import import_run_create

UTRECHT = "cbs_kwb_utrecht_2023_2024"
FILES = {2023: "CBS-Utrecht-kwb-2023.xlsx", 2024: "CBS-Utrecht-kwb-2024.xlsx"}
HEADER = ["gwb_code_10", "gwb_code_8", "regio", "gm_naam", "recs", "gwb_code", "ind_wbi"]
MEASURES = ["a_inw", "a_00_14", "p_jz_tn", "g_hhgro", "x_nieuw"]


def _xlsx(path, rows, header=None, sheet="kwb-2024"):
    workbook = Workbook()
    ws = workbook.active
    ws.title = sheet
    ws.append(header if header is not None else HEADER + MEASURES)
    for row in rows:
        ws.append(row)
    workbook.save(path)
    return path


def _area_row(code, name, recs, *values, wbi=1):
    return [code, code[2:], name, "Teststad", recs, code, wbi, *values]


def _small(tmp_path, name="kwb-2024.xlsx", inhabitants=1810):
    return _xlsx(
        tmp_path / name,
        [
            _area_row("GM0344", "Utrecht", "Gemeente", 374238, 59098, 12.5, 1.9, 7),
            _area_row("WK034401", "West", "Wijk", 29710, "4285", ".", "1.8", 0),
            _area_row("BU03440111", "Welgelegen", "Buurt", inhabitants, 195, ".", 1.6, "."),
        ],
    )


def _read_sheet(path):
    workbook = load_workbook(path, read_only=True)
    rows = [list(r) for r in workbook.worksheets[0].iter_rows(values_only=True)]
    workbook.close()
    return rows


def _run(path, year=2024) -> ImportRun:
    run = import_run_create(kind=ImportRun.Kind.KWB_EXCEL, path=path, options={"year": year})
    return import_run_execute(run)


# --- short keys -------------------------------------------------------------------------------


def test_kwb_keys_map_short_keys_onto_odata_series():
    assert kwb_keys.canonical_key("a_inw") == "AantalInwoners"
    assert kwb_keys.canonical_key("a_00_14") == "k_0Tot15Jaar"
    assert kwb_keys.canonical_key("p_jz_tn") == "PercentageJongerenMetJeugdzorg"
    assert kwb_keys.canonical_key("a_jz_tn") == "JongerenMetJeugdzorgInNatura"
    assert kwb_keys.canonical_key(" A_INW ") == "AantalInwoners"
    # A key CBS repeats is qualified by its topic group, as the CBS importer does.
    assert kwb_keys.canonical_key("a_nl_all") == "Nederland.Herkomstland"
    assert kwb_keys.canonical_key("a_gbl_ne") == "BuitenEuropa.GeborenBuitenNederland"
    assert kwb_keys.canonical_key("g_gas_ap") == "Appartement.GemiddeldAardgasverbruik"
    # Not certain or unknown: the short key stays the code.
    assert kwb_keys.canonical_key("a_opl_lg") == "a_opl_lg"
    assert kwb_keys.canonical_key("x_unknown") == "x_unknown"


def test_kwb_keys_never_map_two_columns_onto_one_series():
    canonical = Counter(c.canonical for c in kwb_keys.COLUMNS.values())
    assert [code for code, n in canonical.items() if n > 1] == []


def test_kwb_keys_specs_carry_unit_and_dutch_name():
    p = kwb_keys.indicator_spec("p_jz_tn")
    assert (p.code, p.unit_kind, p.decimals) == ("PercentageJongerenMetJeugdzorg", "percentage", 1)
    assert kwb_keys.indicator_spec("a_inw").unit_kind == "count"
    assert kwb_keys.indicator_spec("p_wmo_t").unit_kind == "rate_1000"
    assert kwb_keys.indicator_spec("g_hhgro").unit_kind == "mean"
    unknown = kwb_keys.indicator_spec("p_won_zs")
    assert (unknown.code, unknown.unit_kind) == ("p_won_zs", "percentage")


def test_kwb_aliases_list_every_mapped_key_once():
    aliases = kwb_keys.kwb_aliases()
    assert ("a_inw", "AantalInwoners") in [(a, c) for a, c, _ in aliases]
    assert len({a for a, _, _ in aliases}) == len(aliases)
    assert all(a != c and note for a, c, note in aliases)


@pytest.mark.django_db
def test_kwb_aliases_ensure_is_idempotent_and_keeps_edits():
    # Independent of whether a data migration already seeded them.
    SeriesAlias.objects.filter(alias__in=[a for a, _, _ in kwb_keys.kwb_aliases()]).delete()
    SeriesAlias.objects.create(kind="measure", alias="a_inw", canonical="Eigen", note="handmatig")
    added = kwb_keys.kwb_aliases_ensure()
    assert added == len(kwb_keys.kwb_aliases()) - 1
    assert kwb_keys.kwb_aliases_ensure() == 0
    assert SeriesAlias.objects.get(alias="a_inw").canonical == "Eigen"


def test_kwb_keys_agree_with_cbs_dataproperties(shared_data):
    """Every mapped OData key exists in 85984NED with a matching unit; the ambiguous set is right."""
    props = json.loads(
        (shared_data / "cbs_kwb_2024_partial" / "DataProperties_85984NED.json").read_text()
    )
    topics = {p["Key"]: p for p in props if p.get("Type") == "Topic"}
    stripped = Counter(re.sub(r"_\d+$", "", key) for key in topics)
    assert {k for k, n in stripped.items() if n > 1} == kwb_keys.AMBIGUOUS_ODATA
    units = {"%": {"percentage"}, "aantal": {"count", "mean"}, "per 1 000 inwoners": {"rate_1000"}}
    for column in kwb_keys.COLUMNS.values():
        if not column.odata:
            continue
        assert column.odata in topics, column.key
        unit = topics[column.odata]["Unit"]
        assert column.unit_kind in units.get(unit, {"mean", "count", "index"}), column.key
        assert column.decimals == topics[column.odata]["Decimals"], column.key


def test_kwb_keys_use_the_codes_of_the_cbs_importer(shared_data):
    """Importing 85984NED with its DataProperties and the KWB Excel gives one series per measure."""
    cbs_columns = pytest.importorskip("duiding.indicators.importing.cbs_columns")
    folder = shared_data / "cbs_kwb_2024_partial"
    props = cbs_columns.properties_load(folder / "DataProperties_85984NED.json")
    with open(folder / "85984NED_first10000rows.csv", encoding="utf-8-sig") as fh:
        header = fh.readline().strip().split(";")
    measures = cbs_columns.measure_names(
        header, [i for i, key in enumerate(header) if key in props.topics], props
    )
    code_by_column = {m.column: m.code for m in measures}
    for column in kwb_keys.COLUMNS.values():
        if column.odata:
            assert column.canonical == code_by_column[column.odata], column.key


# --- parser on small files --------------------------------------------------------------------


def test_parse_kwb_reads_areas_values_and_marks(tmp_path):
    result = parse_kwb_excel(_small(tmp_path), year=2024)
    assert not result.has_errors, result.messages
    assert result.rows_read == 3 and result.periods == {"2024": "2024"}
    assert {a.code: a.level for a in result.areas.values()} == {
        "GM0344": "gemeente",
        "WK034401": "wijk",
        "BU03440111": "buurt",
    }
    values = {(v.area_code, v.indicator_code): v for v in result.values}
    inw = values[("GM0344", "AantalInwoners")]
    assert (inw.value, inw.status, inw.source_row, inw.source_column) == (374238, "ok", 2, "a_inw")
    assert inw.indelingswijziging == "1" and inw.period_code == "2024"
    assert values[("WK034401", "k_0Tot15Jaar")].value == 4285  # number stored as text
    secret = values[("WK034401", "PercentageJongerenMetJeugdzorg")]
    assert (secret.value, secret.status) == (None, "suppressed")
    zero = values[("WK034401", "x_nieuw")]
    assert (zero.value, zero.status) == (0, "ok")
    assert result.indicators["x_nieuw"].name == "KWB x_nieuw"
    assert result.dataset_code == "cbs-kwb-2024"


def test_parse_kwb_reads_first_sheet_whatever_its_name(tmp_path):
    path = _small(tmp_path)
    workbook = load_workbook(path)
    workbook.worksheets[0].title = "Gemeente-Utrecht"
    workbook.create_sheet("Toelichting").append(["geen", "gegevens"])
    workbook.save(path)
    assert len(parse_kwb_excel(path, year=2024).areas) == 3


def test_parse_kwb_reads_all_columns_when_the_sheet_dimension_is_wrong(tmp_path):
    path = _small(tmp_path)
    broken = tmp_path / "kwb-2024-dim.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1"/>', data)
            dst.writestr(item, data)
    assert len(parse_kwb_excel(broken, year=2024).values) == 15


def test_parse_kwb_warns_when_year_differs_from_file_name(tmp_path):
    result = parse_kwb_excel(_small(tmp_path, name="kwb-2023.xlsx"), year=2024)
    assert not result.has_errors
    assert any("2023" in m.message and m.level == "warning" for m in result.messages)


@pytest.mark.parametrize(
    ("rows", "header", "row", "column", "text"),
    [
        ([["x"]], ["code", "naam"], 1, "gwb_code_10", "ontbreekt"),
        ([_area_row("GM0344", "U", "Gemeente", 1, 2, "veel", 1, 1)], None, 2, "p_jz_tn", "'veel' is geen getal"),
        ([_area_row("XX12", "U", "Gemeente", 1, 2, 3, 1, 1)], None, 2, "gwb_code_10", "geen CBS-gebiedscode"),
        (
            [_area_row("GM0344", "U", "Gemeente", 1, 2, 3, 1, 1)] * 2,
            None,
            3,
            "gwb_code_10",
            "staat ook al in rij 2",
        ),
        ([], None, None, "", "geen gegevens onder de kopregel"),
    ],
)  # fmt: skip
def test_parse_kwb_bad_input_names_row_and_column(tmp_path, rows, header, row, column, text):
    result = parse_kwb_excel(_xlsx(tmp_path / "kwb-2024.xlsx", rows, header), year=2024)
    errors = [m for m in result.messages if m.level == "error"]
    assert errors, result.messages
    assert errors[0].row == row and errors[0].column == column
    assert text in errors[0].message


def test_parse_kwb_refuses_empty_file_and_bad_year(tmp_path):
    empty = tmp_path / "kwb-2024.xlsx"
    Workbook().save(empty)
    assert "leeg" in parse_kwb_excel(empty, year=2024).messages[0].message
    assert parse_kwb_excel(_small(tmp_path), year=24).has_errors


# --- the real Utrecht files ---------------------------------------------------------------------


@pytest.mark.parametrize("year", [2023, 2024])
def test_parse_kwb_utrecht_reads_every_cell_as_published(shared_data, year):
    path = shared_data / UTRECHT / FILES[year]
    result = parse_kwb_excel(path, year=year)
    assert not result.messages, result.messages
    rows = _read_sheet(path)
    header = rows[0]
    assert result.rows_read == len(rows) - 1 == 122
    assert Counter(a.level for a in result.areas.values()) == {
        "buurt": 111,
        "wijk": 10,
        "gemeente": 1,
    }
    parsed = {(v.source_row, v.source_column): v for v in result.values}
    checked = 0
    for row_number, row in enumerate(rows[1:], start=2):
        for key, cell in zip(header, row, strict=True):
            if key in kwb_keys.NOT_MEASURES:
                continue
            value = parsed[(row_number, key)]
            assert value.area_code == row[0] and value.period_code == str(year)
            if cell == ".":
                assert (value.status, value.value) == ("suppressed", None)
            else:
                assert (value.status, value.value) == ("ok", float(cell))
            checked += 1
    assert checked == len(result.values)


def test_parse_kwb_csv_copy_gives_the_same_values_as_the_xlsx(shared_data):
    def cells(path):
        return {
            (v.area_code, v.indicator_code, v.source_row): (v.value, v.status)
            for v in parse_kwb_excel(path, year=2023).values
        }

    xlsx = cells(shared_data / UTRECHT / FILES[2023])
    assert cells(shared_data / UTRECHT / "utrecht_kwb_2023.csv") == xlsx


@pytest.mark.django_db
def test_import_kwb_utrecht_both_years_store_values_as_in_the_file(shared_data):
    for year, name in FILES.items():
        run = _run(shared_data / UTRECHT / name, year=year)
        assert run.status == ImportRun.Status.DONE, format_report(run)
        assert run.values_stored == 122 * 112
    rows = _read_sheet(shared_data / UTRECHT / FILES[2024])
    header = rows[0]
    buurt = rows[3]  # BU03440111, row 4 in Excel
    obs = Observation.objects.get(
        indicator__code="AantalInwoners", area__code=buurt[0], period__code="2024"
    )
    assert obs.value == float(buurt[header.index("a_inw")])
    assert (obs.source_file, obs.source_row, obs.source_column) == (FILES[2024], 4, "a_inw")
    assert obs.dataset.code == "cbs-kwb-2024" and obs.dataset.organisation is None
    secret = Observation.objects.get(
        indicator__code="PercentageJongerenMetJeugdzorg", area__code="GM0344", period__code="2023"
    )
    assert (secret.status, secret.value) == ("suppressed", None)
    zero = Observation.objects.get(
        indicator__code="InBezitWoningcorporatie", area__code="BU03441041", period__code="2023"
    )
    assert (zero.status, zero.value) == ("ok", 0.0)  # a real 0, distinct from '.'
    p = Indicator.objects.get(code="PercentageJongerenMetJeugdzorg")
    assert p.unit_kind == "percentage" and p.is_comparable
    assert not Indicator.objects.get(code="AantalInwoners").is_comparable


# --- import through the runner: all-or-nothing, idempotent, history ------------------------------


@pytest.mark.django_db
def test_import_kwb_same_file_twice_changes_nothing(tmp_path):
    path = _small(tmp_path)
    first = _run(path)
    assert first.status == ImportRun.Status.DONE and first.areas_created == 3
    before = list(Observation.objects.order_by("pk").values_list("pk", "value", "is_current"))
    again = _run(path)
    assert again.status == ImportRun.Status.UNCHANGED
    assert (
        list(Observation.objects.order_by("pk").values_list("pk", "value", "is_current")) == before
    )


@pytest.mark.django_db
def test_import_kwb_revised_value_keeps_history(tmp_path):
    _run(_small(tmp_path, inhabitants=1810))
    run = _run(_small(tmp_path, name="kwb-2024-herzien.xlsx", inhabitants=1815))
    assert run.values_revised == 1 and run.values_stored == 0
    rows = Observation.objects.filter(indicator__code="AantalInwoners", area__code="BU03440111")
    assert sorted(rows.values_list("value", "is_current")) == [(1810.0, False), (1815.0, True)]


@pytest.mark.django_db
def test_import_kwb_bad_file_changes_nothing(tmp_path):
    _run(_small(tmp_path))
    before = Observation.objects.count()
    bad = _xlsx(
        tmp_path / "kwb-2024-fout.xlsx",
        [
            _area_row("GM0344", "Utrecht", "Gemeente", 999, 1, 1, 1, 1),
            _area_row("WK034401", "West", "Wijk", 999, "?", 1, 1, 1),
        ],
    )
    run = _run(bad)
    assert run.status == ImportRun.Status.FAILED
    assert Observation.objects.count() == before
    assert not Observation.objects.filter(value=999).exists()
    assert {"row": 3, "column": "a_00_14"}.items() <= run.messages[0].items()
    assert "Rij 3, kolom 'a_00_14'" in run.messages[0]["message"]


# --- command line ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_cli_import_kwb_excel_prints_report_and_seeds_aliases(tmp_path, capsys):
    call_command("import-kwb-excel", str(_small(tmp_path)), year=2024)
    out = capsys.readouterr().out
    assert "Status: Klaar" in out and "Rijen gelezen: 3" in out
    assert "Waarden opgeslagen: 15 nieuw" in out
    assert SeriesAlias.objects.filter(alias="p_jz_tn").exists()


@pytest.mark.django_db
def test_cli_import_kwb_excel_fails_with_exit_code(tmp_path, capsys):
    bad = _xlsx(tmp_path / "kwb-2024.xlsx", [["x"]], ["code"])
    with pytest.raises(CommandError):
        call_command("import-kwb-excel", str(bad), year=2024)
    assert "Status: Mislukt" in capsys.readouterr().out
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("import-kwb-excel", str(tmp_path / "weg.xlsx"), year=2024)


@pytest.mark.django_db
def test_kwb_aliases_are_seeded_by_migration_and_match_the_mapping():
    import importlib

    from duiding.indicators.migrations import __name__ as _pkg  # noqa: F401

    frozen = importlib.import_module(
        "duiding.indicators.migrations.0005_seed_kwb_aliases"
    ).KWB_ALIASES
    assert [(a, c) for a, c, _ in frozen] == [(a, c) for a, c, _ in kwb_keys.kwb_aliases()]
    seeded = dict(SeriesAlias.objects.filter(kind="measure").values_list("alias", "canonical"))
    assert seeded["a_inw"] == "AantalInwoners"
    assert all(seeded.get(a) == c for a, c, _ in frozen)
