"""Other municipalities' frameworks: a beheerder sets up a framework for 's-Gravenhage through
the pages (copy of Rotterdam's, one transaction, independent of the original), edits a pillar and
uses it in a 's-Gravenhage programme, whose pages then show the new framework."""

from __future__ import annotations

import pytest
from django.db import DatabaseError
from django.urls import reverse

from duiding.accounts.models import Membership, Organisation, User
from duiding.areas.models import Area, Level
from duiding.frameworks import services
from duiding.frameworks.models import Ambition, Domain, DomainIndicator, Factor, Framework, Pillar
from duiding.programmes.models import Programme
from duiding.programmes.services import programme_create
from tests.areaprofile.factories import rotterdam_geography
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def den_haag(rotterdam) -> Area:
    gm = Area.objects.create(
        code="GM0518", name="'s-Gravenhage", level=Level.MUNICIPALITY, parent=rotterdam.parent
    )
    Area.objects.create(
        code="WK051828", name="Centrum", level=Level.DISTRICT, parent=gm, municipality=gm
    )
    return gm


@pytest.fixture
def haag_beheerder(den_haag) -> User:
    org = Organisation.objects.create(
        name="Gemeente 's-Gravenhage",
        slug="gemeente-s-gravenhage",
        kind=Organisation.Kind.MUNICIPALITY,
        municipality=den_haag,
    )
    user = User.objects.create_user(username="haag-beheerder", password=PASSWORD)
    Membership.objects.create(user=user, organisation=org, role=Membership.Role.ADMIN)
    return user


@pytest.fixture
def rotterdam_framework(db) -> Framework:
    return Framework.objects.get(is_default=True)


def _structure(framework: Framework) -> dict:
    return {
        "pillars": sorted(framework.pillars.values_list("name", "order")),
        "domains": sorted(
            Domain.objects.filter(pillar__framework=framework).values_list("pillar__name", "name")
        ),
        "links": sorted(
            DomainIndicator.objects.filter(domain__pillar__framework=framework).values_list(
                "domain__name", "indicator_id"
            )
        ),
        "ambitions": sorted(framework.ambitions.values_list("pillar__name", "text")),
        "factors": sorted(framework.factors.values_list("name", flat=True)),
    }


def test_a_beheerder_sets_up_a_framework_for_s_gravenhage(
    client_as, haag_beheerder, den_haag, rotterdam_framework
):
    client = client_as(haag_beheerder)
    original = _structure(rotterdam_framework)
    assert original["pillars"] and original["domains"] and original["ambitions"]

    # The list offers a new framework; Rotterdam's page offers a copy.
    assert reverse("frameworks:create") in client.get(reverse("frameworks:list")).content.decode()
    detail = client.get(reverse("frameworks:detail", args=[rotterdam_framework.slug]))
    copy_url = f"{reverse('frameworks:create')}?kopie={rotterdam_framework.slug}"
    assert copy_url in detail.content.decode()
    form = client.get(copy_url)
    assert form.status_code == 200
    assert f'value="{rotterdam_framework.pk}" selected' in form.content.decode()

    response = client.post(
        reverse("frameworks:create"),
        {"name": "Den Haag Groeit", "municipality": den_haag.pk, "copy_of": rotterdam_framework.pk},
        follow=True,
    )
    new = Framework.objects.get(name="Den Haag Groeit")
    assert response.redirect_chain[-1][0] == reverse("frameworks:detail", args=[new.slug])
    assert "als kopie van" in response.content.decode()
    assert new.municipality == den_haag and not new.is_default
    assert _structure(new) == original
    assert not Pillar.objects.filter(framework=new, pk__in=rotterdam_framework.pillars.all())

    # Edit a pillar of the copy: the original keeps its name.
    pillar = new.pillars.order_by("order").first()
    old_name = pillar.name
    edit = client.post(
        reverse("frameworks:pillar_edit", args=[pillar.pk]),
        {"name": "Gezond en veilig opgroeien", "order": pillar.order, "version": pillar.version},
    )
    assert edit.status_code == 302
    assert rotterdam_framework.pillars.filter(name=old_name).exists()
    assert _structure(rotterdam_framework) == original

    # Use it in a 's-Gravenhage programme; its pages show the new framework's pillars.
    org = Organisation.objects.get(slug="gemeente-s-gravenhage")
    create = client.get(reverse("programmes:create"))
    assert "Den Haag Groeit" in create.content.decode()
    response = client.post(
        reverse("programmes:create"),
        {
            "area": "Centrum (WK051828)",
            "framework": new.pk,
            "organisation": org.pk,
            "start_year": "2026",
            "end_year": "2027",
            "figures_period": "",
        },
    )
    programme = Programme.objects.get(area__code="WK051828")
    assert response.status_code == 302
    assert programme.framework == new
    page = client.get(reverse("programmes:detail", args=[programme.pk])).content.decode()
    assert "Gezond en veilig opgroeien" in page
    assert f"Pijler {old_name}" not in page
    assert set(programme.sections.exclude(pillar=None).values_list("pillar__framework", flat=True))
    assert {new.pk} == set(
        programme.sections.exclude(pillar=None).values_list("pillar__framework", flat=True)
    )


def test_a_rotterdam_programme_cannot_use_the_s_gravenhage_framework(
    client_as, beheerder, municipality_org, den_haag, rotterdam_framework
):
    rotterdam_geography(municipality_org.municipality)
    haag = services.framework_create(name="Den Haag Groeit", municipality=den_haag)
    client = client_as(beheerder)
    create = client.get(reverse("programmes:create")).content.decode()
    assert "Den Haag Groeit" not in create
    response = client.post(
        reverse("programmes:create"),
        {
            "area": "Feijenoord (WK059910)",
            "framework": haag.pk,
            "organisation": municipality_org.pk,
            "start_year": "2026",
            "end_year": "2027",
            "figures_period": "",
        },
    )
    assert response.status_code == 400
    assert not Programme.objects.exists()


def test_only_a_beheerder_creates_a_framework(client_as, adviseur, rotterdam_framework):
    before = Framework.objects.count()
    client = client_as(adviseur)
    assert client.get(reverse("frameworks:create")).status_code == 403
    assert client.post(reverse("frameworks:create"), {"name": "Eigen"}).status_code == 403
    assert Framework.objects.count() == before
    assert (
        reverse("frameworks:create") not in client.get(reverse("frameworks:list")).content.decode()
    )


def test_a_taken_name_gives_a_dutch_message_and_creates_nothing(
    client_as, beheerder, rotterdam_framework
):
    before = Framework.objects.count()
    response = client_as(beheerder).post(
        reverse("frameworks:create"), {"name": rotterdam_framework.name.upper()}
    )
    assert response.status_code == 400
    assert "Er is al een raamwerk met de naam" in response.content.decode()
    assert Framework.objects.count() == before


def test_the_copy_is_one_transaction(monkeypatch, rotterdam_framework):
    counts = (Framework.objects.count(), Pillar.objects.count(), Domain.objects.count())

    def fail(*args, **kwargs):
        raise DatabaseError("disk full")

    # Fail after the pillars and domains were written: nothing of the copy may stay.
    monkeypatch.setattr(Ambition.objects, "bulk_create", fail)
    with pytest.raises(DatabaseError):
        services.framework_create(name="Halve kopie", copy_of=rotterdam_framework)
    assert (Framework.objects.count(), Pillar.objects.count(), Domain.objects.count()) == counts
    assert not Factor.objects.filter(framework__name="Halve kopie").exists()


def test_an_empty_framework_gets_its_pillars_and_domains_through_the_pages(
    client_as, haag_beheerder, den_haag
):
    client = client_as(haag_beheerder)
    response = client.post(
        reverse("frameworks:create"), {"name": "Haags Jeugdkader", "municipality": den_haag.pk}
    )
    framework = Framework.objects.get(name="Haags Jeugdkader")
    assert response.status_code == 302 and not framework.pillars.exists()
    detail = client.get(reverse("frameworks:detail", args=[framework.slug])).content.decode()
    assert reverse("frameworks:pillar_new", args=[framework.slug]) in detail
    response = client.post(
        reverse("frameworks:pillar_new", args=[framework.slug]), {"name": "Kansrijk", "order": 1}
    )
    pillar = framework.pillars.get()
    assert response.status_code == 302 and pillar.name == "Kansrijk"
    twice = client.post(
        reverse("frameworks:pillar_new", args=[framework.slug]), {"name": "kansrijk", "order": 2}
    )
    assert twice.status_code == 400 and "al een onderdeel met de naam" in twice.content.decode()
    response = client.post(
        reverse("frameworks:domain_new", args=[pillar.pk]), {"name": "Onderwijs", "order": 1}
    )
    assert response.status_code == 302
    assert list(Domain.objects.filter(pillar=pillar).values_list("name", flat=True)) == [
        "Onderwijs"
    ]


def test_an_adviser_cannot_add_pillars_or_domains(client_as, adviseur, rotterdam_framework):
    before = _structure(rotterdam_framework)
    client = client_as(adviseur)
    pillar = rotterdam_framework.pillars.first()
    urls = [
        reverse("frameworks:pillar_new", args=[rotterdam_framework.slug]),
        reverse("frameworks:domain_new", args=[pillar.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 403
        assert client.post(url, {"name": "Nieuw", "order": 9}).status_code == 403
    assert _structure(rotterdam_framework) == before


def test_the_framework_changes_on_the_edit_form_while_nothing_hangs_on_it(
    client_as, adviseur, municipality_org, den_haag, rotterdam_framework
):
    feijenoord = rotterdam_geography(municipality_org.municipality)["wk"]
    programme = programme_create(
        user=adviseur,
        name="Wijkprogramma Feijenoord 2025–2026",
        area=feijenoord,
        framework=rotterdam_framework,
        organisation=municipality_org,
        owner=adviseur,
        start_year=2025,
        end_year=2026,
    )
    second = services.framework_create(name="Tweede kader", copy_of=rotterdam_framework)
    haag = services.framework_create(name="Den Haag Groeit", municipality=den_haag)
    client = client_as(adviseur)
    edit_url = reverse("programmes:edit", args=[programme.pk])
    page = client.get(edit_url).content.decode()
    assert "Tweede kader" in page and "Den Haag Groeit" not in page
    data = {
        "name": programme.name,
        "start_year": "2025",
        "end_year": "2026",
        "version": programme.version,
    }
    refused = client.post(edit_url, {**data, "framework": haag.pk})
    assert refused.status_code == 400
    programme.refresh_from_db()
    assert programme.framework == rotterdam_framework
    assert client.post(edit_url, {**data, "framework": second.pk}).status_code == 302
    programme.refresh_from_db()
    assert programme.framework == second
    frameworks = set(
        programme.sections.exclude(pillar=None).values_list("pillar__framework", flat=True)
    )
    assert frameworks == {second.pk}
    assert any("Tweede kader" in str(c.changes) for c in programme.changes.all())
    # Once a section is written the framework stays.
    section = programme.sections.filter(kind="domain").first()
    section.version = 1
    section.save()
    data["version"] = programme.version
    locked = client.post(edit_url, {**data, "framework": rotterdam_framework.pk})
    assert locked.status_code == 400
    assert "Het raamwerk ligt vast" in locked.content.decode()
    programme.refresh_from_db()
    assert programme.framework == second
