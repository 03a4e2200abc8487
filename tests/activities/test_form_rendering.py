# ruff: noqa: F811 -- the shared fixtures are imported by name
"""The shared form rendering (issue 10, item 10): every form page has the error summary after a
refused submit (with links to the fields), labels come before their fields, no select box shows
Django's "---------", and dates are typed and shown as dd-mm-jjjj with that hint."""

from __future__ import annotations

import datetime
import re

import pytest
from django import forms
from django.urls import reverse
from django.utils import timezone

from duiding.activities.models import PlanStep
from duiding.activities.plan import services as plan_services
from duiding.core.forms import DutchDateField
from tests.programmes.consultation_fixtures import conversation  # noqa: F401
from tests.results.results_fixtures import make_result

pytestmark = pytest.mark.django_db


def _pages(programme, seed_activities, conversation, result, step) -> dict[str, str]:
    home = seed_activities["home_start"]
    p = programme.pk
    return {
        "programme_create": reverse("programmes:create"),
        "programme_edit": reverse("programmes:edit", args=[p]),
        "activity_create": reverse("activities:activity_create", args=[p]),
        "activity_edit": reverse("activities:activity_edit", args=[home.pk]),
        "step_create": reverse("activities:step_create", args=[p]),
        "step_edit": reverse("activities:step_edit", args=[p, step.pk]),
        "purchase_create": reverse("activities:purchase_create", args=[p]),
        "quality_create": reverse("activities:quality_create", args=[p, home.pk]),
        "measurement_create": reverse("outcomes:measurement_create", args=[p, home.pk]),
        "conversation_edit": reverse("programmes:conversation_edit", args=[p, conversation.pk]),
        "result_create": reverse("results:create", args=[p]),
        "result_edit": reverse("results:edit", args=[result.pk]),
    }


@pytest.fixture
def pages(programme, seed_activities, conversation, adviseur, figures):
    result = make_result(programme, adviseur, figures)
    home = seed_activities["home_start"]
    step = plan_services.step_create(
        programme=programme,
        user=adviseur,
        description="Intake plannen",
        owner_organisation=home.organisation,
        due_date=datetime.date(2031, 12, 31),
        activity=home,
    )
    return _pages(programme, seed_activities, conversation, result, step)


def _visible_controls(html: str) -> list[tuple[str, int]]:
    """(id, position) of every visible text box, select and text area of the main content."""
    main = html.index("<main")
    found = []
    for m in re.finditer(r"<(input|select|textarea)\b([^>]*)>", html):
        attrs = m.group(2)
        kind = re.search(r'type="([^"]+)"', attrs)
        if (
            m.group(1) == "input"
            and kind
            and kind.group(1)
            in {
                "hidden",
                "submit",
                "button",
                "checkbox",
                "radio",
            }
        ):
            continue
        ident = re.search(r'id="([^"]+)"', attrs)
        if ident and m.start() > main:
            found.append((ident.group(1), m.start()))
    return found


def test_every_label_comes_before_its_field(client_as, adviseur, pages):
    client = client_as(adviseur)
    for name, url in pages.items():
        html = client.get(url).content.decode()
        controls = _visible_controls(html)
        assert controls, name
        for ident, position in controls:
            label = html.find(f'<label class="utrecht-form-label" for="{ident}"')
            if label == -1:
                label = html.find(f'for="{ident}"')
            assert label != -1, f"{name}: no label for {ident}"
            assert label < position, f"{name}: the label of {ident} comes after the field"


def test_no_select_box_shows_the_dashes_but_a_dutch_placeholder(client_as, adviseur, pages):
    client = client_as(adviseur)
    seen = False
    for name, url in pages.items():
        html = client.get(url).content.decode()
        assert "---------" not in html, name
        seen = seen or "— kies —" in html
    assert seen, "no page showed the placeholder at all"


def test_the_placeholder_is_set_once_for_every_form():
    class AnyForm(forms.Form):
        choice = forms.ChoiceField(choices=[("", "---------"), ("a", "A")], required=False)
        person = forms.ModelChoiceField(queryset=PlanStep.objects.none(), required=False)

    html = str(AnyForm())
    assert "---------" not in html
    assert html.count("— kies —") == 2


@pytest.mark.parametrize("name", ["programme_create", "programme_edit", "activity_create"])
def test_an_empty_submit_shows_the_error_summary_with_links(client_as, adviseur, pages, name):
    response = client_as(adviseur).post(pages[name], {"name": "", "start_year": ""})
    assert response.status_code == 400
    html = response.content.decode()
    summary = html[html.index("data-error-summary") :]
    summary = summary[: summary.index("</section>")]
    assert 'id="foutenoverzicht" tabindex="-1"' in summary
    links = re.findall(r'href="#([^"]+)"', summary)
    assert links, "the summary links to no field"
    for anchor in links:
        assert f'id="{anchor}"' in html, f"the summary links to #{anchor}, which is not there"
    assert "duiding/error_summary.js" in html  # moves the focus to the summary


def test_dates_are_typed_and_shown_as_dd_mm_jjjj():
    field = DutchDateField(label="Datum")
    assert field.clean("31-12-2026") == datetime.date(2026, 12, 31)
    assert field.clean("1-3-2026") == datetime.date(2026, 3, 1)
    with pytest.raises(forms.ValidationError, match="dd-mm-jjjj"):
        field.clean("2026-31-12")
    assert str(field.help_text) == "dd-mm-jjjj"

    class AnyForm(forms.Form):
        when = DutchDateField(label="Wanneer")

    html = str(AnyForm(initial={"when": datetime.date(2026, 12, 31)}))
    assert 'value="31-12-2026"' in html and 'type="text"' in html
    assert 'type="date"' not in html


def test_every_date_field_on_the_pages_is_dutch(client_as, adviseur, pages):
    client = client_as(adviseur)
    for name, url in pages.items():
        html = client.get(url).content.decode()
        assert 'type="date"' not in html, name
    step_page = client.get(pages["step_edit"]).content.decode()
    assert 'value="31-12-2031"' in step_page and "dd-mm-jjjj" in step_page


def test_a_step_saves_a_date_typed_as_dd_mm_jjjj(client_as, adviseur, programme, seed_activities):
    home = seed_activities["home_start"]
    due = timezone.localdate() + datetime.timedelta(days=40)
    response = client_as(adviseur).post(
        reverse("activities:step_create", args=[programme.pk]),
        {
            "description": "Intake plannen",
            "owner_organisation": home.organisation_id,
            "due_date": due.strftime("%d-%m-%Y"),
            "status": "open",
        },
    )
    assert response.status_code == 302
    assert PlanStep.objects.get().due_date == due
