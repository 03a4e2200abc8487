"""An alias (or the "Totaal ..." = total rule) only joins labels that never occur together.

A newer CBS release of Jeugdzorg; wijken publishes "Totaal alle jeugdzorg in natura" and "Totaal
jeugdhulp in natura" side by side (and more sub-categories): it must import, with both kept apart.
"""

import csv

import pytest

from duiding.indicators.importing.cbs import parse_cbs
from duiding.indicators.importing.cbs_columns import layout_read
from duiding.indicators.importing.types import ParseResult
from duiding.indicators.models import Indicator, Observation, SeriesAlias
from duiding.jobs.models import ImportRun

from .cbs_helpers import WIJKEN_HEADER, pad, run_cbs, wijken_row, write_cbs

NEWER_CATEGORIES = [
    ("Totaal alle jeugdzorg in natura", "11650.0"),
    ("Totaal jeugdhulp in natura", "10900.0"),
    ("Jeugdhulp zonder verblijf", "9800.0"),
    ("Jeugdhulp met verblijf", "1100.0"),
    ("Jeugdbescherming", "1400.0"),
    ("Jeugdreclassering", "300.0"),
]


def _newer_release_rows() -> list[list[str]]:
    """Category outermost, like the CBS dump: every category has the gemeente and one wijk."""
    rows, i = [], 0
    for label, value in NEWER_CATEGORIES:
        for region, code, kind, share in (
            ("Rotterdam", "GM0599", "Gemeente", 1.0),
            ("Stadsdriehoek", "WK059901", "Wijk", 0.01),
        ):
            row = wijken_row(i, region, "2024", [f"{float(value) * share:.1f}", "", ""], code,
                             kind=kind)  # fmt: skip
            row[1] = label
            rows.append(row)
            i += 1
    return rows


def _notes(run) -> list[str]:
    return [m["message"] for m in run.messages if m["level"] == "info"]


def test_second_total_of_a_dimension_is_a_category_of_its_own(tmp_path):
    result = parse_cbs(write_cbs(tmp_path, "86000NED.csv", WIJKEN_HEADER, _newer_release_rows()))
    assert not result.has_errors, [m.message for m in result.messages]
    categories = {v.category for v in result.values if v.area_code == "GM0599"}
    assert categories == {"", "Totaal jeugdhulp in natura", "Jeugdhulp zonder verblijf",
                          "Jeugdhulp met verblijf", "Jeugdbescherming", "Jeugdreclassering"}  # fmt: skip
    [note] = [m for m in result.messages if "Totaal jeugdhulp in natura" in m.message]
    assert (note.level, note.column, note.row) == ("info", "VormenVanJeugdzorg", 4)
    assert "Totaal alle jeugdzorg in natura" in note.message


@pytest.mark.django_db
def test_newer_release_with_both_totals_imports_and_continues_the_total(tmp_path, rotterdam):
    older = [wijken_row(0, "Rotterdam", "2023", ["11000.0", "", ""], "GM0599", kind="Gemeente")]
    assert run_cbs(write_cbs(tmp_path, "85685NED.csv", WIJKEN_HEADER, older)).status == "done"
    run = run_cbs(write_cbs(tmp_path, "86000NED.csv", WIJKEN_HEADER, _newer_release_rows()))
    assert run.status == ImportRun.Status.DONE, (run.error, run.messages[:3])
    series = Observation.objects.filter(
        indicator__code="TotaalJongerenMetJeugdzorgInNatura", area__code="GM0599", category=""
    ).order_by("period__start")
    assert [(o.period.code, o.value, o.source_category) for o in series] == [
        ("2023", 11000.0, "Totaal alle jeugdzorg in natura"),
        ("2024", 11650.0, "Totaal alle jeugdzorg in natura"),
    ]
    jeugdhulp = Observation.objects.get(
        indicator__code="TotaalJongerenMetJeugdzorgInNatura",
        area__code="GM0599",
        category="Totaal jeugdhulp in natura",
    )
    assert jeugdhulp.value == 10900.0
    assert any("Totaal jeugdhulp in natura" in n and "eigen categorie" in n for n in _notes(run))


@pytest.mark.django_db
def test_category_alias_is_not_applied_when_the_file_holds_both_labels(tmp_path, rotterdam):
    # The alias that joined the two totals: harmless while they never meet, wrong once they do.
    SeriesAlias.objects.create(
        kind="category",
        alias="Totaal jeugdhulp in natura",
        canonical="Totaal alle jeugdzorg in natura",
    )
    run = run_cbs(write_cbs(tmp_path, "86000NED.csv", WIJKEN_HEADER, _newer_release_rows()))
    assert run.status == ImportRun.Status.DONE, (run.error, run.messages[:3])
    categories = set(
        Observation.objects.filter(
            area__code="GM0599", indicator__code="TotaalJongerenMetJeugdzorgInNatura"
        ).values_list("category", flat=True)
    )
    assert {"", "Totaal jeugdhulp in natura"} <= categories
    assert any(
        "Reeksalias ‘Totaal jeugdhulp in natura’" in n and "niet toegepast" in n
        for n in _notes(run)
    )


@pytest.mark.django_db
def test_category_alias_still_applies_when_only_one_label_is_in_the_file(tmp_path, rotterdam):
    SeriesAlias.objects.create(
        kind="category",
        alias="Totaal jeugdhulp in natura",
        canonical="Totaal alle jeugdzorg in natura",
    )
    row = wijken_row(0, "Rotterdam", "2024", ["10900.0", "", ""], "GM0599", kind="Gemeente")
    row[1] = "Totaal jeugdhulp in natura"
    run = run_cbs(write_cbs(tmp_path, "86001NED.csv", WIJKEN_HEADER, [row]))
    assert run.status == ImportRun.Status.DONE
    obs = Observation.objects.get(area__code="GM0599")
    assert (obs.category, obs.source_category) == ("", "Totaal jeugdhulp in natura")
    assert not any("niet toegepast" in n for n in _notes(run))


@pytest.mark.django_db
def test_explicit_category_alias_with_both_labels_keeps_them_apart(tmp_path, rotterdam):
    SeriesAlias.objects.create(kind="category", alias="Huisarts (oud)", canonical="Huisarts")
    header = ["ID", "VerwijzerJeugdzorg", "Perioden", "TotaalBeeindigdeTrajecten_7"]
    rows = [["0", "Huisarts", "2015", "10.0"], ["1", "Huisarts (oud)", "2015", "4.0"]]
    run = run_cbs(write_cbs(tmp_path, "82970NED.csv", header, rows))
    assert run.status == ImportRun.Status.DONE, (run.error, run.messages[:3])
    assert dict(Observation.objects.values_list("category", "value")) == {
        "Huisarts": 10.0,
        "Huisarts (oud)": 4.0,
    }
    assert any("‘Huisarts (oud)’" in n and "niet toegepast" in n for n in _notes(run))


@pytest.mark.django_db
def test_measure_alias_with_both_keys_in_one_file_keeps_two_indicators(tmp_path, rotterdam):
    header = ["ID", "VormenVanJeugdzorg", "Wijken", "Perioden", "TotaalJongerenMetJeugdzorg_1",
              "TotaalJongerenMetJeugdzorgInNatura_2", "Codering_3"]  # fmt: skip
    rows = [["0", "Totaal jeugdzorg", "Rotterdam", "2016", "12000.0", "11000.0", pad("GM0599")]]
    run = run_cbs(write_cbs(tmp_path, "83563NED.csv", header, rows))
    assert run.status == ImportRun.Status.DONE, (run.error, run.messages[:3])
    values = dict(Observation.objects.values_list("indicator__code", "value"))
    assert values == {
        "TotaalJongerenMetJeugdzorg": 12000.0,
        "TotaalJongerenMetJeugdzorgInNatura": 11000.0,
    }
    assert Indicator.objects.filter(code="TotaalJongerenMetJeugdzorg").exists()
    assert any(
        "TotaalJongerenMetJeugdzorg → TotaalJongerenMetJeugdzorgInNatura niet toegepast" in n
        for n in _notes(run)
    )


def _table_names(path) -> tuple[set[str], set[str]]:
    """(indicator codes, category labels) one shared CBS table publishes side by side."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh, delimiter=";")
        header = [h.strip() for h in next(reader)]
        layout = layout_read(header, None, ParseResult())
        labels: set[str] = set()
        for row in reader:
            labels.update(" ".join(row[i].split()) for i, _dim in layout.categories)
    return {m.code for m in layout.measures}, labels


@pytest.mark.shared_data
@pytest.mark.django_db
def test_every_seeded_alias_joins_names_that_never_meet_in_one_shared_table(shared_data):
    tables = sorted(shared_data.glob("cbs_*/8*.csv"))
    assert len(tables) >= 15
    pairs = list(SeriesAlias.objects.values_list("kind", "alias", "canonical"))
    assert pairs
    for path in tables:
        codes, labels = _table_names(path)
        for kind, alias, canonical in pairs:
            names = codes if kind == SeriesAlias.Kind.MEASURE else labels
            assert not (alias in names and canonical in names), (path.name, alias, canonical)
    # The KWB Excel keys (a_inw, ...) never share a table with the OData keys they continue.
    with open(shared_data / "cbs_kwb_utrecht_2023_2024" / "utrecht_kwb_2023.csv") as fh:
        excel = set(next(csv.reader(fh)))
    odata = {m for k, _a, m in pairs if k == SeriesAlias.Kind.MEASURE}
    assert "a_inw" in excel and not excel & odata
