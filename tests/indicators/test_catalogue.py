"""The curated indicator catalogue: valid metadata, lookups, and coverage of the real CBS files."""

import csv

import pytest

from duiding.indicators.catalogue import (
    BY_DATASET,
    KNOWN,
    MEASURE_ALIASES,
    canonical_key,
    spec_for,
)
from duiding.indicators.catalogue.derived import DERIVED
from duiding.indicators.models import Direction, Indicator, Rhythm, UnitKind

NOT_MEASURES = {
    "ID",
    "Wijken",
    "Perioden",
    "Gemeentenaam",
    "SoortRegio",
    "Codering",
    "IndelingswijzigingWijken",
    "VormenVanJeugdzorg",
    "TypeJeugdzorg",
    "RegioS",
    "Marges",
    "VerwijzerJeugdzorg",
    "PerspectiefJeugdzorg",
}


def _all_specs():
    yield from KNOWN.values()
    for specs in BY_DATASET.values():
        yield from specs.values()


def test_every_spec_uses_valid_choices_and_fits_the_model():
    max_name = Indicator._meta.get_field("name").max_length
    for spec in _all_specs():
        assert spec.unit_kind in UnitKind.values, spec.code
        assert spec.direction in Direction.values, spec.code
        assert spec.rhythm in Rhythm.values, spec.code
        assert spec.name and len(spec.name) <= max_name, spec.code
        assert spec.definition and spec.source, spec.code
        assert canonical_key(spec.code) == spec.code, spec.code


def test_known_keys_match_their_spec_codes():
    assert all(code == spec.code for code, spec in KNOWN.items())


def test_spec_for_strips_the_numeric_suffix():
    assert spec_for("TotaalJongerenMetJeugdzorgInNatura_1").name == (
        "Jongeren met jeugdzorg in natura"
    )
    assert spec_for("PercentageJongerenMetJeugdzorg_99").unit_kind == UnitKind.PERCENTAGE
    assert spec_for("Onbestaand_3") is None


def test_spec_for_uses_the_dataset_where_a_key_means_something_else():
    on_date = spec_for("TotaalJeugdhulpMetVerblijf_9", dataset="85094NED")
    in_period = spec_for("TotaalJeugdhulpMetVerblijf_155", dataset="85096NED")
    assert "lopend" in on_date.name
    assert "in de periode" in in_period.name


def test_older_keys_share_the_metadata_of_their_series():
    for old, new in MEASURE_ALIASES.items():
        assert KNOWN[old].name == KNOWN[new].name
        assert KNOWN[old].unit_kind == KNOWN[new].unit_kind


def test_directions_of_youth_care_shares_follow_the_documented_choice():
    assert spec_for("JongerenMetJeugdhulpInNatura").direction == Direction.NEUTRAL
    assert spec_for("PercentageJongerenMetJeugdzorg").direction == Direction.NEUTRAL
    assert spec_for("JongerenMetJeugdbescherming").direction == Direction.LOWER_IS_BETTER
    assert spec_for("JongerenMetJeugdreclassering").direction == Direction.LOWER_IS_BETTER
    assert spec_for("VoorzieningenVoorJongeren").direction == Direction.HIGHER_IS_BETTER


def test_derived_parts_are_catalogued():
    for d in DERIVED:
        assert d.numerator in KNOWN and d.denominator in KNOWN, d.code
        assert d.code not in KNOWN


def _measure_keys(path) -> set[str]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh, delimiter=";"))
    return {canonical_key(c) for c in header} - NOT_MEASURES


@pytest.mark.shared_data
def test_every_youth_care_measure_in_the_shared_files_is_catalogued(shared_data):
    files = [
        *sorted((shared_data / "cbs_jeugdzorg_wijken").glob("*NED*.csv")),
        *sorted((shared_data / "cbs_jeugdzorg_gemeenten").glob("*NED.csv")),
        *sorted((shared_data / "cbs_jeugdhulp_trajecten_verwijzer_uitkomsten").glob("*.csv")),
    ]
    assert len(files) == 15
    missing = {f.name: sorted(_measure_keys(f) - KNOWN.keys()) for f in files}
    assert {name: keys for name, keys in missing.items() if keys} == {}


@pytest.mark.shared_data
def test_main_veiligheidsmonitor_measures_are_catalogued(shared_data):
    folder = shared_data / "cbs_veiligheidsmonitor_leefbaarheid_gemeenten"
    with open(folder / "85146NED.csv", encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh, delimiter=";"))
    # Leefbaarheid, overlast and feelings of safety: the first 60 measures.
    first = [canonical_key(c) for c in header[4:64]]
    assert sorted(set(first) - KNOWN.keys()) == sorted(
        {"VanZakkenrollerij", "VanBerovingOpStraat", "VanInbraakInWoning", "VanMishandeling"}
        | {"VanOplichtingViaInternet"}
    )


def test_spec_for_names_a_later_block_of_the_outcome_tables_by_its_form_of_care():
    spec = spec_for("BeeindigdVolgensPlan.TotaalPleegzorg", dataset="85096NED")
    assert spec.code == "BeeindigdVolgensPlan.TotaalPleegzorg"
    assert spec.name == "Beëindigd volgens plan (pleegzorg)"
    assert spec.direction == Direction.HIGHER_IS_BETTER
    assert spec_for("BeeindigdVolgensPlan.TotaalPleegzorg") is None
