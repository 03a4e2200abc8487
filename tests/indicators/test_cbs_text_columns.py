"""Text in a CBS measure column refuses the file; only the metadata makes a column a text column."""

import json

import pytest

from duiding.indicators.importing.cbs import parse_cbs
from duiding.indicators.models import Observation
from duiding.jobs.models import ImportRun

from .cbs_helpers import WIJKEN_HEADER, errors, pad, run_cbs, wijken_row, write_cbs

KWB_HEADER = ["ID", "WijkenEnBuurten", "Codering_3", "AantalInwoners_5", "Postcode_6"]


def _kwb_rows(first_postcode: str, second_postcode: str) -> list[list[str]]:
    return [
        ["0", "Aa en Hunze", pad("GM1680"), "25000.0", first_postcode],
        ["1", "Annen", pad("WK168000"), "3000.0", second_postcode],
    ]


@pytest.mark.django_db
def test_word_in_the_first_row_of_an_otherwise_empty_measure_column_refuses_the_file(
    tmp_path, rotterdam
):
    # "veel" is the only filled cell of the column: it used to drop the whole column silently.
    rows = [
        wijken_row(
            0, "Rotterdam", "2023", ["veel", "17285.0", "3055.0"], "GM0599", kind="Gemeente"
        ),
        wijken_row(1, "Stadsdriehoek", "2023", ["", "200.0", "50.0"], "WK059901"),
    ]
    run = run_cbs(write_cbs(tmp_path, "85685NED.csv", WIJKEN_HEADER, rows))
    assert run.status == ImportRun.Status.FAILED
    assert Observation.objects.count() == 0
    [message] = [m for m in run.messages if m["level"] == "error"]
    assert message["row"] == 2
    assert message["column"] == "TotaalJongerenMetJeugdzorgInNatura_1"
    assert (
        "Rij 2" in message["message"]
        and "TotaalJongerenMetJeugdzorgInNatura_1" in message["message"]
    )
    assert "‘veel’ is geen getal" in message["message"]
    assert not any("Tekstkolom" in m["message"] for m in run.messages)


def test_text_in_a_suffixed_column_without_metadata_is_an_error_naming_row_and_column(tmp_path):
    result = parse_cbs(
        write_cbs(tmp_path, "85984NED.csv", KWB_HEADER, _kwb_rows(" 9461AB", " 9468CD"))
    )
    assert result.has_errors
    [message] = [m for m in result.messages if m.level == "error"]
    assert (message.row, message.column) == (2, "Postcode_6")
    assert "‘9461AB’" in message.message and "en nog 1 cellen" in message.message


def test_text_typed_in_data_properties_refuses_when_the_topic_is_numeric(tmp_path):
    props = tmp_path / "DataProperties.json"
    props.write_text(
        json.dumps(
            [
                {"ID": 1, "Type": "Topic", "Key": "AantalInwoners_5", "Datatype": "Long"},
                {"ID": 2, "Type": "Topic", "Key": "Postcode_6", "Datatype": "Long"},
            ]
        ),
        encoding="utf-8",
    )
    path = write_cbs(tmp_path, "85984NED.csv", KWB_HEADER, _kwb_rows("1234", "veel"))
    result = parse_cbs(path, properties_path=props)
    assert [(m.row, m.column) for m in result.messages if m.level == "error"] == [(3, "Postcode_6")]


def test_column_that_is_text_by_its_data_properties_is_kept_as_text_and_named(tmp_path):
    props = tmp_path / "DataProperties.json"
    props.write_text(
        json.dumps(
            [
                {"ID": 1, "Type": "Topic", "Key": "AantalInwoners_5", "Datatype": "Long"},
                {"ID": 2, "Type": "Topic", "Key": "Postcode_6", "Datatype": "String"},
            ]
        ),
        encoding="utf-8",
    )
    path = write_cbs(tmp_path, "85984NED.csv", KWB_HEADER, _kwb_rows(" 9461AB", " 9468CD"))
    result = parse_cbs(path, properties_path=props)
    assert not result.has_errors, result.messages
    assert {v.indicator_code for v in result.values} == {"AantalInwoners"}
    [info] = [m for m in result.messages if m.column == "Postcode_6"]
    assert info.level == "info"
    assert "Postcode_6" in info.message and "DataProperties" in info.message


def test_known_cbs_text_topic_is_text_without_data_properties(tmp_path):
    header = [
        "ID",
        "WijkenEnBuurten",
        "Codering_3",
        "AantalInwoners_5",
        "MeestVoorkomendePostcode_125",
    ]
    rows = [["0", "Aa en Hunze", pad("GM1680"), "25000.0", "      9461"]]
    result = parse_cbs(write_cbs(tmp_path, "85984NED.csv", header, rows))
    assert not result.has_errors, result.messages
    assert {v.indicator_code for v in result.values} == {"AantalInwoners"}
    [info] = [m for m in result.messages if m.column == "MeestVoorkomendePostcode_125"]
    assert info.level == "info" and "MeestVoorkomendePostcode_125" in info.message


def test_empty_column_info_names_the_column(tmp_path):
    rows = [wijken_row(0, "Rotterdam", "2023", ["5.0", "", "3.0"], "GM0599", kind="Gemeente")]
    result = parse_cbs(write_cbs(tmp_path, "t.csv", WIJKEN_HEADER, rows))
    [info] = [m for m in result.messages if m.column == "TotaalTrajectenInNatura_2"]
    assert "TotaalTrajectenInNatura_2" in info.message


@pytest.mark.django_db
def test_refused_text_column_leaves_earlier_figures_untouched(tmp_path, rotterdam):
    good = [wijken_row(0, "Rotterdam", "2023", ["5.0", "6.0", "7.0"], "GM0599", kind="Gemeente")]
    assert run_cbs(write_cbs(tmp_path, "a.csv", WIJKEN_HEADER, good)).status == "done"
    before = list(Observation.objects.values_list("pk", "value", "is_current").order_by("pk"))
    bad = [wijken_row(0, "Rotterdam", "2023", ["5.0", "weinig", "8.0"], "GM0599", kind="Gemeente")]
    run = run_cbs(write_cbs(tmp_path, "b.csv", WIJKEN_HEADER, bad))
    assert run.status == ImportRun.Status.FAILED
    assert any("TotaalTrajectenInNatura_2" in e for e in errors(run))
    assert (
        list(Observation.objects.values_list("pk", "value", "is_current").order_by("pk")) == before
    )
