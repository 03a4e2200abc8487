"""Reads of the workspace: progress, the list per user, the overview order, the data team's
list, the domain and pillar presenters."""

from django.urls import reverse

from duiding.frameworks.models import Factor
from duiding.programmes.page import domain_page, pillar_rows
from duiding.programmes.selectors import (
    missing_figures_for,
    programme_analysis,
    programme_overview,
    programme_progress,
    programmes_for_list,
)
from duiding.programmes.services import missing_figure_add, programme_create
from tests.programmes.conftest import add_indicator, domain_section, make_factor


def test_progress_counts_written_domains_and_statuses(programme):
    for name in ("Werk", "Schoolprestaties"):
        section = domain_section(programme, name)
        section.analysis = "Geschreven"
        section.status = "vastgesteld"
        section.save()
    pillar = programme.sections.get(kind="pillar", pillar__name="Veilig")
    pillar.analysis = "Pijler geschreven"  # not a domain: does not count as a domain
    pillar.save()
    progress = programme_progress([programme.pk])[programme.pk]
    assert (progress.domains_written, progress.domains_total) == (2, 9)
    assert dict(progress.status_items)["Vastgesteld"] == 2
    assert dict(progress.status_items)["Concept"] == 12


def test_list_per_user_respects_visibility(programme, adviseur, partner, reviewer, outsider):
    assert [p.name for p in programmes_for_list(adviseur)] == [programme.name]
    assert [p.pk for p in programmes_for_list(partner)] == [programme.pk]
    assert [p.pk for p in programmes_for_list(reviewer)] == [programme.pk]
    assert programmes_for_list(outsider) == []


def test_list_queries_do_not_grow_with_programmes(
    programme, adviseur, feijenoord, framework, municipality_org, django_assert_max_num_queries
):
    for year in (2027, 2029, 2031):
        programme_create(
            user=adviseur,
            name=f"P {year}",
            area=feijenoord,
            framework=framework,
            organisation=municipality_org,
            owner=adviseur,
            start_year=year,
            end_year=year + 1,
        )
    with django_assert_max_num_queries(6):
        rows = programmes_for_list(adviseur)
        assert all(r.progress.domains_total == 9 for r in rows)


def test_overview_reads_in_the_seeds_order(programme):
    overview = programme_overview(programme)
    assert [p.pillar.name for p in overview.pillars] == ["Kansrijk", "Veilig", "Gezond"]
    assert overview.first_domain.domain.name == "Werk"
    kinds = [s.kind for s in overview.sections]
    assert kinds[:4] == ["domain", "domain", "domain", "pillar"]
    assert kinds[-2:] == ["overall", "qualitative"] and len(kinds) == 14
    assert len(overview.ambitions) == 9


def test_missing_figures_open_first(programme, adviseur):
    werk, school = domain_section(programme, "Werk"), domain_section(programme, "Schoolprestaties")
    missing_figure_add(school, user=adviseur, description="B", status="beschikbaar")
    missing_figure_add(school, user=adviseur, description="C")
    missing_figure_add(werk, user=adviseur, description="A")
    assert [m.description for m in missing_figures_for([programme])] == ["A", "C", "B"]


def test_domain_page_links_factors_to_flagged_figures(programme, adviseur, figures, framework):
    spijbelen = add_indicator(
        "Spijbelen", "Leerlingen die spijbelen", "Schoolprestaties", {"WK059910": 12, "GM0599": 6}
    )
    gelijk = add_indicator(
        "Gelijk", "Gewoon cijfer", "Schoolprestaties", {"WK059910": 10, "GM0599": 10}
    )
    verzuim = make_factor(framework=framework, name="Schoolverzuim", kind="risk")
    verzuim.domains.add(spijbelen.domains.get())
    verzuim.indicators.add(spijbelen, gelijk)
    elders = make_factor(framework=framework, name="Armoede", kind="risk")
    school = domain_section(programme, "Schoolprestaties")
    school.chosen_factors.create(factor=elders, note="ook hier")
    page = domain_page(programme_analysis(programme, adviseur), school)
    rows = {r.factor.name: r for r in page.factors}
    assert rows["Schoolverzuim"].flagged_names == ["Leerlingen die spijbelen"]  # not "Gewoon"
    assert rows["Schoolverzuim"].in_domain and not rows["Schoolverzuim"].chosen
    assert rows["Armoede"].chosen and not rows["Armoede"].in_domain
    assert rows["Armoede"].note == "ook hier"
    in_panel = {f.pk for f in Factor.objects.filter(domains=spijbelen.domains.get())} | {elders.pk}
    expected = set(Factor.objects.filter(framework=framework).exclude(pk__in=in_panel))
    assert set(page.other_factors) == expected  # the rest of the model, to add one
    pillar = programme.sections.get(kind="pillar", pillar__name="Kansrijk")
    summary = {
        r.domain.name: r for r in pillar_rows(programme_analysis(programme, adviseur), pillar)
    }
    counts = {c.result: c.count for c in summary["Schoolprestaties"].flag_counts}
    assert counts == {"worse": 1, "similar": 1}
    assert summary["Schoolprestaties"].chosen_names == ["Armoede"]


def test_section_page_queries_stay_bounded(client_as, adviseur, programme, figures, framework):
    """The number of queries does not grow with the number of factors (no query per factor),
    and stays under a ceiling (the page, its panels and the header's menu checks)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    school = domain_section(programme, "Schoolprestaties")
    domain = school.domain
    client = client_as(adviseur)
    url = reverse("programmes:section", args=[programme.pk, school.pk])

    def add_factors(start: int) -> int:
        for i in range(start, start + 12):
            factor = make_factor(framework=framework, name=f"Factor {i}", kind="risk")
            factor.domains.add(domain)
            school.chosen_factors.create(factor=factor)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    with_12 = add_factors(0)
    with_24 = add_factors(12)
    assert with_24 == with_12
    assert with_12 <= 45
