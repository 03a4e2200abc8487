# ruff: noqa: F811  (pytest fixtures imported from results_fixtures)
"""Pages of societal results: list, form (create, edit, add a row, conflict), status, history
and delete, each with the users who may and may not use it."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from duiding.results.models import ResultChange, SocietalResult
from tests.results.results_fixtures import (  # noqa: F401
    feijenoord,
    figures,
    framework,
    programme,
    result,
)

pytestmark = pytest.mark.django_db


def form_data(figures, rows=None, **fields) -> dict:
    rows = (
        rows
        if rows is not None
        else [
            {"indicator": figures.share.pk, "baseline_period": "2021", "target_value": "5"},
            {
                "name": "Jongeren die lid zijn van een sportvereniging",
                "baseline_period": "2021",
                "baseline_value": "60",
                "baseline_source": "Jeugdmonitor Rotterdam 2021",
                "target_value": "5",
                "direction": "higher_is_better",
            },
        ]
    )
    data = {
        "text": "In 2026 gaat 21% van de jeugdzorgtrajecten in Feijenoord via het wijkteam.",
        "target_date": "2026-12-31",
        "rule": "each",
        "combined_target_kind": "pp",
        "ind-TOTAL_FORMS": str(len(rows)),
        "ind-INITIAL_FORMS": "0",
        "ind-MIN_NUM_FORMS": "0",
        "ind-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        data.update({f"ind-{i}-target_kind": "pp"})
        data.update({f"ind-{i}-{k}": v for k, v in row.items()})
    data.update(fields)
    return data


# --- permissions: one test per view --------------------------------------------------------


def _urls(programme, result) -> dict[str, str]:
    return {
        "list": reverse("results:programme_results", args=[programme.pk]),
        "create": reverse("results:create", args=[programme.pk]),
        "edit": reverse("results:edit", args=[result.pk]),
        "history": reverse("results:history", args=[result.pk]),
        "delete": reverse("results:delete", args=[result.pk]),
    }


@pytest.mark.parametrize("name", ["list", "create", "edit", "history", "delete"])
def test_outsider_gets_404(client_as, outsider, programme, result, name):
    assert client_as(outsider).get(_urls(programme, result)[name]).status_code == 404


@pytest.mark.parametrize("name", ["list", "create", "edit", "history", "delete"])
def test_anonymous_is_sent_to_login(client, programme, result, name):
    response = client.get(_urls(programme, result)[name])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))


@pytest.mark.parametrize("name,code", [("list", 200), ("history", 200), ("create", 403),
                                       ("edit", 403), ("delete", 403)])  # fmt: skip
def test_partner_reads_but_does_not_write(client_as, partner, programme, result, name, code):
    assert client_as(partner).get(_urls(programme, result)[name]).status_code == code


def test_partner_cannot_post_status_or_delete(client_as, partner, result):
    client = client_as(partner)
    status = client.post(reverse("results:status", args=[result.pk]), {"status": "vastgesteld"})
    delete = client.post(reverse("results:delete", args=[result.pk]))
    assert (status.status_code, delete.status_code) == (403, 403)
    result.refresh_from_db()
    assert result.status == "concept"


def test_outsider_cannot_post_status(client_as, outsider, result):
    response = client_as(outsider).post(
        reverse("results:status", args=[result.pk]), {"status": "vastgesteld", "version": "1"}
    )
    assert response.status_code == 404


# --- list ---------------------------------------------------------------------------------


def test_list_empty_state_explains_a_result(client_as, adviseur, programme):
    page = client_as(adviseur).get(reverse("results:programme_results", args=[programme.pk]))
    html = page.content.decode()
    assert "nog geen maatschappelijke resultaten" in html
    assert "percentage jongeren van 18-22 jaar met startkwalificatie" in html
    assert "Nieuw resultaat" in html


def test_list_shows_results_with_rule_and_indicators(client_as, partner, programme, result):
    html = (
        client_as(partner)
        .get(reverse("results:programme_results", args=[programme.pk]))
        .content.decode()
    )
    assert result.text in html
    assert "Ieder afzonderlijk" in html
    assert "Trajecten via de gemeentelijke toegang (wijkteam)" in html
    assert "Nieuw resultaat" not in html  # partner reads only


# --- create and edit ---------------------------------------------------------------------


def test_create_with_two_indicators(client_as, adviseur, programme, figures):
    response = client_as(adviseur).post(
        reverse("results:create", args=[programme.pk]), form_data(figures)
    )
    assert response.status_code == 302
    result = SocietalResult.objects.get()
    assert [str(r) for r in result.result_indicators.order_by("order")] == [
        "Trajecten via de gemeentelijke toegang (wijkteam)",
        "Jongeren die lid zijn van een sportvereniging",
    ]
    assert result.changes.count() == 1


def test_create_bad_target_shows_row_message_and_stores_nothing(
    client_as, adviseur, programme, figures
):
    data = form_data(figures, **{"ind-0-target_value": "-5"})
    response = client_as(adviseur).post(reverse("results:create", args=[programme.pk]), data)
    assert response.status_code == 400
    assert "Indicator 1, doel: Het doel -5 gaat de verkeerde kant op" in response.content.decode()
    assert SocietalResult.objects.count() == 0


def test_create_combined_without_combination_indicator(client_as, adviseur, programme, figures):
    data = form_data(figures, rule="combined", combined_target_value="5")
    response = client_as(adviseur).post(reverse("results:create", args=[programme.pk]), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "kies de indicator die meet welk deel aan alle voorwaarden tegelijk voldoet" in html
    assert "Die is er (nog) niet" not in html
    assert SocietalResult.objects.count() == 0


def test_add_row_without_javascript_keeps_input(client_as, adviseur, programme, figures):
    data = form_data(figures, add_row="1")
    response = client_as(adviseur).post(reverse("results:create", args=[programme.pk]), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="ind-2-baseline_period"' in html and "Jeugdmonitor Rotterdam 2021" in html
    assert SocietalResult.objects.count() == 0


def test_check_text_shows_nudges_without_saving(client_as, adviseur, programme, figures):
    data = form_data(figures, text="Minder jongeren in de jeugdzorg.", check="1")
    response = client_as(adviseur).post(reverse("results:create", args=[programme.pk]), data)
    html = response.content.decode()
    assert "Noem het jaar waarin het resultaat bereikt moet zijn." in html
    assert "Formuleer het resultaat zo veel mogelijk positief" in html
    assert SocietalResult.objects.count() == 0


def test_edit_saves_and_records_history(client_as, adviseur, result, figures):
    data = form_data(
        figures,
        rows=[{"indicator": figures.share.pk, "baseline_period": "2021", "target_value": "6"}],
        version="1",
    )
    response = client_as(adviseur).post(reverse("results:edit", args=[result.pk]), data)
    assert response.status_code == 302
    result.refresh_from_db()
    assert result.version == 2
    assert float(result.result_indicators.get().target_value) == 6
    assert result.changes.first().summary == "Gewijzigd: indicatoren"


def test_edit_form_shows_stored_rows(client_as, adviseur, result):
    html = client_as(adviseur).get(reverse("results:edit", args=[result.pk])).content.decode()
    assert 'name="ind-0-baseline_period" value="2021"' in html
    assert 'name="version" value="1"' in html


def test_edit_conflict_overwrites_nothing(client_as, adviseur, result, figures):
    result.text = "Intussen door een collega gewijzigd in 2026."
    result.version = 2
    result.save()
    data = form_data(figures, version="1")
    response = client_as(adviseur).post(reverse("results:edit", args=[result.pk]), data)
    assert response.status_code == 409
    assert "Iemand anders heeft dit resultaat intussen opgeslagen" in response.content.decode()
    result.refresh_from_db()
    assert result.text == "Intussen door een collega gewijzigd in 2026."


# --- status, history, delete --------------------------------------------------------------


def test_status_change_appears_in_history(client_as, adviseur, result):
    client = client_as(adviseur)
    response = client.post(
        reverse("results:status", args=[result.pk]), {"status": "partners", "version": "1"}
    )
    assert response.status_code == 302
    html = client.get(reverse("results:history", args=[result.pk])).content.decode()
    assert "Status: Concept → Besproken met partners" in html
    assert ResultChange.objects.filter(status_to="partners").count() == 1


def test_delete_asks_then_deletes(client_as, adviseur, programme, result):
    client = client_as(adviseur)
    assert (
        "Weet u zeker" in client.get(reverse("results:delete", args=[result.pk])).content.decode()
    )
    response = client.post(reverse("results:delete", args=[result.pk]))
    assert response["Location"] == reverse("results:programme_results", args=[programme.pk])
    assert SocietalResult.objects.count() == 0


def test_form_says_up_front_when_no_combination_indicator_exists(
    client_as, adviseur, programme, figures
):
    # IJsselmonde has no figures at all, so no indicator can measure the combination.
    programme.area = figures.ijsselmonde
    programme.save()
    html = client_as(adviseur).get(reverse("results:create", args=[programme.pk])).content.decode()
    assert "Die is er (nog) niet: kies een andere regel of voeg die indicator toe." in html
    assert 'name="combination_indicator"' not in html
