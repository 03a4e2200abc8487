"""Series aliases: the same measure under another key or category label continues as one series."""

import pytest

from duiding.indicators.models import Indicator, Observation, SeriesAlias

from .cbs_helpers import pad, run_cbs, write_cbs

OLD_HEADER = ["ID", "TypeJeugdzorg", "Wijken", "Perioden", "Gemeentenaam_1", "SoortRegio_2",
              "Codering_3", "IndelingswijzigingWijken_4", "TotaalJongerenMetJeugdzorg_5",
              "AndereHuishoudens_12"]  # fmt: skip
NEW_HEADER = ["ID", "VormenVanJeugdzorg", "Wijken", "Perioden",
              "TotaalJongerenMetJeugdzorgInNatura_1", "AnderHuishouden_8", "Gemeentenaam_22",
              "SoortRegio_23", "Codering_24", "IndelingswijzigingWijken_25"]  # fmt: skip


@pytest.mark.django_db
def test_aliases_are_seeded_for_the_known_renames():
    measure = dict(SeriesAlias.objects.filter(kind="measure").values_list("alias", "canonical"))
    assert measure["TotaalJongerenMetJeugdzorg"] == "TotaalJongerenMetJeugdzorgInNatura"
    assert measure["TotaalJeugdzorgtrajecten"] == "TotaalTrajectenInNatura"
    assert measure["ThuiswonendKindInEenouderGezin"] == "ThuiswonendKindInEenouderhuishouden"
    assert measure["ThuiswonendKindInTweeouderGezin"] == "ThuiswonendKindBijEenPaar"
    assert measure["AndereHuishoudens"] == "AnderHuishouden"
    assert measure["GoedeVoorzieningenVoorJongeren"] == "VoorzieningenVoorJongeren"
    assert measure["GoedeSpeelplekkenVoorKinderen"] == "SpeelplekkenVoorKinderen"
    category = dict(SeriesAlias.objects.filter(kind="category").values_list("alias", "canonical"))
    assert category["Totaal jeugdzorg"] == "Totaal alle jeugdzorg in natura"


@pytest.mark.django_db
def test_old_and_new_keys_continue_as_one_series(tmp_path, rotterdam):
    old = write_cbs(tmp_path, "83563NED.csv", OLD_HEADER, [
        ["0", "Totaal jeugdzorg", "Rotterdam", "2016", pad("Rotterdam", 40), pad("Gemeente", 9),
         pad("GM0599"), "1.0", "12000.0", "1500.0"],
    ])  # fmt: skip
    new = write_cbs(tmp_path, "85685NED.csv", NEW_HEADER, [
        ["0", "Totaal alle jeugdzorg in natura", "Rotterdam", "2023", "11650.0", "1665.0",
         pad("Rotterdam", 40), pad("Gemeente", 9), pad("GM0599"), "1.0"],
    ])  # fmt: skip
    assert run_cbs(old).status == "done"
    assert run_cbs(new).status == "done"
    assert not Indicator.objects.filter(code="TotaalJongerenMetJeugdzorg").exists()
    series = Observation.objects.filter(
        indicator__code="TotaalJongerenMetJeugdzorgInNatura", area__code="GM0599"
    ).order_by("period__start")
    assert [(o.period.code, o.value, o.source_column) for o in series] == [
        ("2016", 12000.0, "TotaalJongerenMetJeugdzorg_5"),
        ("2023", 11650.0, "TotaalJongerenMetJeugdzorgInNatura_1"),
    ]
    assert Observation.objects.filter(indicator__code="AnderHuishouden").count() == 2


@pytest.mark.django_db
def test_category_alias_maps_a_published_label(tmp_path, rotterdam):
    SeriesAlias.objects.create(kind="category", alias="Huisarts (oud)", canonical="Huisarts")
    header = ["ID", "VerwijzerJeugdzorg", "Perioden", "TotaalBeeindigdeTrajecten_7"]
    path = write_cbs(tmp_path, "82970NED.csv", header, [["0", "Huisarts (oud)", "2015", "10.0"]])
    run_cbs(path)
    obs = Observation.objects.get(indicator__code="TotaalBeeindigdeTrajecten")
    assert (obs.category, obs.source_category) == ("Huisarts", "Huisarts (oud)")


@pytest.mark.django_db
def test_veiligheidsmonitor_aliases_warn_about_the_2021_trend_break():
    from duiding.indicators.models import SeriesAlias

    row = SeriesAlias.objects.get(alias="GoedeVoorzieningenVoorJongeren")
    assert row.canonical == "VoorzieningenVoorJongeren"
    assert "trendbreuk in 2021" in row.note
