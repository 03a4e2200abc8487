"""Bad CBS files: a clear Dutch message naming row and column, and nothing stored."""

import pytest

from duiding.areas.models import Area
from duiding.indicators.models import Observation
from duiding.jobs.models import ImportRun

from .cbs_helpers import WIJKEN_HEADER, errors, run_cbs, wijken_row, write_cbs

ROWS = [
    wijken_row(0, "Rotterdam", "2023", ["11650.0", "17285.0", "3055.0"], "GM0599", kind="Gemeente"),
    wijken_row(1, "Stadsdriehoek", "2023", ["150.0", "200.0", "50.0"], "WK059901"),
]


def _assert_refused(run: ImportRun, *needles: str) -> str:
    assert run.status == ImportRun.Status.FAILED
    assert run.error
    assert Observation.objects.count() == 0
    text = " ".join([run.error, *errors(run)])
    for needle in needles:
        assert needle in text, text
    return text


@pytest.mark.django_db
def test_bad_encoding_names_the_row(tmp_path, rotterdam):
    rows = [*ROWS, wijken_row(2, "Súdwest-Fryslân", "2023", ["1.0", "2.0", "3.0"], "WK190001")]
    path = write_cbs(tmp_path, "t.csv", WIJKEN_HEADER, rows, bom=False, encoding="cp1252")
    areas = Area.objects.count()
    _assert_refused(run_cbs(path), "Rij 4", "UTF-8")
    assert Area.objects.count() == areas


@pytest.mark.django_db
def test_comma_separator_is_refused_with_a_clear_message(tmp_path, rotterdam):
    path = write_cbs(tmp_path, "t.csv", WIJKEN_HEADER, ROWS, sep=",")
    _assert_refused(run_cbs(path), "komma", "puntkomma")


@pytest.mark.django_db
def test_header_that_is_not_a_cbs_table_is_refused(tmp_path, rotterdam):
    path = write_cbs(tmp_path, "t.csv", ["gebied", "indicator", "waarde"], [["GM0599", "x", "1"]])
    _assert_refused(run_cbs(path), "geen CBS-tabel", "gebied")


@pytest.mark.django_db
@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n"])
def test_empty_file_is_refused(tmp_path, rotterdam, content):
    path = tmp_path / "leeg.csv"
    path.write_bytes(content)
    _assert_refused(run_cbs(path), "leeg")


@pytest.mark.django_db
def test_header_only_is_refused(tmp_path, rotterdam):
    path = write_cbs(tmp_path, "t.csv", WIJKEN_HEADER, [])
    _assert_refused(run_cbs(path), "alleen een kopregel")


@pytest.mark.django_db
def test_duplicate_rows_name_both_rows(tmp_path, rotterdam):
    rows = [*ROWS, wijken_row(2, "Stadsdriehoek", "2023", ["155.0", "200.0", "50.0"], "WK059901")]
    path = write_cbs(tmp_path, "t.csv", WIJKEN_HEADER, rows)
    text = _assert_refused(run_cbs(path), "Rij 4 herhaalt rij 3")
    assert "WK059901" in text


@pytest.mark.django_db
def test_file_above_upload_limit_is_refused_before_reading(tmp_path, rotterdam, settings):
    settings.MAX_UPLOAD_MB = 1
    rows = [
        wijken_row(i, f"Wijk {i}", "2023", ["1.0", "2.0", "3.0"], f"WK0599{i % 100:02d}")
        for i in range(12000)
    ]
    path = write_cbs(tmp_path, "groot.csv", WIJKEN_HEADER, rows)
    assert path.stat().st_size > 1024 * 1024
    run = run_cbs(path)
    assert run.status == ImportRun.Status.FAILED
    assert "MB" in run.error and "1 MB" in run.error
    assert Observation.objects.count() == 0


@pytest.mark.django_db
def test_parser_itself_refuses_a_file_above_the_limit(tmp_path, settings):
    from duiding.indicators.importing.cbs import parse_cbs

    settings.MAX_UPLOAD_MB = 0
    result = parse_cbs(write_cbs(tmp_path, "t.csv", WIJKEN_HEADER, ROWS))
    assert result.has_errors and "MB" in result.messages[0].message
    assert result.values == []


@pytest.mark.django_db
def test_wrong_number_of_columns_names_the_row(tmp_path, rotterdam):
    rows = [*ROWS, ["2", "Totaal alle jeugdzorg in natura", "Kort", "2023", "1.0"]]
    path = write_cbs(tmp_path, "t.csv", WIJKEN_HEADER, rows)
    _assert_refused(run_cbs(path), "Rij 4", "5 kolommen")


@pytest.mark.django_db
def test_word_in_a_number_column_names_row_and_column(tmp_path, rotterdam):
    rows = [*ROWS, wijken_row(2, "Kop van Zuid", "2023", ["veel", "2.0", "3.0"], "WK059902")]
    run = run_cbs(write_cbs(tmp_path, "t.csv", WIJKEN_HEADER, rows))
    _assert_refused(run, "Rij 4", "TotaalJongerenMetJeugdzorgInNatura_1", "‘veel’")
    assert any(m["column"] == "TotaalJongerenMetJeugdzorgInNatura_1" for m in run.messages)


@pytest.mark.django_db
def test_unknown_period_names_row_and_column(tmp_path, rotterdam):
    rows = [*ROWS, wijken_row(2, "Kop van Zuid", "ooit", ["1.0", "2.0", "3.0"], "WK059902")]
    run = run_cbs(write_cbs(tmp_path, "t.csv", WIJKEN_HEADER, rows))
    _assert_refused(run, "Rij 4", "‘ooit’")
    assert any(m["column"] == "Perioden" for m in run.messages)


@pytest.mark.django_db
def test_broken_data_properties_are_refused(tmp_path, rotterdam):
    props = tmp_path / "DataProperties.json"
    props.write_text("{niet: json", encoding="utf-8")
    path = write_cbs(tmp_path, "t.csv", WIJKEN_HEADER, ROWS)
    _assert_refused(run_cbs(path, properties=str(props)), "DataProperties")


@pytest.mark.django_db
def test_missing_file_fails_clearly(tmp_path, rotterdam):
    run = run_cbs(tmp_path / "bestaat-niet.csv")
    assert run.status == ImportRun.Status.FAILED
    assert "niet (meer) te vinden" in run.error
