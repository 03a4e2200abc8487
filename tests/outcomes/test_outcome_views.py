"""The outcome page per activity and per programme and its exports: the partner sees its raw
figures, everybody else across the boundary the suppressed aggregates (the mark 4 of the
voormeting has 3 answers: the 3 appears nowhere, and cannot be worked out), other
municipalities get a 404, anonymous users the login page."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.urls import reverse

from duiding.outcomes.models import Answer, Response
from duiding.outcomes.selectors import activity_outcome
from tests.outcomes.page_fixtures import *  # noqa: E402, F403
from tests.outcomes.test_suppression import brute_force_values
from tests.xlsx_checks import numbers_without_format, workbook_of

pytestmark = pytest.mark.django_db


def page(client, activity):
    return client.get(reverse("outcomes:activity_outcome", args=[activity.pk]))


def export(client, activity, fmt):
    response = client.get(reverse("outcomes:activity_outcome_export", args=[activity.pk, fmt]))
    if fmt == "csv" and response.status_code == 200:
        return response, b"".join(response.streaming_content).decode("utf-8-sig")
    return response, response.content


def table_counts(html: str) -> list[str]:
    """The texts of every count cell of the page's tables."""
    return [c.strip() for c in re.findall(r'<td class="num[^"]*">([^<]*)</td>', html)]


def test_partner_sees_raw_figures_with_extremes_and_open_answers(client_as, partner, outcome):
    response = page(client_as(partner), outcome["activity"])
    html = response.content.decode()
    assert response.status_code == 200
    assert "Laagste score" in html and "Hoogste score" in html
    assert "Heel fijn!" in html
    # an open answer with a script is shown as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    assert "3" in table_counts(html)  # the mark 4 of the voormeting: 3 answers
    assert "minder dan 5" not in html.split("outcome-layout")[1]


def test_adviser_sees_suppressed_aggregates_only(client_as, adviseur, outcome):
    before = (Response.objects.count(), Answer.objects.count())
    response = page(client_as(adviseur), outcome["activity"])
    html = response.content.decode()
    assert response.status_code == 200
    assert "U ziet samengevatte cijfers." in html
    counts = table_counts(html)
    assert "3" not in counts and "minder dan 5" in counts
    assert "Laagste score" not in html and "Heel fijn!" not in html and "alert(1)" not in html
    # the chart data hold no small count either
    assert not re.search(r'"c": [1-4][,}]', html)
    assert not re.search(r"\"t\": \"[1-4]\"", html)
    assert (Response.objects.count(), Answer.objects.count()) == before


def test_adviser_figures_cannot_be_worked_out(adviseur, outcome):
    """The reader's brute force on the voormeting's marks (with total and voldoende) and on the
    dropout table (code 3: 3) finds at least two values for every suppressed count."""
    result = activity_outcome(outcome["activity"], adviseur)
    pre = next(b for b in result.blocks if b.key == "nut").columns[0].shown
    cells = [0, 1, 2, 3, 5, 8, 9, 6, 4, 2]

    class Table:
        pass

    table = Table()
    table.cells = [r.count for r in pre.rows]
    table.total = pre.n
    table.subtotals = {"voldoende": pre.sufficient}
    seen = brute_force_values(cells, table, {"voldoende": list(range(5, 10))})
    for count, options in zip(table.cells, seen, strict=True):
        if not count.shown:
            assert len(options) >= 2
    dropout = Table()
    dropout.cells = [r.count for r in result.dropout.rows]
    dropout.total = result.dropout.total
    dropout.subtotals = {}
    seen = brute_force_values([20, 6, 3, 0, 1], dropout, {})
    assert len(seen[2]) >= 2


def test_another_partner_of_the_programme_sees_suppressed(client_as, youth_worker, outcome):
    html = page(client_as(youth_worker), outcome["activity"]).content.decode()
    assert "U ziet samengevatte cijfers." in html and "3" not in table_counts(html)


def test_other_municipality_gets_404(client_as, outsider, outcome):
    before = (Response.objects.count(), Answer.objects.count())
    client = client_as(outsider)
    assert page(client, outcome["activity"]).status_code == 404
    assert export(client, outcome["activity"], "csv")[0].status_code == 404
    url = reverse("outcomes:programme_outcome", args=[outcome["activity"].programme_id])
    assert client.get(url).status_code == 404
    assert (Response.objects.count(), Answer.objects.count()) == before


def test_anonymous_goes_to_login(client, outcome):
    for url in (
        reverse("outcomes:activity_outcome", args=[outcome["activity"].pk]),
        reverse("outcomes:activity_outcome_export", args=[outcome["activity"].pk, "xlsx"]),
        reverse("outcomes:programme_outcome", args=[outcome["activity"].programme_id]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_csv_for_adviser_is_suppressed(client_as, adviseur, outcome):
    response, text = export(client_as(adviseur), outcome["activity"], "csv")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header = rows[0]
    assert header[-1] == "Aantal of cijfer"
    mark4 = [r for r in rows if r[1:3] == ["Voormeting Home-Start", "Voormeting"] and r[6] == "4"]
    assert mark4 and mark4[0][-1] == "minder dan 5"
    assert not [r for r in rows[1:] if r and r[-1] == "3"]
    assert any(r[5] == "gemiddelde" and r[-1] == "6,5" for r in rows if len(r) > 5)


def test_csv_for_partner_is_raw(client_as, partner, outcome):
    _response, text = export(client_as(partner), outcome["activity"], "csv")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    mark4 = [r for r in rows if r[1:3] == ["Voormeting Home-Start", "Voormeting"] and r[6] == "4"]
    assert mark4[0][-1] == "3"
    assert any("Heel fijn!" in r[7] for r in rows if len(r) > 7)


def test_xlsx_for_adviser_is_suppressed_with_number_formats(client_as, adviseur, outcome):
    response, content = export(client_as(adviseur), outcome["activity"], "xlsx")
    assert response.status_code == 200
    assert numbers_without_format(content) == []
    ws = workbook_of(content).worksheets[0]
    values = [row[-1] for row in ws.iter_rows(min_row=5, values_only=True) if row]
    assert 3 not in values and "minder dan 5" in values


def test_export_unknown_format_404(client_as, partner, outcome):
    assert export(client_as(partner), outcome["activity"], "pdf")[0].status_code == 404


def test_programme_page_lists_activities_with_key_figures(client_as, adviseur, outcome):
    programme = outcome["activity"].programme
    response = client_as(adviseur).get(reverse("outcomes:programme_outcome", args=[programme.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert reverse("outcomes:activity_outcome", args=[outcome["activity"].pk]) in html
    assert "Jongerenwerk op het schoolplein" in html
    assert "85%" in html  # the eindmeting's share voldoende
    assert (
        f'href="{reverse("outcomes:programme_outcome", args=[programme.pk])}" aria-current="page"'
        in html
    )
    response, text = (
        client_as(adviseur).get(
            reverse("outcomes:programme_outcome_export", args=[programme.pk, "csv"])
        ),
        None,
    )
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Home-Start" in text and ";3\r\n" not in text


def test_empty_state(client_as, adviseur, seed_activities):
    html = page(client_as(adviseur), seed_activities["youth_work"]).content.decode()
    assert "nog geen vragenlijsten ingevuld" in html
    assert "nog geen meetplan" in html


def test_activity_page_links_to_outcome(client_as, partner, outcome):
    activity = outcome["activity"]
    html = client_as(partner).get(reverse("activities:activity_detail", args=[activity.pk]))
    assert reverse("outcomes:activity_outcome", args=[activity.pk]) in html.content.decode()


def test_page_in_english(client_as, adviseur, outcome, settings):
    client = client_as(adviseur)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = page(client, outcome["activity"]).content.decode()
    assert "Outcome of Home-Start" in html and "fewer than 5" in html
    assert "You see aggregated figures." in html
