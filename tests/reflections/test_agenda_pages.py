"""The pages of the reflection and its agenda: list, create, edit, detail, rebuild, item page,
item edit, add and move; permissions (404 outsider, 403 who sees but may not steer, and nothing
changed on a refused POST); bad input gives a Dutch message and stores nothing."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from duiding.reflections import services
from duiding.reflections.models import AgendaItem, Reflection, ReflectionChange
from tests.outcomes import entered_fixtures

feijenoord = entered_fixtures.feijenoord
figures = entered_fixtures.figures
framework = entered_fixtures.framework
home_start = entered_fixtures.home_start
programme = entered_fixtures.programme
results = entered_fixtures.results

DAY = datetime.date(2026, 11, 12)

pytestmark = pytest.mark.django_db


@pytest.fixture
def reflection(programme, adviseur):
    r = services.create_reflection(
        adviseur,
        programme,
        {"title": "Duidingssessie najaar", "date": DAY, "facilitator": adviseur},
    )
    services.add_item(adviseur, r, {"title": "Speeltuin Afrikaanderplein", "reason": "Signalen"})
    services.add_item(adviseur, r, {"title": "Tweede punt"})
    return r


def _form(adviseur, partner_org, **kw) -> dict:
    data = {
        "title": "Duidingssessie Feijenoord najaar",
        "date": "2026-11-12",
        "start_time": "19:30",
        "place": "Wijkcentrum De Put",
        "facilitator": str(adviseur.pk),
        "invited_organisations": [str(partner_org.pk)],
        "participants": "Jongerenwerker\nWijkagent",
        "sharing": "partners",
    }
    data.update(kw)
    return data


# --- list and create --------------------------------------------------------------------------


def test_empty_list_has_a_clear_new_button(client_as, adviseur, programme):
    response = client_as(adviseur).get(reverse("reflections:programme_list", args=[programme.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Er is nog geen duidingssessie voor dit programma." in html
    assert reverse("reflections:create", args=[programme.pk]) in html
    assert "Nieuwe duidingssessie" in html


def test_programme_pages_have_the_duidingssessies_tab(client_as, adviseur, programme):
    response = client_as(adviseur).get(reverse("programmes:detail", args=[programme.pk]))
    assert reverse("reflections:programme_list", args=[programme.pk]) in response.content.decode()


def test_create_fills_the_agenda_and_lands_on_the_detail(
    client_as, adviseur, partner_org, programme, home_start
):
    c = client_as(adviseur)
    assert c.get(reverse("reflections:create", args=[programme.pk])).status_code == 200
    response = c.post(
        reverse("reflections:create", args=[programme.pk]), _form(adviseur, partner_org)
    )
    reflection = Reflection.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reflections:detail", args=[reflection.pk])
    assert reflection.place == "Wijkcentrum De Put"
    assert reflection.start_time == datetime.time(19, 30)
    assert list(reflection.invited_organisations.all()) == [partner_org]
    assert reflection.organisation == programme.organisation
    # Home-Start has an uitval plan with no measurement yet → nothing else is guaranteed, but
    # the agenda fill ran (its history line is there).
    assert ReflectionChange.objects.filter(
        reflection=reflection, summary__startswith="Agenda gevuld"
    ).exists()
    detail = c.get(response["Location"]).content.decode()
    assert reflection.join_code in detail
    assert "Agenda opnieuw vullen" in detail


def test_create_with_bad_input_stores_nothing(client_as, adviseur, partner_org, programme):
    c = client_as(adviseur)
    response = c.post(
        reverse("reflections:create", args=[programme.pk]),
        _form(adviseur, partner_org, title="", date="32-13-2026", sharing="iedereen"),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vul een titel in." in html
    assert "Vul een geldige datum in" in html
    assert "Kies een van de mogelijkheden." in html
    assert not Reflection.objects.exists()


def test_partner_sees_the_list_but_may_not_create(
    client_as, partner, adviseur, partner_org, programme
):
    c = client_as(partner)
    listing = c.get(reverse("reflections:programme_list", args=[programme.pk]))
    assert listing.status_code == 200
    assert reverse("reflections:create", args=[programme.pk]) not in listing.content.decode()
    assert c.get(reverse("reflections:create", args=[programme.pk])).status_code == 403
    response = c.post(
        reverse("reflections:create", args=[programme.pk]), _form(adviseur, partner_org)
    )
    assert response.status_code == 403
    assert not Reflection.objects.exists()


def test_outsider_gets_404_everywhere(
    client_as, outsider, adviseur, partner_org, programme, reflection
):
    c = client_as(outsider)
    item = reflection.items.first()
    for url in (
        reverse("reflections:programme_list", args=[programme.pk]),
        reverse("reflections:create", args=[programme.pk]),
        reverse("reflections:detail", args=[reflection.pk]),
        reverse("reflections:edit", args=[reflection.pk]),
        reverse("reflections:item", args=[reflection.pk, item.pk]),
        reverse("reflections:item_edit", args=[reflection.pk, item.pk]),
    ):
        assert c.get(url).status_code == 404, url
    before = reflection.items.count()
    assert c.post(reverse("reflections:rebuild", args=[reflection.pk])).status_code == 404
    assert (
        c.post(
            reverse("reflections:item", args=[reflection.pk, item.pk]), {"judge": "x", "version": 1}
        ).status_code
        == 404
    )
    assert reflection.items.count() == before
    item.refresh_from_db()
    assert item.judge == ""
    assert Reflection.objects.count() == 1


# --- detail, edit, rebuild --------------------------------------------------------------------


def test_detail_shows_the_agenda_in_order_and_set_aside_items_folded(
    client_as, adviseur, reflection
):
    first, second = reflection.items.order_by("order")
    services.update_item(adviseur, second, {"included": False}, second.version)
    html = (
        client_as(adviseur)
        .get(reverse("reflections:detail", args=[reflection.pk]))
        .content.decode()
    )
    assert "Speeltuin Afrikaanderplein" in html and "Signalen" in html
    assert "<details" in html and "1 voorstel terzijde gelegd" in html
    assert html.index("Speeltuin") < html.index("Tweede punt")  # set-aside after the agenda


def test_partner_reads_the_detail_but_may_not_steer(client_as, partner, reflection):
    c = client_as(partner)
    html = c.get(reverse("reflections:detail", args=[reflection.pk])).content.decode()
    assert "Speeltuin Afrikaanderplein" in html
    assert "Agenda opnieuw vullen" not in html
    item = reflection.items.first()
    version = reflection.version
    for url in (
        reverse("reflections:edit", args=[reflection.pk]),
        reverse("reflections:item_edit", args=[reflection.pk, item.pk]),
    ):
        assert c.get(url).status_code == 403
    assert (
        c.post(
            reverse("reflections:edit", args=[reflection.pk]),
            {"title": "Gekaapt", "date": "2026-11-12", "version": version},
        ).status_code
        == 403
    )
    assert c.post(reverse("reflections:rebuild", args=[reflection.pk])).status_code == 403
    assert (
        c.post(
            reverse("reflections:item_add", args=[reflection.pk]), {"title": "Nieuw"}
        ).status_code
        == 403
    )
    assert (
        c.post(
            reverse("reflections:item_move", args=[reflection.pk, item.pk]), {"direction": "down"}
        ).status_code
        == 403
    )
    assert (
        c.post(
            reverse("reflections:item", args=[reflection.pk, item.pk]),
            {"recognise": "Ja", "version": item.version},
        ).status_code
        == 403
    )
    reflection.refresh_from_db()
    assert reflection.title == "Duidingssessie najaar" and reflection.version == version
    assert reflection.items.count() == 2
    item.refresh_from_db()
    assert item.recognise == "" and item.order == 0


def test_edit_saves_and_a_stale_version_is_refused(client_as, adviseur, partner_org, reflection):
    c = client_as(adviseur)
    url = reverse("reflections:edit", args=[reflection.pk])
    assert c.get(url).status_code == 200
    data = _form(adviseur, partner_org, title="Nieuwe titel", version=reflection.version)
    assert c.post(url, data).status_code == 302
    reflection.refresh_from_db()
    assert reflection.title == "Nieuwe titel"
    stale = c.post(url, {**data, "title": "Te laat"})  # the old version again
    assert stale.status_code == 409
    assert "Iemand anders heeft dit intussen opgeslagen" in stale.content.decode()
    reflection.refresh_from_db()
    assert reflection.title == "Nieuwe titel"


def test_rebuild_adds_nothing_twice(client_as, adviseur, reflection, home_start):
    c = client_as(adviseur)
    c.post(reverse("reflections:rebuild", args=[reflection.pk]))
    count = reflection.items.count()
    response = c.post(reverse("reflections:rebuild", args=[reflection.pk]), follow=True)
    assert reflection.items.count() == count
    assert "er kwamen geen nieuwe punten bij" in response.content.decode()
    assert c.get(reverse("reflections:rebuild", args=[reflection.pk])).status_code == 405


# --- item pages -------------------------------------------------------------------------------


def test_item_page_shows_cold_and_warm_data_and_saves_the_group_answers(
    client_as, adviseur, reflection
):
    c = client_as(adviseur)
    item = reflection.items.order_by("order").first()
    url = reverse("reflections:item", args=[reflection.pk, item.pk])
    html = c.get(url).content.decode()
    assert "Koude data" in html and "Warme data" in html
    assert "Herkennen we dit?" in html and "Wat gaan we anders doen?" in html
    response = c.post(
        url,
        {
            "recognise": "Ja, de speeltuin is vaak leeg",
            "explain": "Geen toezicht",
            "judge": "Zorgelijk",
            "change": "Jongerenwerk gaat er op woensdag heen",
            "version": item.version,
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.change == "Jongerenwerk gaat er op woensdag heen"
    stale = c.post(url, {"recognise": "Nee", "version": 1})
    assert stale.status_code == 409
    item.refresh_from_db()
    assert item.recognise == "Ja, de speeltuin is vaak leeg"


def test_partner_reads_the_group_answers(client_as, adviseur, partner, reflection):
    item = reflection.items.order_by("order").first()
    services.update_item(adviseur, item, {"judge": "Zorgelijk"}, item.version)
    html = (
        client_as(partner)
        .get(reverse("reflections:item", args=[reflection.pk, item.pk]))
        .content.decode()
    )
    assert "Zorgelijk" in html
    assert 'name="judge"' not in html


def test_item_of_an_outcome_shows_the_distribution(client_as, adviseur, programme, home_start):
    from tests.reflections.test_agenda_builder import _figures

    _figures(home_start, adviseur)
    r = services.create_reflection(
        adviseur, programme, {"title": "S", "date": DAY, "facilitator": adviseur}
    )
    services.fill_agenda(adviseur, r)
    item = AgendaItem.objects.get(reflection=r, source_key=f"outcome:{home_start.pk}:uitval")
    html = (
        client_as(adviseur).get(reverse("reflections:item", args=[r.pk, item.pk])).content.decode()
    )
    assert "Uitval: reden beëindiging" in html
    assert "Voortijdig: eenzijdig door de cliënt" in html


def test_item_edit_sets_aside_and_add_and_move(client_as, adviseur, reflection):
    c = client_as(adviseur)
    first, second = reflection.items.order_by("order")
    url = reverse("reflections:item_edit", args=[reflection.pk, first.pk])
    assert c.get(url).status_code == 200
    bad = c.post(url, {"title": "", "version": first.version})
    assert bad.status_code == 400 and "Vul het onderwerp in." in bad.content.decode()
    assert (
        c.post(url, {"title": "Speeltuin", "reason": "", "version": first.version}).status_code
        == 302
    )
    first.refresh_from_db()
    assert first.title == "Speeltuin" and first.included is False  # unchecked: set aside
    c.post(reverse("reflections:item_move", args=[reflection.pk, second.pk]), {"direction": "up"})
    assert list(reflection.items.order_by("order").values_list("pk", flat=True)) == [
        second.pk,
        first.pk,
    ]
    response = c.post(
        reverse("reflections:item_add", args=[reflection.pk]), {"title": "Eigen punt"}
    )
    added = reflection.items.get(title="Eigen punt")
    assert response["Location"] == reverse("reflections:item", args=[reflection.pk, added.pk])
    assert added.kind == AgendaItem.Kind.OTHER
    empty = c.post(
        reverse("reflections:item_add", args=[reflection.pk]), {"title": ""}, follow=True
    )
    assert "Vul het onderwerp in." in empty.content.decode()
    assert reflection.items.count() == 3


def test_result_off_course_reaches_the_agenda_and_its_page_shows_the_curve(
    client_as, adviseur, programme, results, figures
):
    from duiding.results.models import ResultIndicator

    result = results["start"]
    # A target of +40 percentage points by 2027 from 2019: far off the straight line.
    ResultIndicator.objects.create(
        result=result,
        indicator=figures.share,
        baseline_period="2019",
        target_kind="pp",
        target_value=40,
        direction="higher_is_better",
    )
    r = services.create_reflection(
        adviseur, programme, {"title": "S", "date": DAY, "facilitator": adviseur}
    )
    services.fill_agenda(adviseur, r)
    item = AgendaItem.objects.get(reflection=r, source_key=f"result:{result.pk}")
    assert item.kind == AgendaItem.Kind.RESULT and item.result == result
    assert item.reason.startswith("Niet op koers")
    html = (
        client_as(adviseur).get(reverse("reflections:item", args=[r.pk, item.pk])).content.decode()
    )
    assert "result-curve" in html
    assert "Trajecten via de gemeentelijke toegang (wijkteam)" in html


def test_the_agenda_pages_are_english_after_choosing_english(client_as, adviseur, reflection):
    c = client_as(adviseur)
    c.post(reverse("set_language"), {"language": "en", "next": "/"})
    first, second = reflection.items.order_by("order")
    services.update_item(adviseur, second, {"included": False}, second.version)
    html = c.get(reverse("reflections:detail", args=[reflection.pk])).content.decode()
    assert "Refill the agenda" in html and "1 proposal set aside" in html
    assert "Agenda opnieuw vullen" not in html
    item = c.get(reverse("reflections:item", args=[reflection.pk, first.pk])).content.decode()
    assert "Cold data: the figures" in item and "Do we recognise this?" in item


def test_a_reflection_of_an_organisation_without_programme(
    client_as, adviseur, outsider, municipality_org
):
    r = Reflection.objects.create(
        organisation=municipality_org,
        title="Teamreflectie",
        date=DAY,
        facilitator=adviseur,
        join_code=services.new_join_code(),
    )
    item = services.add_item(adviseur, r, {"title": "Werkdruk"})
    c = client_as(adviseur)
    assert "Teamreflectie" in c.get(reverse("reflections:detail", args=[r.pk])).content.decode()
    assert c.get(reverse("reflections:item", args=[r.pk, item.pk])).status_code == 200
    url = reverse("reflections:edit", args=[r.pk])
    assert c.get(url).status_code == 200
    data = {
        "title": "Teamreflectie voorjaar",
        "date": "2026-11-12",
        "facilitator": str(adviseur.pk),
        "sharing": "eigen",
        "version": r.version,
    }
    assert c.post(url, data).status_code == 302
    r.refresh_from_db()
    assert r.title == "Teamreflectie voorjaar" and r.sharing == "eigen"
    assert services.fill_agenda(adviseur, r) == []  # no programme: the data propose nothing
    assert client_as(outsider).get(reverse("reflections:detail", args=[r.pk])).status_code == 404
