# ruff: noqa: F811 - pytest fixtures imported from cycle_fixtures are used as arguments
"""Volgende cyclus starten: a new programme for the area with the results (and their history),
the activities (the stopped one marked), the open actions and the analysis, linked to the old
one; one transaction; only for who edits the programme."""

from __future__ import annotations

import pytest
from django.urls import reverse

from duiding.activities.models import Activity, PlanChange
from duiding.programmes.models import AnalysisSection, Programme, SectionVersion
from duiding.reflections.cycle import next_cycle
from duiding.reflections.models import ActionChange, ImprovementAction
from duiding.results.models import ResultChange, SocietalResult
from tests.reflections.cycle_fixtures import demo, held, upcoming, users  # noqa: F401

pytestmark = pytest.mark.django_db

MODELS = [Programme, SocietalResult, ResultChange, Activity, PlanChange, AnalysisSection]


def _counts():
    return {m.__name__: m.objects.count() for m in MODELS} | {
        "actions": list(ImprovementAction.objects.values_list("pk", "programme_id"))
    }


def _url(programme):
    return reverse("reflections:next_cycle", args=[programme.pk])


def _post(client, programme, **data):
    values = {
        "name": "Wijkprogramma Feijenoord 2027–2028",
        "start_year": 2027,
        "end_year": 2028,
        "version": programme.version,
    }
    values.update(data)
    return client.post(_url(programme), values)


def test_proposal_follows_the_cycle(held):
    p = next_cycle.proposal(held.programme)
    assert p.name == "Wijkprogramma Feijenoord 2027–2028"
    assert (p.start_year, p.end_year) == (2027, 2028)


def test_confirm_page_shows_what_comes_along(client, held, users):
    client.force_login(users["adviseur"])
    response = client.get(_url(held.programme))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wijkprogramma Feijenoord 2027–2028" in html
    assert "Jongerenwerk op het schoolplein" in html  # marked as stopped
    assert 'name="version"' in html


def test_start_carries_everything_over(client, held, users):
    old = held.programme
    client.force_login(users["adviseur"])
    response = _post(client, old)
    assert response.status_code == 302
    new = Programme.objects.get(previous=old)
    assert response["Location"] == reverse("programmes:detail", args=[new.pk])
    assert new.area == old.area and (new.start_year, new.end_year) == (2027, 2028)
    assert set(new.partners.all()) == set(old.partners.all())
    # results with their history, and where they came from
    assert new.results.count() == old.results.count()
    for result in new.results.all():
        source = old.results.get(text=result.text)
        history = list(ResultChange.objects.filter(result=result).order_by("at", "pk"))
        assert len(history) == ResultChange.objects.filter(result=source).count() + 1
        assert "Overgenomen uit Wijkprogramma Feijenoord 2025–2026" in history[-1].summary
        assert result.result_indicators.count() == source.result_indicators.count()
    # activities, the stopped one marked, the adjusted one as well
    assert new.activities.count() == old.activities.count()
    kinds = dict(new.activities.values_list("name", "offer_kind"))
    assert kinds["Jongerenwerk op het schoolplein en op hangplekken"] == "bestaand_stoppen"
    assert kinds["Home-Start: vrijwilligers ondersteunen gezinnen"] == "bestaand_aanpassen"
    assert kinds["Opvoedspreekuur in de wijk"] == "bestaand_blijft"
    home_start = new.activities.get(name__startswith="Home-Start")
    assert set(home_start.results.values_list("programme_id", flat=True)) == {new.pk}
    assert PlanChange.objects.filter(programme=new, kind="activiteit").count() == 5
    # open actions move along, finished ones stay
    moved = ImprovementAction.objects.filter(programme=new)
    assert moved.count() == 3 and not moved.filter(status="klaar").exists()
    assert ImprovementAction.objects.filter(programme=old, status="klaar").count() == 1
    assert ActionChange.objects.filter(action__in=moved).count() == 3
    # the analysis as a starting point
    texts = old.sections.exclude(analysis="").count()
    assert texts and new.sections.exclude(analysis="").count() == texts
    assert SectionVersion.objects.filter(
        section__programme=new, summary__startswith="Overgenomen uit"
    ).exists()


def test_second_start_is_refused(client, held, users):
    client.force_login(users["adviseur"])
    assert _post(client, held.programme).status_code == 302
    held.programme.refresh_from_db()
    before = _counts()
    response = _post(client, held.programme)
    assert response.status_code == 200
    assert "al gestart" in response.content.decode()
    assert _counts() == before


def test_partner_may_not_start(client, held, users):
    before = _counts()
    client.force_login(users["partner"])
    assert client.get(_url(held.programme)).status_code == 403
    assert _post(client, held.programme).status_code == 403
    assert _counts() == before


def test_outsider_gets_404(client, held, users):
    before = _counts()
    client.force_login(users["buitenstaander"])
    assert _post(client, held.programme).status_code == 404
    assert _counts() == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": ""}, "Geef de naam van het nieuwe programma."),
        ({"start_year": "volgend jaar"}, "Geef het beginjaar als jaartal."),
        ({"start_year": 2029, "end_year": 2028}, "Het eindjaar ligt voor het beginjaar."),
    ],
)
def test_bad_input_stores_nothing(client, held, users, data, message):
    before = _counts()
    client.force_login(users["adviseur"])
    response = _post(client, held.programme, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _counts() == before


def test_stale_version_is_refused(client, held, users):
    before = _counts()
    client.force_login(users["adviseur"])
    response = _post(client, held.programme, version=held.programme.version + 5)
    assert response.status_code == 400
    assert "Iemand anders heeft dit intussen" in response.content.decode()
    assert _counts() == before


def test_one_transaction(held, users, monkeypatch):
    """A failure half-way leaves nothing behind."""
    before = _counts()

    def boom(*args, **kwargs):
        raise RuntimeError("stop")

    monkeypatch.setattr(next_cycle, "_move_actions", boom)
    with pytest.raises(RuntimeError):
        next_cycle.next_cycle_start(
            held.programme,
            user=users["adviseur"],
            name="Nieuw",
            start_year=2027,
            end_year=2028,
        )
    assert _counts() == before
