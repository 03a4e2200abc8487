"""Services of the workspace: optimistic lock (with list changes in between), history, list
changes through section_touch, programme edits."""

import pytest
from django.core.exceptions import ValidationError

from duiding.programmes import services
from duiding.programmes.models import MissingFigure, SectionFactor
from duiding.programmes.services import EditConflict, SectionText
from tests.programmes.conftest import domain_section, make_factor


@pytest.fixture
def school(programme):
    return domain_section(programme, "Schoolprestaties")


@pytest.fixture
def factors(framework):
    armoede = make_factor(framework=framework, name="Armoede", kind="risk")
    verzuim = make_factor(framework=framework, name="Schoolverzuim", kind="risk", rank=3)
    steun = make_factor(framework=framework, name="Sociale steun", kind="protective")
    return armoede, verzuim, steun


def _save(section, user, version, analysis, conclusion="", status="concept", summary=""):
    return services.section_save(
        section,
        user=user,
        based_on_version=version,
        text=SectionText(analysis, conclusion, status),
        summary=summary,
    )


def test_save_keeps_a_version_with_who_and_an_automatic_summary(school, adviseur):
    _save(school, adviseur, 0, "Veel spijbelen in de wijk.", "Spijbelen is hoog.")
    school.refresh_from_db()
    assert school.version == 1 and school.updated_by == adviseur
    version = school.versions.get()
    assert version.number == 1 and version.edited_by == adviseur
    assert version.content["analysis"] == "Veel spijbelen in de wijk."
    assert version.summary == "Analyse: +5 −0 woorden; conclusie: +3 −0 woorden"


def test_an_own_summary_wins_over_the_automatic_one(school, adviseur):
    _save(school, adviseur, 0, "Tekst", summary="Eerste opzet")
    assert school.versions.get().summary == "Eerste opzet"


def test_save_from_an_old_version_raises_and_writes_nothing(school, adviseur, beheerder):
    _save(school, adviseur, 0, "Eerste tekst")
    with pytest.raises(EditConflict) as caught:
        _save(school, beheerder, 0, "Tweede tekst", status="vastgesteld")
    assert caught.value.current.analysis == "Eerste tekst"
    assert caught.value.mine == {
        "analysis": "Tweede tekst",
        "conclusion": "",
        "status": "vastgesteld",
    }
    school.refresh_from_db()
    assert school.analysis == "Eerste tekst" and school.version == 1
    assert school.versions.count() == 1


def test_a_list_change_in_between_does_not_block_a_text_save(school, adviseur, beheerder, factors):
    _save(school, adviseur, 0, "Begin")
    # The adviser opened version 1; a colleague ticks a factor (version 2) meanwhile.
    services.factors_choose(school, user=beheerder, choices={factors[0].pk: ""})
    _save(school, adviseur, 1, "Begin en meer")
    school.refresh_from_db()
    assert school.analysis == "Begin en meer" and school.version == 3
    assert [v.number for v in school.versions.order_by("number")] == [1, 2, 3]
    assert school.chosen_factors.count() == 1


def test_a_text_change_after_a_list_change_still_conflicts(school, adviseur, beheerder, factors):
    services.factors_choose(school, user=beheerder, choices={factors[0].pk: ""})  # v1
    _save(school, beheerder, 1, "Tekst van de collega")  # v2
    with pytest.raises(EditConflict):
        _save(school, adviseur, 1, "Mijn tekst")
    with pytest.raises(EditConflict):
        _save(school, adviseur, 7, "Een versie die niet bestaat")


def test_choose_factors_keeps_history_and_reports_what_changed(school, adviseur, factors):
    armoede, verzuim, steun = factors
    assert services.factors_choose(
        school, user=adviseur, choices={armoede.pk: "", verzuim.pk: "veel spijbelen"}
    )
    assert not services.factors_choose(
        school, user=adviseur, choices={armoede.pk: "", verzuim.pk: "veel spijbelen"}
    )
    services.factors_choose(school, user=adviseur, choices={verzuim.pk: "nog steeds"})
    summaries = list(school.versions.order_by("number").values_list("summary", flat=True))
    assert summaries == [
        "Factoren — gekozen: Armoede, Schoolverzuim",
        "Factoren — niet meer gekozen: Armoede; toelichting aangepast: Schoolverzuim",
    ]
    assert school.versions.order_by("number").last().content["factors"] == [
        [verzuim.pk, "Schoolverzuim", "nog steeds"]
    ]


def test_choose_factors_leaves_factors_the_form_did_not_show(school, adviseur, beheerder, factors):
    armoede, verzuim, steun = factors
    services.factor_add(school, user=beheerder, factor=steun)  # chosen after the form opened
    services.factors_choose(
        school, user=adviseur, choices={armoede.pk: ""}, shown={armoede.pk, verzuim.pk}
    )
    chosen = set(
        SectionFactor.objects.filter(section=school).values_list("factor__name", flat=True)
    )
    assert chosen == {"Armoede", "Sociale steun"}


def test_striking_marks_update_and_remove(school, adviseur, figures):
    mark = services.striking_mark(school, user=adviseur, indicator=figures.share, note="opvallend")
    services.striking_mark(school, user=adviseur, indicator=figures.share, note="andere reden")
    assert school.striking_indicators.get().note == "andere reden"
    services.striking_unmark(mark, user=adviseur)
    assert not school.striking_indicators.exists()
    assert school.versions.count() == 3
    assert school.versions.order_by("number").last().summary.startswith("Niet meer opvallend")


def test_missing_figures_add_update_remove_with_history(school, adviseur):
    missing = services.missing_figure_add(
        school,
        user=adviseur,
        description="Verzuim per school",
        reason="om spijbelen te duiden",
        possible_source="Leerplicht",
    )
    services.missing_figure_update(
        missing, user=adviseur, based_on_version=0, status=MissingFigure.Status.REQUESTED
    )
    missing.refresh_from_db()
    assert missing.status == "aangevraagd" and missing.created_by == adviseur
    services.missing_figure_remove(missing, user=adviseur)
    versions = list(school.versions.order_by("number"))
    assert [v.content["missing"] for v in versions] == [
        [["Verzuim per school", "om spijbelen te duiden", "Leerplicht", "open"]],
        [["Verzuim per school", "om spijbelen te duiden", "Leerplicht", "aangevraagd"]],
        [],
    ]
    school.refresh_from_db()
    assert school.version == 3


def test_missing_figure_needs_a_description(school, adviseur):
    with pytest.raises(ValidationError):
        services.missing_figure_add(school, user=adviseur, description="")
    assert not school.versions.exists()


def test_update_programme_drops_the_owner_from_its_partners(
    programme, adviseur, partner_org, municipality_org
):
    services.programme_update(
        programme,
        user=adviseur,
        name="Wijkprogramma Feijenoord 2026",
        start_year=2026,
        end_year=2026,
        figures_period="2023",
        partners=[partner_org, municipality_org],
        based_on_version=programme.version,
    )
    programme.refresh_from_db()
    assert programme.period_label == "2026" and programme.figures_period == "2023"
    assert list(programme.partners.all()) == [partner_org]
