# ruff: noqa: F811 -- the shared fixtures are imported by name (tests/programmes/consultation_fixtures.py)
"""No silent overwrite: missing figures, partner conversations and findings carry a version; a
save from an older version is refused (409), says who saved in between and what changed, keeps
the editor's input, and a second save (now from the stored version) goes through."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from duiding.core.versioning import StaleEdit
from duiding.programmes import services as section_services
from duiding.programmes.consultation import services as consultation
from tests.programmes.conftest import domain_section
from tests.programmes.consultation_fixtures import conversation  # noqa: F401

pytestmark = pytest.mark.django_db


def _version_in(html: str, name: str = "version") -> str:
    match = re.search(rf'name="{re.escape(name)}" value="(\d+)"', html)
    assert match, f"no hidden {name} in the form"
    return match.group(1)


@pytest.fixture
def missing(programme, adviseur):
    section = domain_section(programme, "Schoolprestaties")
    return section_services.missing_figure_add(
        section, user=adviseur, description="Verzuim per school", reason="", possible_source=""
    )


def test_missing_figure_edit_from_an_old_version_is_refused_and_shown(
    client_as, adviseur, beheerder, programme, missing
):
    url = reverse(
        "programmes:section_missing_edit", args=[programme.pk, missing.section_id, missing.pk]
    )
    client = client_as(adviseur)
    old = _version_in(client.get(url).content.decode(), f"m{missing.pk}-version")
    section_services.missing_figure_update(
        missing,
        user=beheerder,
        based_on_version=int(old),
        description="Verzuim per school (leerplicht)",
        status="aangevraagd",
    )
    data = {
        f"m{missing.pk}-description": "Verzuim per school en wijk",
        f"m{missing.pk}-reason": "",
        f"m{missing.pk}-possible_source": "Leerplicht",
        f"m{missing.pk}-status": "open",
        f"m{missing.pk}-version": old,
    }
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 409
    assert f"Dit is intussen opgeslagen door {beheerder.display_name} (" in html
    assert "Verzuim per school (leerplicht)" in html and "Verzuim per school en wijk" in html
    missing.refresh_from_db()
    assert missing.description == "Verzuim per school (leerplicht)"  # nothing overwritten
    data[f"m{missing.pk}-version"] = _version_in(html, f"m{missing.pk}-version")
    assert client.post(url, data).status_code == 302
    missing.refresh_from_db()
    assert missing.description == "Verzuim per school en wijk"
    assert missing.updated_by == adviseur


def test_conversation_edit_from_an_old_version_is_refused_and_shown(
    client_as, adviseur, beheerder, programme, conversation, partner_org
):
    url = reverse("programmes:conversation_edit", args=[programme.pk, conversation.pk])
    client = client_as(adviseur)
    old = _version_in(client.get(url).content.decode())
    consultation.conversation_update(
        conversation=conversation,
        user=beheerder,
        date=conversation.date,
        participants="jongerenwerker",
        organisations=[partner_org],
        notes="Aangevuld door de beheerder.",
        based_on_version=conversation.version,
    )
    data = {
        "date": conversation.date.isoformat(),
        "participants": "jongerenwerker, intern begeleider",
        "organisations": [partner_org.pk],
        "other_organisations": "",
        "notes": "Mijn aantekeningen.",
        "version": old,
    }
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 409
    assert "intussen opgeslagen door" in html
    assert "Aangevuld door de beheerder." in html and "Mijn aantekeningen." in html
    conversation.refresh_from_db()
    assert conversation.notes == "Aangevuld door de beheerder."
    data["version"] = _version_in(html)
    assert client.post(url, data).status_code == 302
    conversation.refresh_from_db()
    assert conversation.notes == "Mijn aantekeningen."


def test_finding_edit_from_an_old_version_is_refused_and_shown(
    client_as, adviseur, beheerder, programme, conversation
):
    finding = consultation.finding_create(
        conversation=conversation, user=adviseur, statement="Veel spijbelen", recognition="ja"
    )
    url = reverse("programmes:finding_edit", args=[programme.pk, finding.pk])
    client = client_as(adviseur)
    old = _version_in(client.get(url).content.decode())
    consultation.finding_update(
        finding=finding,
        user=beheerder,
        based_on_version=int(old),
        statement="Veel spijbelen op De Brug",
        recognition="deels",
    )
    data = {"statement": "Veel spijbelen in groep 8", "recognition": "ja", "version": old}
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 409
    assert "Veel spijbelen op De Brug" in html and "Veel spijbelen in groep 8" in html
    finding.refresh_from_db()
    assert finding.statement == "Veel spijbelen op De Brug"
    data["version"] = _version_in(html)
    assert client.post(url, data).status_code == 302
    finding.refresh_from_db()
    assert finding.statement == "Veel spijbelen in groep 8"


def test_service_without_a_version_is_refused_and_a_current_one_moves_it_on(adviseur, conversation):
    finding = consultation.finding_create(
        conversation=conversation, user=adviseur, statement="A", recognition="ja"
    )
    with pytest.raises(StaleEdit, match="intussen gewijzigd") as missing:
        consultation.finding_update(
            finding=finding, user=adviseur, statement="X", recognition="ja", based_on_version=None
        )
    assert missing.value.missing
    consultation.finding_update(
        finding=finding, user=adviseur, statement="B", recognition="ja", based_on_version=0
    )
    finding.refresh_from_db()
    assert finding.version == 1 and finding.statement == "B"
    with pytest.raises(StaleEdit) as refused:
        consultation.finding_update(
            finding=finding, user=adviseur, statement="C", recognition="nee", based_on_version=0
        )
    assert [c.label for c in refused.value.changes] == [
        "Bevinding uit de analyse",
        "Herkennen de partners dit?",
    ]
    finding.refresh_from_db()
    assert finding.statement == "B"
