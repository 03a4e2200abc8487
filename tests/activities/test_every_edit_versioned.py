# ruff: noqa: F811 -- the shared fixtures are imported by name
"""Every edit form refuses a lost update (issue 10, item 13).

The test walks every URL of the project whose route edits an object ("bewerken", or a name
ending in "_edit"); each must be in CASES (or in NOT_VERSIONED with its reason), so a new edit view
without a version check fails here. For each case the page is opened, its form read back from
the HTML as a browser would submit it, one field changed, and then:
- posted WITHOUT the version: refused with "intussen", nothing changed;
- posted with an OLD version (somebody saved in between): refused with "intussen", nothing changed;
- posted with the version the page showed: saved, the version moved on.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from duiding.activities.models import Intervention, PlanStep
from duiding.activities.plan import services as plan_services
from duiding.frameworks.models import Ambition, Factor, Framework
from duiding.indicators.models import Indicator
from duiding.outcomes import entered_services
from duiding.outcomes.measurement_plans import services as measurement_services
from duiding.outcomes.services import questionnaire_create
from duiding.outcomes.standard import standard_questions
from duiding.programmes import services as programme_services
from duiding.programmes.consultation import services as consultation
from duiding.reflections import services as reflection_services
from tests.forms_html import form_data
from tests.markup import assert_accessible
from tests.programmes.conftest import domain_section
from tests.programmes.consultation_fixtures import conversation  # noqa: F401
from tests.results.results_fixtures import make_result

pytestmark = pytest.mark.django_db

CHANGED = "Gewijzigd door de test"

# Edit views that the cases below cannot cover, each with its reason.
NOT_VERSIONED: dict[str, str] = {
    # The version lives on the questionnaire, the question text in its QuestionnaireVersion row:
    # tests/outcomes/test_questionnaire_views.py posts a missing and an old version.
    "outcomes:question_edit": "version on the questionnaire; tested in tests/outcomes",
    # Status and date only (the note goes to the history): tests/reflections/test_actions.py
    # posts a missing and an old version.
    "reflections:action_edit": "no free text on the row; tested in tests/reflections",
}


def _later():
    return timezone.localdate() + datetime.timedelta(days=30)


def _walk(patterns, namespace=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _walk(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{namespace}{p.name}", str(p.pattern)


def edit_url_names() -> set[str]:
    return {
        name
        for name, route in _walk(get_resolver().url_patterns)
        if "bewerken" in route or name.endswith("_edit")
    }


# --- the cases: (url, the object, the form field to change) -----------------------------------


def _activity(ctx):
    home = ctx["seed_activities"]["home_start"]
    return reverse("activities:activity_edit", args=[home.pk]), home, "name"


def _step(ctx):
    home = ctx["seed_activities"]["home_start"]
    step = plan_services.step_create(
        programme=home.programme,
        user=ctx["adviseur"],
        description="Intake plannen",
        owner_organisation=home.organisation,
        due_date=_later(),
        activity=home,
    )
    return reverse("activities:step_edit", args=[home.programme_id, step.pk]), step, "description"


def _quality(ctx):
    home = ctx["seed_activities"]["home_start"]
    agreement = plan_services.quality_save(
        activity=home, user=ctx["adviseur"], next_step="Beschrijf de interventie", due_date=_later()
    )
    url = reverse("activities:quality_edit", args=[home.programme_id, agreement.pk])
    return url, agreement, "next_step"


def _measurement(ctx):
    home = ctx["seed_activities"]["home_start"]
    plan = measurement_services.measurement_save(
        activity=home,
        user=ctx["adviseur"],
        measure="uitval",
        how="Registratie",
        how_often="Jaarlijks",
    )
    return reverse("outcomes:measurement_edit", args=[home.programme_id, plan.pk]), plan, "how"


def _purchase(ctx):
    home = ctx["seed_activities"]["home_start"]
    agreement = plan_services.purchase_save(
        programme=home.programme,
        user=ctx["adviseur"],
        reference="BS-2026-1",
        date=_later(),
        activity=home,
    )
    url = reverse("activities:purchase_edit", args=[home.programme_id, agreement.pk])
    return url, agreement, "reference"


def _programme(ctx):
    programme = ctx["programme"]
    return reverse("programmes:edit", args=[programme.pk]), programme, "name"


def _conversation(ctx):
    conv = ctx["conversation"]
    return reverse("programmes:conversation_edit", args=[conv.programme_id, conv.pk]), conv, "notes"


def _finding(ctx):
    conv = ctx["conversation"]
    finding = consultation.finding_create(
        conversation=conv, user=ctx["adviseur"], statement="Veel spijbelen", recognition="ja"
    )
    url = reverse("programmes:finding_edit", args=[conv.programme_id, finding.pk])
    return url, finding, "statement"


def _missing(ctx):
    section = domain_section(ctx["programme"], "Schoolprestaties")
    missing = programme_services.missing_figure_add(
        section,
        user=ctx["adviseur"],
        description="Verzuim per school",
        reason="",
        possible_source="",
    )
    url = reverse(
        "programmes:section_missing_edit", args=[ctx["programme"].pk, section.pk, missing.pk]
    )
    return url, missing, f"m{missing.pk}-description"


def _section(ctx):
    section = domain_section(ctx["programme"], "Schoolprestaties")
    url = reverse("programmes:section", args=[ctx["programme"].pk, section.pk])
    return url, section, "analysis"


def _result(ctx):
    result = make_result(ctx["programme"], ctx["adviseur"], ctx["figures"])
    return reverse("results:edit", args=[result.pk]), result, "text"


def _entered_figures(ctx):
    home = ctx["seed_activities"]["home_start"]
    figures = entered_services.entered_figures_create(
        activity=home,
        user=ctx["adviseur"],
        data=entered_services.Figures(
            datetime.date(2026, 1, 1), datetime.date(2026, 3, 31), reached=20
        ),
    )
    return reverse("outcomes:entered_edit", args=[figures.pk]), figures, "note"


# Reference data, edited by a beheerder (the case names the user as a fourth item).


def _framework():
    return Framework.objects.get(slug="rotterdam-groeit")


def _pillar(ctx):
    pillar = _framework().pillars.get(name="Kansrijk")
    return reverse("frameworks:pillar_edit", args=[pillar.pk]), pillar, "name", ctx["beheerder"]


def _domain(ctx):
    domain = _framework().pillars.get(name="Kansrijk").domains.get(name="Werk")
    return reverse("frameworks:domain_edit", args=[domain.pk]), domain, "name", ctx["beheerder"]


def _ambition(ctx):
    framework = _framework()
    ambition = Ambition.objects.create(
        framework=framework, pillar=framework.pillars.get(name="Kansrijk"), text="Meer werk."
    )
    url = reverse("frameworks:ambition_edit", args=[ambition.pk])
    return url, ambition, "text", ctx["beheerder"]


def _factor(ctx):
    framework = _framework()
    factor = Factor.objects.create(framework=framework, name="Schooluitval", kind="risk")
    url = reverse("frameworks:factor_edit", args=[framework.slug, factor.pk])
    return url, factor, "explanation", ctx["beheerder"]


def _indicator(ctx):
    indicator = Indicator.objects.create(code="t_versie", name="Testindicator")
    url = reverse("indicators:indicator_edit", args=[indicator.pk])
    return url, indicator, "definition", ctx["beheerder"]


def _intervention(ctx):
    intervention = Intervention.objects.create(name="Voorbeeldinterventie")
    url = reverse("activities:intervention_edit", args=[intervention.pk])
    return url, intervention, "description", ctx["beheerder"]


def _questionnaire(ctx):
    questionnaire = questionnaire_create(
        activity=ctx["seed_activities"]["home_start"],
        user=ctx["adviseur"],
        title="Eindmeting",
        moment="eindmeting",
        opens_on=_later(),
        closes_on=_later(),
        questions=standard_questions("tevredenheid"),
    )
    return reverse("outcomes:questionnaire_edit", args=[questionnaire.pk]), questionnaire, "title"


def _reflection(ctx):
    return reflection_services.create_reflection(
        ctx["adviseur"],
        ctx["programme"],
        {"title": "Duidingssessie", "date": _later(), "facilitator": ctx["adviseur"]},
    )


def _reflection_edit(ctx):
    reflection = _reflection(ctx)
    return reverse("reflections:edit", args=[reflection.pk]), reflection, "place"


def _agenda_item(ctx):
    reflection = _reflection(ctx)
    item = reflection_services.add_item(ctx["adviseur"], reflection, {"title": "Speeltuin"})
    url = reverse("reflections:item_edit", args=[reflection.pk, item.pk])
    return url, item, "reason"


CASES = {
    "reflections:edit": _reflection_edit,
    "reflections:item_edit": _agenda_item,
    "outcomes:questionnaire_edit": _questionnaire,
    "activities:activity_edit": _activity,
    "activities:step_edit": _step,
    "activities:quality_edit": _quality,
    "outcomes:measurement_edit": _measurement,
    "activities:purchase_edit": _purchase,
    "programmes:edit": _programme,
    "programmes:conversation_edit": _conversation,
    "programmes:finding_edit": _finding,
    "programmes:section_missing_edit": _missing,
    "programmes:section": _section,  # the section page is its own edit form
    "results:edit": _result,
    "frameworks:pillar_edit": _pillar,
    "frameworks:domain_edit": _domain,
    "frameworks:ambition_edit": _ambition,
    "frameworks:factor_edit": _factor,
    "indicators:indicator_edit": _indicator,
    "activities:intervention_edit": _intervention,
    "outcomes:entered_edit": _entered_figures,
}


def test_every_edit_view_is_covered_by_a_version_case():
    names = edit_url_names()
    assert names, "the walk found no edit views at all"
    unknown = names - CASES.keys() - NOT_VERSIONED.keys()
    assert not unknown, f"edit views without a version check case: {sorted(unknown)}"
    gone = (CASES.keys() | NOT_VERSIONED.keys()) - names - {"programmes:section"}
    assert not gone, f"cases for views that no longer exist: {sorted(gone)}"


def _row(obj) -> dict:
    return type(obj).objects.filter(pk=obj.pk).values().get()


def _version_name(data: dict, field: str) -> str:
    prefix = field.rsplit("-", 1)[0] + "-" if "-" in field else ""
    return f"{prefix}version"


@pytest.mark.parametrize("name", sorted(CASES))
def test_edit_refuses_a_missing_or_old_version_and_changes_nothing(
    name, client_as, adviseur, beheerder, programme, seed_activities, conversation, figures
):
    ctx = {
        "adviseur": adviseur,
        "beheerder": beheerder,
        "programme": programme,
        "seed_activities": seed_activities,
        "conversation": conversation,
        "figures": figures,
    }
    url, obj, field, *user = CASES[name](ctx)
    client = client_as(user[0] if user else adviseur)
    page = client.get(url)
    assert page.status_code == 200
    data = form_data(page.content.decode())
    version = _version_name(data, field)
    assert field in data and version in data, (field, version, sorted(data))
    data[field] = CHANGED
    before = _row(obj)

    without = {k: v for k, v in data.items() if k != version}
    for refused in (without, {**data, version: str(int(data[version]) + 1)}):
        response = client.post(url, refused)
        assert response.status_code in (400, 409), response.status_code
        assert "intussen" in response.content.decode()
        assert_accessible(response)
        assert _row(obj) == before  # nothing changed

    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    after = _row(obj)
    assert after["version"] == before["version"] + 1
    assert CHANGED in {str(v) for v in after.values()}


def _done_form(html: str, url: str) -> dict:
    """The fields of the 'Klaar' form that posts to `url`, as the browser would submit them."""
    at = html.index(f'action="{url}"')
    return form_data(html[html.rindex("<form", 0, at) : html.index("</form>", at) + 7])


def test_klaar_on_a_step_carries_the_version_and_refuses_a_stale_one(
    client_as, adviseur, seed_activities
):
    home = seed_activities["home_start"]
    step = plan_services.step_create(
        programme=home.programme,
        user=adviseur,
        description="Intake plannen",
        owner_organisation=home.organisation,
        due_date=_later(),
        activity=home,
    )
    client = client_as(adviseur)
    done_url = reverse("activities:step_done", args=[home.programme_id, step.pk])
    plan = client.get(reverse("activities:plan", args=[home.programme_id])).content.decode()
    data = _done_form(plan, done_url)
    assert data["version"] == str(step.version)

    missing = client.post(done_url, {k: v for k, v in data.items() if k != "version"})
    assert missing.status_code == 409 and "intussen" in missing.content.decode()
    assert _row(step)["status"] == "open" and _row(step)["version"] == step.version

    # Somebody changes the step after the page was opened: the click is refused, nothing changed.
    plan_services.step_update(
        step=PlanStep.objects.get(pk=step.pk),
        user=adviseur,
        description="Intake plannen met de school",
        owner_organisation=home.organisation,
        due_date=step.due_date,
        activity=home,
        expected_version=step.version,
    )
    before = _row(step)
    stale = client.post(done_url, data)
    page = stale.content.decode()
    assert stale.status_code == 409 and "intussen" in page
    assert "Intake plannen met de school" in page  # the step as stored now
    assert_accessible(stale)
    assert _row(step) == before

    # The refusal page offers the stored version: marking that one done goes through.
    again = _done_form(page, done_url)
    assert again["version"] == str(before["version"])
    assert client.post(done_url, again).status_code == 302
    after = _row(step)
    assert after["status"] == "klaar" and after["version"] == before["version"] + 1
