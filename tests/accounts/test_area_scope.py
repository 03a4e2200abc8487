"""Area-scoped roles: a gebiedsadviseur whose membership is limited to one gebied edits only
the programmes of that gebied (and the areas inside it) and reads the other programmes of the
municipality, on the pages, in the exports and the API; refused writes change nothing."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from duiding.accounts.models import Membership, User
from duiding.accounts.services import token_create
from duiding.areas.models import Area
from duiding.programmes.models import Programme
from duiding.programmes.permissions import can_edit_programme
from duiding.programmes.services import programme_create
from duiding.results.models import SocietalResult
from tests.activities.plan_fixtures import *  # noqa: F403
from tests.activities.plan_fixtures import make_activity
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def zuid(municipality_org, feijenoord) -> User:
    """adviseur-zuid: gebiedsadviseur of Gemeente Rotterdam, limited to gebied Feijenoord."""
    user = User.objects.create_user(username="adviseur-zuid", password=PASSWORD)
    membership = Membership.objects.create(
        user=user, organisation=municipality_org, role=Membership.Role.ADVISER
    )
    membership.areas.add(feijenoord)
    return user


def _programme(area, municipality_org, adviseur, partner_org, framework) -> Programme:
    return programme_create(
        user=adviseur,
        name=f"Wijkprogramma {area.name} 2025–2026",
        area=area,
        framework=framework,
        organisation=municipality_org,
        owner=adviseur,
        start_year=2025,
        end_year=2026,
        partners=[partner_org],
    )


@pytest.fixture
def other(figures, municipality_org, adviseur, partner_org, framework) -> Programme:
    """A programme of another gebied (IJsselmonde) of the same municipality."""
    return _programme(figures.ijsselmonde, municipality_org, adviseur, partner_org, framework)


@pytest.fixture
def inside(figures, municipality_org, adviseur, partner_org, framework) -> Programme:
    """A programme of a buurt inside Feijenoord."""
    return _programme(figures.buurt, municipality_org, adviseur, partner_org, framework)


@pytest.fixture
def other_result(other) -> SocietalResult:
    return SocietalResult.objects.create(
        programme=other,
        text="In 2027 hebben we bereikt dat 5% meer jongeren een startkwalificatie behalen.",
        target_date=datetime.date(2027, 12, 31),
    )


@pytest.fixture
def other_activity(other, partner_org, other_result):
    return make_activity(other, partner_org, "Huiswerkbegeleiding", result=other_result)


def test_the_limit_holds_for_the_gebied_and_the_areas_inside_it(
    zuid, adviseur, programme, inside, other
):
    assert can_edit_programme(zuid, programme)
    assert can_edit_programme(zuid, inside)
    assert not can_edit_programme(zuid, other)
    # Without areas the membership holds everywhere (as before).
    assert all(can_edit_programme(adviseur, p) for p in (programme, inside, other))


def _read_urls(programme, result, activity) -> list[str]:
    return [
        reverse("programmes:detail", args=[programme.pk]),
        reverse("programmes:summary", args=[programme.pk]),
        reverse("results:programme_results", args=[programme.pk]),
        reverse("activities:programme_activities", args=[programme.pk]),
        reverse("activities:activity_detail", args=[activity.pk]),
        reverse("activities:plan", args=[programme.pk]),
        reverse("activities:plan_export", args=[programme.pk]),
        reverse("programmes:workbook", args=[programme.pk]),
    ]


def _write_urls(programme, result, activity) -> list[str]:
    return [
        reverse("programmes:edit", args=[programme.pk]),
        reverse("results:create", args=[programme.pk]),
        reverse("results:edit", args=[result.pk]),
        reverse("results:delete", args=[result.pk]),
        reverse("activities:activity_create", args=[programme.pk]),
        reverse("activities:activity_edit", args=[activity.pk]),
        reverse("activities:activity_delete", args=[activity.pk]),
        reverse("activities:step_create", args=[programme.pk]),
    ]


def test_another_gebied_reads_but_refuses_every_write(
    client_as, zuid, other, other_result, other_activity
):
    client = client_as(zuid)
    for url in _read_urls(other, other_result, other_activity):
        assert client.get(url).status_code == 200, url
    before = (
        Programme.objects.filter(pk=other.pk).values().get(),
        SocietalResult.objects.filter(pk=other_result.pk).values().get(),
        type(other_activity).objects.filter(pk=other_activity.pk).values().get(),
    )
    for url in _write_urls(other, other_result, other_activity):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"name": "Overgenomen", "text": "Weg"}).status_code == 403, url
    after = (
        Programme.objects.filter(pk=other.pk).values().get(),
        SocietalResult.objects.filter(pk=other_result.pk).values().get(),
        type(other_activity).objects.filter(pk=other_activity.pk).values().get(),
    )
    assert after == before
    assert SocietalResult.objects.filter(programme=other).count() == 1
    assert other.activities.count() == 1
    page = client.get(reverse("programmes:detail", args=[other.pk])).content.decode()
    assert reverse("programmes:edit", args=[other.pk]) not in page


def test_own_gebied_stays_editable(client_as, zuid, programme, inside):
    client = client_as(zuid)
    for p in (programme, inside):
        assert client.get(reverse("programmes:edit", args=[p.pk])).status_code == 200
        assert client.get(reverse("results:create", args=[p.pk])).status_code == 200


def test_the_api_reads_another_gebied(client_as, zuid, other, other_result, other_activity):
    _token, raw = token_create(user=zuid)
    headers = {"Authorization": f"Bearer {raw}"}
    client = client_as(zuid)
    listed = client.get("/api/v1/programmes", headers=headers).json()
    assert other.pk in {p["id"] for p in listed}
    for path in ("analysis", "results", "activities", "plan"):
        response = client.get(f"/api/v1/programmes/{other.pk}/{path}", headers=headers)
        assert response.status_code == 200, path


def test_a_new_programme_only_in_the_own_gebieden(
    client_as, zuid, figures, framework, municipality_org
):
    data = {
        "area": "IJsselmonde (WK059912)",
        "name": "",
        "framework": framework.pk,
        "organisation": municipality_org.pk,
        "start_year": "2025",
        "end_year": "2026",
        "figures_period": "",
    }
    response = client_as(zuid).post(reverse("programmes:create"), data)
    assert response.status_code == 400
    assert "valt daarbuiten" in response.content.decode()
    assert not Programme.objects.filter(area=figures.ijsselmonde).exists()
    data["area"] = f"{figures.buurt.name} ({figures.buurt.code})"
    response = client_as(zuid).post(reverse("programmes:create"), data)
    assert response.status_code == 302
    assert Programme.objects.filter(area=figures.buurt).count() == 1


def test_the_limit_is_editable_in_the_admin(client, db, municipality_org, zuid):
    admin = User.objects.create_superuser("root", password=PASSWORD)
    client.force_login(admin)
    response = client.get(reverse("admin:accounts_user_change", args=[zuid.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "beperkt tot gebieden" in html.lower()
    feijenoord = Area.objects.get(code="WK059910")
    assert f'value="{feijenoord.pk}" selected' in html
