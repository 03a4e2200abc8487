"""The pages of a reflection and its agenda in a browser: axe clean, side by side on a desktop
and stacked on a phone, no sideways scrolling at 390 px, moving an item without a reload."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
from django.urls import reverse

from duiding.reflections import services
from duiding.reflections.models import AgendaItem
from tests.outcomes import entered_fixtures, page_fixtures

feijenoord = entered_fixtures.feijenoord
figures = entered_fixtures.figures
framework = entered_fixtures.framework
home_start = entered_fixtures.home_start
programme = entered_fixtures.programme
results = entered_fixtures.results
DAY = datetime.date(2026, 11, 12)


seed_activities = page_fixtures.seed_activities
youth_org = page_fixtures.youth_org
outcome = page_fixtures.outcome

SHOTS = os.environ.get("AGENDA_SCREENSHOTS")  # a folder: save screenshots there


@pytest.fixture
def prepared(programme, adviseur, partner_org, outcome, results, figures):
    """A reflection whose agenda the data filled: a worse figure with a partner finding, the
    overdue measurement plan of Home-Start, an action of an earlier session that falls due."""
    from duiding.programmes.models import Finding, PartnerConversation
    from duiding.reflections.models import ImprovementAction
    from duiding.results.models import ResultIndicator
    from tests.programmes.conftest import domain_section
    from tests.reflections.test_agenda_builder import _indicators

    worse, _better, _similar = _indicators()
    ResultIndicator.objects.create(
        result=results["start"],
        indicator=figures.share,
        baseline_period="2019",
        target_kind="pp",
        target_value=40,
        direction="higher_is_better",
    )
    conversation = PartnerConversation.objects.create(
        programme=programme, date=datetime.date(2026, 3, 4), participants="Jongerenwerk, wijkagent"
    )
    Finding.objects.create(
        conversation=conversation,
        section=domain_section(programme, "Veilige wijk en schoolomgeving"),
        statement="Jongeren voelen zich onveilig rond het Afrikaanderplein",
        recognition=Finding.Recognition.YES,
        explanation="Slechte verlichting en weinig toezicht na acht uur ’s avonds.",
        practice_signals="Ouders halen hun kinderen op van de sportclub.",
    )
    earlier = services.create_reflection(
        adviseur,
        programme,
        {"title": "Duidingssessie voorjaar", "date": DAY.replace(month=5), "facilitator": adviseur},
    )
    ImprovementAction.objects.create(
        reflection=earlier,
        programme=programme,
        description="Verlichting Afrikaanderplein laten verbeteren",
        owner_organisation=partner_org,
        due_date=DAY.replace(day=1),
        indicator=worse,
    )
    reflection = services.create_reflection(
        adviseur,
        programme,
        {
            "title": "Duidingssessie Feijenoord najaar",
            "date": DAY,
            "place": "Wijkcentrum De Put",
            "facilitator": adviseur,
            "participants": "Jongerenwerker\nWijkagent\nSchoolmaatschappelijk werk",
        },
    )
    services.fill_agenda(adviseur, reflection)
    return reflection, worse


def _wide(tab, width) -> list[str]:
    """The elements that stick out to the right (to say what makes a page too wide)."""
    return tab.evaluate(
        """(width) => [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > width + 0.5)
            .slice(0, 8).map((e) => e.tagName + '.' + e.className + ' ' +
                Math.round(e.getBoundingClientRect().right))""",
        width,
    )


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("who", ["adviseur", "partner"])
def test_agenda_pages_axe_clean_and_fit_a_phone(
    authenticated_page,
    assert_no_axe_violations,
    prepared,
    who,
    request,
):
    reflection, worse = prepared
    user = request.getfixturevalue(who)
    figure = reflection.items.get(indicator=worse, kind=AgendaItem.Kind.INDICATOR)
    plan = reflection.items.filter(kind=AgendaItem.Kind.MEASUREMENT_PLAN).first()
    assert plan is not None
    pages = {
        "list": reverse("reflections:programme_list", args=[reflection.programme_id]),
        "detail": reverse("reflections:detail", args=[reflection.pk]),
        "item": reverse("reflections:item", args=[reflection.pk, figure.pk]),
        "item-outcome": reverse("reflections:item", args=[reflection.pk, plan.pk]),
        "item-result": reverse(
            "reflections:item",
            args=[reflection.pk, reflection.items.get(kind=AgendaItem.Kind.RESULT).pk],
        ),
    }
    tab = authenticated_page(user)
    for width in (1280, 390):
        tab.set_viewport_size({"width": width, "height": 900})
        for name, url in pages.items():
            tab.goto(url)
            if name == "item":
                assert tab.get_by_text("Jongeren voelen zich onveilig").is_visible()
                cold = tab.locator(".cold").bounding_box()
                warm = tab.locator(".warm").bounding_box()
                if width == 1280:  # side by side
                    assert abs(cold["y"] - warm["y"]) < 2 and warm["x"] > cold["x"]
                else:  # stacked
                    assert warm["y"] > cold["y"]
            scroll = tab.evaluate("() => document.documentElement.scrollWidth")
            assert scroll <= width, f"{name} at {width}px is {scroll}px wide: {_wide(tab, width)}"
            assert_no_axe_violations(tab)
            if SHOTS and who == "adviseur":
                Path(SHOTS).mkdir(parents=True, exist_ok=True)
                tab.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)
    if who == "adviseur":  # moving an item swaps the agenda in place (htmx), no reload
        tab.goto(pages["detail"])
        tab.evaluate("() => { window.notReloaded = true; }")
        first = tab.locator(".agenda-item h4").first.inner_text()
        tab.locator(".agenda-item").first.get_by_role("button", name="Omlaag").click()
        tab.wait_for_function(
            "(t) => document.querySelector('.agenda-item h4').innerText !== t", arg=first
        )
        assert tab.evaluate("() => window.notReloaded === true")
        assert first in tab.locator(".agenda-item h4").nth(1).inner_text()
