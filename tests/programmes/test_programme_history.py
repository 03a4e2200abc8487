"""Edits of the programme's details keep a ProgrammeChange, shown on the overview page as
"Geschiedenis van het programma"."""

import pytest
from django.urls import reverse

from duiding.programmes.models import ProgrammeChange

pytestmark = pytest.mark.django_db


def test_edit_of_the_details_is_kept_and_shown(client_as, adviseur, beheerder, programme):
    client = client_as(adviseur)
    url = reverse("programmes:edit", args=[programme.pk])
    data = {
        "name": "",
        "start_year": "2026",
        "end_year": "2027",
        "figures_period": "2021",
        "version": "0",
    }
    assert client.post(url, data).status_code == 302
    change = ProgrammeChange.objects.get(programme=programme)
    assert change.changed_by == adviseur
    changed = {label: (old, new) for label, old, new in change.changes}
    assert changed["beginjaar"] == ("2025", "2026")
    assert changed["periode van de cijfers"][1] == "2021"
    assert changed["partners"][1] == "—"  # the partner organisation was unticked
    assert change.snapshot["name"] == "Wijkprogramma Feijenoord 2026–2027"
    # The same data again changes nothing and keeps nothing.
    assert client.post(url, {**data, "version": "1"}).status_code == 302
    assert ProgrammeChange.objects.filter(programme=programme).count() == 1
    # Another user of the municipality sees the history on the overview.
    html = client_as(beheerder).get(reverse("programmes:detail", args=[programme.pk]))
    html = html.content.decode()
    history = html[html.index("Geschiedenis van het programma") :]
    assert "beginjaar" in history and "2026" in history
