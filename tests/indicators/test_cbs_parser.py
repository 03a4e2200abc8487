"""parse_cbs on small files shaped like the CBS open-data tables."""

import json

from duiding.areas.models import Area, Level
from duiding.indicators.importing.cbs import parse_cbs
from duiding.indicators.importing.cbs_columns import humanise

from .cbs_helpers import WIJKEN_HEADER, pad, wijken_row, write_cbs


def _by(result, indicator, area, period="2023", category=""):
    found = [
        v
        for v in result.values
        if (v.indicator_code, v.area_code, v.period_code, v.category)
        == (indicator, area, period, category)
    ]
    assert len(found) == 1, found
    return found[0]


def test_parse_wijken_table_values_status_and_provenance(tmp_path):
    rows = [
        wijken_row(0, "Nederland", "2023", ["411200.0", "597480.0", "184795.0"], "NL01", "",
                   muni="", kind="Land"),
        wijken_row(1, "Rotterdam", "1e halfjaar 2023", ["11650.0", "", "0.0"], "GM0599",
                   kind="Gemeente"),
        wijken_row(2, "Stadsdriehoek", "1e halfjaar 2023", [".", "-", "15.0"], "WK059901", "3.0"),
    ]  # fmt: skip
    path = write_cbs(tmp_path, "85685NED_first10000rows.csv", WIJKEN_HEADER, rows)
    result = parse_cbs(path)
    assert not result.has_errors, result.messages
    assert result.dataset_code == "85685NED"
    assert result.rows_read == 3
    nl = _by(result, "TotaalJongerenMetJeugdzorgInNatura", "NL01")
    assert (nl.value, nl.status, nl.source_row, nl.published_area_code) == (
        411200.0,
        "ok",
        2,
        "NL01",
    )
    assert nl.source_column == "TotaalJongerenMetJeugdzorgInNatura_1"
    assert nl.source_category == "Totaal alle jeugdzorg in natura" and nl.category == ""
    gm_empty = _by(result, "TotaalTrajectenInNatura", "GM0599", "2023H1")
    assert (gm_empty.value, gm_empty.status) == (None, "suppressed")
    gm_zero = _by(result, "GemeentelijkeToegang", "GM0599", "2023H1")
    assert (gm_zero.value, gm_zero.status) == (0.0, "ok")
    wk_dot = _by(result, "TotaalJongerenMetJeugdzorgInNatura", "WK059901", "2023H1")
    assert (wk_dot.value, wk_dot.status) == (None, "suppressed")
    wk_nihil = _by(result, "TotaalTrajectenInNatura", "WK059901", "2023H1")
    assert (wk_nihil.value, wk_nihil.status) == (0.0, "ok")
    assert wk_nihil.indelingswijziging == "3"
    assert result.areas["WK059901"].name == "Stadsdriehoek"
    assert result.areas["WK059901"].level == "wijk"
    assert result.areas["WK059901"].indelingswijziging == "3"
    assert result.periods["2023H1"] == "1e halfjaar 2023"


def test_parse_country_code_nl00_becomes_nl01_keeping_the_published_code(tmp_path):
    rows = [wijken_row(0, "Nederland", "2023", ["1.0", "2.0", "3.0"], "NL00", "", kind="Land")]
    result = parse_cbs(write_cbs(tmp_path, "t.csv", WIJKEN_HEADER, rows))
    value = result.values[0]
    assert (value.area_code, value.published_area_code) == ("NL01", "NL00")


def test_parse_row_with_all_measures_empty_is_not_available(tmp_path):
    rows = [
        wijken_row(0, "Rotterdam", "2023", ["5.0", "", ""], "GM0599", kind="Gemeente"),
        wijken_row(1, "Havens", "2023", ["", "", ""], "WK059999"),
        wijken_row(2, "Centrum", "2023", ["1.0", "2.0", "3.0"], "WK059998"),
    ]
    result = parse_cbs(write_cbs(tmp_path, "t.csv", WIJKEN_HEADER, rows))
    statuses = {v.status for v in result.values if v.area_code == "WK059999"}
    assert statuses == {"not_available"}
    assert _by(result, "TotaalTrajectenInNatura", "GM0599").status == "suppressed"


def test_parse_column_empty_everywhere_is_left_out_with_info(tmp_path):
    rows = [wijken_row(0, "Rotterdam", "2023", ["5.0", "", "3.0"], "GM0599", kind="Gemeente")]
    result = parse_cbs(write_cbs(tmp_path, "t.csv", WIJKEN_HEADER, rows))
    assert {v.indicator_code for v in result.values} == {
        "TotaalJongerenMetJeugdzorgInNatura",
        "GemeentelijkeToegang",
    }
    info = [m for m in result.messages if m.column == "TotaalTrajectenInNatura_2"]
    assert info and info[0].level == "info"


def test_parse_rows_without_region_code_are_skipped_with_a_warning(tmp_path):
    rows = [
        wijken_row(0, "Rotterdam", "2023", ["5.0", "6.0", "3.0"], "GM0599", kind="Gemeente"),
        wijken_row(1, "Sportpark", "2023", ["", "", ""], "", "", muni="", kind=""),
        wijken_row(2, "Sportpark", "2024", ["", "", ""], "", "", muni="", kind=""),
    ]
    result = parse_cbs(write_cbs(tmp_path, "t.csv", WIJKEN_HEADER, rows))
    assert not result.has_errors
    warnings = [m for m in result.messages if m.level == "warning"]
    assert len(warnings) == 1 and warnings[0].row == 3 and "Sportpark" in warnings[0].message
    assert result.rows_refused == 2


def test_parse_without_region_dimension_is_national(tmp_path):
    header = ["ID", "VerwijzerJeugdzorg", "Perioden", "TotaalBeeindigdeTrajecten_1",
              "BeeindigdVolgensPlan_2"]  # fmt: skip
    rows = [
        ["0", "Totaal verwijzer", "1e halfjaar 2021", "139005.0", "90040.0"],
        ["1", "Huisarts", "1e half jaar 2024", "40000.0", "30000.0"],
    ]
    result = parse_cbs(write_cbs(tmp_path, "85096NED.csv", header, rows))
    assert {v.area_code for v in result.values} == {"NL01"}
    assert _by(result, "BeeindigdVolgensPlan", "NL01", "2021H1").value == 90040.0
    assert _by(result, "BeeindigdVolgensPlan", "NL01", "2024H1", "Huisarts").value == 30000.0


def test_parse_two_category_dimensions_join_labels_and_drop_totals(tmp_path):
    header = ["ID", "VerwijzerJeugdzorg", "PerspectiefJeugdzorg", "Perioden", "Aantal_1"]
    rows = [
        ["0", "Totaal verwijzer", "Totaal perspectief", "2015", "10.0"],
        ["1", "Huisarts", "Totaal perspectief", "2015", "4.0"],
        ["2", "Huisarts", "Diagnostiek", "2015", "1.0"],
        ["3", "Totaal verwijzer", "Diagnostiek", "2015", "2.0"],
    ]
    result = parse_cbs(write_cbs(tmp_path, "82970NED.csv", header, rows))
    categories = sorted(v.category for v in result.values)
    assert categories == ["", "Diagnostiek", "Huisarts", "Huisarts · Diagnostiek"]
    both = _by(result, "Aantal", "NL01", "2015", "Huisarts · Diagnostiek")
    assert both.source_category == "Huisarts · Diagnostiek"


def test_parse_repeated_keys_are_qualified_by_their_block(tmp_path):
    header = ["ID", "Perioden", "TotaalJeugdhulptrajectenInNatura_1", "BeeindigdVolgensPlan_2",
              "TotaalJeugdhulpZonderVerblijf_3", "BeeindigdVolgensPlan_4", "Slachtoffers_5",
              "Slachtoffers_6"]  # fmt: skip
    rows = [["0", "2021", "1.0", "2.0", "3.0", "4.0", "5.0", "6.0"]]
    result = parse_cbs(write_cbs(tmp_path, "85096NED.csv", header, rows))
    codes = {v.source_column: v.indicator_code for v in result.values}
    assert codes["BeeindigdVolgensPlan_2"] == "BeeindigdVolgensPlan"
    assert codes["BeeindigdVolgensPlan_4"] == "BeeindigdVolgensPlan.TotaalJeugdhulpZonderVerblijf"
    assert codes["Slachtoffers_5"] == "Slachtoffers"
    assert codes["Slachtoffers_6"].startswith("Slachtoffers.")
    assert len(set(codes.values())) == len(codes)


def test_parse_marges_waarde_is_the_value_and_margins_are_categories(tmp_path, db):
    Area.objects.create(code="GM0599", name="Rotterdam", level=Level.MUNICIPALITY)
    header = ["ID", "Marges", "RegioS", "Perioden", "VoorzieningenVoorJongeren_5"]
    rows = [
        ["0", "Waarde", "Rotterdam (GM)", "2021", "40.9"],
        ["1", "Betrouwbaarheidsmarge ondergrens", "Rotterdam (GM)", "2021", "38.0"],
        ["2", "Waarde", "Nederland", "2021", "45.4"],
    ]
    result = parse_cbs(write_cbs(tmp_path, "85146NED.csv", header, rows))
    assert _by(result, "VoorzieningenVoorJongeren", "GM0599", "2021").value == 40.9
    low = _by(result, "VoorzieningenVoorJongeren", "GM0599", "2021",
              "Betrouwbaarheidsmarge ondergrens")  # fmt: skip
    assert low.value == 38.0
    assert _by(result, "VoorzieningenVoorJongeren", "NL01", "2021").value == 45.4
    assert result.indicators["VoorzieningenVoorJongeren"].unit_kind == "percentage"


def test_parse_region_labels_match_gemeenten_and_report_the_rest(tmp_path, db):
    Area.objects.create(code="GM0599", name="Rotterdam", level=Level.MUNICIPALITY)
    Area.objects.create(code="GM0014", name="Groningen", level=Level.MUNICIPALITY)
    Area.objects.create(code="GM0687", name="Middelburg", level=Level.MUNICIPALITY)
    Area.objects.create(code="WK170835", name="Nederland", level=Level.DISTRICT)
    header = ["ID", "RegioS", "Perioden", "JongerenMetJeugdhMetVerblInNat_2"]
    rows = [
        ["0", "Nederland", "2021", "9.9"],
        ["1", "Rotterdam", "2021", "13.5"],
        ["2", "Groningen (gemeente)", "2021", "12.0"],
        ["3", "Groningen (PV)", "2021", "11.0"],
        ["4", "Noord-Nederland (LD)", "2021", "10.0"],
        ["5", "Middelburg (Z.)", "2021", "8.0"],
        ["6", "Atlantis", "2021", "1.0"],
    ]
    result = parse_cbs(write_cbs(tmp_path, "85098NED.csv", header, rows))
    assert not result.has_errors
    got = {v.area_code: v.value for v in result.values}
    assert got == {"NL01": 9.9, "GM0599": 13.5, "GM0014": 12.0, "GM0687": 8.0}
    # Provincies, landsdelen and gemeenten Duiding does not hold are left out by design: one line
    # of information per sort, not a warning per region.
    assert [m for m in result.messages if m.level == "warning"] == []
    skipped = [m for m in result.messages if m.level == "skipped"]
    assert [(m.row, m.column) for m in skipped] == [(5, "RegioS"), (6, "RegioS"), (8, "RegioS")]
    assert skipped[0].message.startswith(
        "Provincies: 1 regio, 1 rij (bijvoorbeeld ‘Groningen (PV)’)"
    )
    assert skipped[1].message.startswith("Landsdelen: 1 regio, 1 rij")
    assert skipped[2].message.startswith("Gemeenten die Duiding niet kent: 1 regio, 1 rij")
    assert "‘Atlantis’" in skipped[2].message and "gemeentecodes" in skipped[2].message
    assert (result.rows_refused, result.rows_skipped) == (0, 3)


def test_parse_region_name_of_two_gemeenten_is_skipped_with_a_warning(tmp_path, db):
    Area.objects.create(code="GM0373", name="Bergen", level=Level.MUNICIPALITY)
    Area.objects.create(code="GM0893", name="Bergen", level=Level.MUNICIPALITY)
    header = ["ID", "RegioS", "Perioden", "JongerenMetJeugdhMetVerblInNat_2"]
    rows = [["0", "Bergen", "2021", "9.9"], ["1", "Bergen", "2022", "9.0"]]
    result = parse_cbs(write_cbs(tmp_path, "85098NED.csv", header, rows))
    [warning] = [m for m in result.messages if m.level == "warning"]
    assert "meer dan één gemeente" in warning.message and warning.row == 2
    assert (result.rows_refused, result.rows_skipped) == (2, 0)


def test_parse_table_without_period_uses_option_or_registry(tmp_path):
    header = ["ID", "WijkenEnBuurten", "Codering_3", "AantalInwoners_5"]
    rows = [["0", "Nederland", pad("NL00"), "17942942.0"]]
    known = parse_cbs(write_cbs(tmp_path, "85984NED_first10000rows.csv", header, rows))
    assert {v.period_code for v in known.values} == {"2024"}
    given = parse_cbs(write_cbs(tmp_path, "99999NED.csv", header, rows), period="2023")
    assert {v.period_code for v in given.values} == {"2023"}
    missing = parse_cbs(write_cbs(tmp_path, "99998NED.csv", header, rows))
    assert missing.has_errors and "--period" in missing.messages[0].message


def test_parse_uses_data_properties_for_names_units_and_repeats(tmp_path):
    header = ["ID", "WijkenEnBuurten", "Codering_3", "AantalInwoners_5", "Nederland_17",
              "Nederland_20", "PercentageJongerenMetJeugdzorg_99", "MeestVoorkomendePostcode_125"]  # fmt: skip
    rows = [["0", "Aa en Hunze", pad("GM1680"), "25000.0", "20000.0", "19000.0", "9.5", " 9461"]]
    props = [
        {"ID": 0, "ParentID": None, "Type": "GeoDetail", "Key": "WijkenEnBuurten", "Title": "W"},
        {"ID": 1, "ParentID": None, "Type": "TopicGroup", "Key": "", "Title": "Bevolking"},
        {"ID": 2, "ParentID": 1, "Type": "Topic", "Key": "AantalInwoners_5",
         "Title": "Aantal inwoners", "Unit": "aantal", "Decimals": 0, "Datatype": "Long"},
        {"ID": 3, "ParentID": 1, "Type": "TopicGroup", "Key": "", "Title": "Herkomstland"},
        {"ID": 4, "ParentID": 3, "Type": "Topic", "Key": "Nederland_17", "Title": "Nederland",
         "Unit": "aantal", "Decimals": 0, "Datatype": "Long"},
        {"ID": 5, "ParentID": 1, "Type": "TopicGroup", "Key": "", "Title": "Geboren in Nederland"},
        {"ID": 6, "ParentID": 5, "Type": "Topic", "Key": "Nederland_20", "Title": "Nederland",
         "Unit": "aantal", "Decimals": 0, "Datatype": "Long"},
        {"ID": 7, "ParentID": None, "Type": "Topic", "Key": "PercentageJongerenMetJeugdzorg_99",
         "Title": "Percentage jongeren met jeugdzorg", "Unit": "%", "Decimals": 1,
         "Datatype": "Double"},
        {"ID": 8, "ParentID": None, "Type": "Topic", "Key": "MeestVoorkomendePostcode_125",
         "Title": "Meest voorkomende postcode", "Unit": "code", "Datatype": "String"},
    ]  # fmt: skip
    props_path = tmp_path / "DataProperties.json"
    props_path.write_text(json.dumps(props), encoding="utf-8")
    result = parse_cbs(
        write_cbs(tmp_path, "85984NED.csv", header, rows), properties_path=props_path
    )
    assert not result.has_errors, result.messages
    specs = result.indicators
    assert specs["AantalInwoners"].name == "Aantal inwoners"
    assert specs["Nederland.Herkomstland"].name == "Nederland (Herkomstland)"
    assert specs["Nederland.GeborenInNederland"].name == "Nederland (Geboren in Nederland)"
    pct = specs["PercentageJongerenMetJeugdzorg"]
    assert (pct.unit_kind, pct.decimals) == ("percentage", 1)
    assert "MeestVoorkomendePostcode" not in specs
    assert any(m.column == "MeestVoorkomendePostcode_125" for m in result.messages)


def test_humanise_makes_readable_dutch_names():
    assert humanise("TotaalJongerenMetJeugdzorgInNatura_1") == (
        "Totaal jongeren met jeugdzorg in natura"
    )
    assert humanise("k_0Tot4Jaar_6") == "0 tot 4 jaar"


def test_parse_takes_the_table_id_from_the_users_file_name(tmp_path):
    rows = [wijken_row(0, "Rotterdam", "2023", ["5.0", "6.0", "3.0"], "GM0599", kind="Gemeente")]
    stored = write_cbs(tmp_path, "upload-3f9a.csv", WIJKEN_HEADER, rows)
    result = parse_cbs(stored, file_name="85685NED.csv")
    assert result.dataset_code == "85685NED"
    assert result.dataset_title == "Jeugdzorg; wijken 2023"
