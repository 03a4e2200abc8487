# ruff: noqa: F811 - pytest fixtures imported from cycle_fixtures are used as arguments
"""Minutes: the printable page (details, agenda with cold and warm data, the four questions,
promoted open answers, decisions, actions) and its CSV/Excel exports in Dutch formats; open
answers by the sharing level; small counts suppressed outside the reflection's organisation."""

from __future__ import annotations

import pytest
from django.urls import reverse

from duiding.accounts.models import Membership, Organisation, User
from duiding.reflections.cycle.minutes import live_result, may_read_answers, minutes
from duiding.reflections.models import LiveAnswer, SharingLevel
from tests.reflections.cycle_fixtures import demo, held, upcoming, users  # noqa: F401
from tests.xlsx_checks import numbers_without_format, workbook_of

pytestmark = pytest.mark.django_db


def _get(client, user, name, reflection):
    client.force_login(user)
    return client.get(reverse(f"reflections:{name}", args=[reflection.pk]))


def test_page_has_everything(client, held, users):
    response = _get(client, users["adviseur"], "minutes", held)
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "@media print"
        in open(  # noqa: SIM115
            "src/duiding/reflections/static/reflections/cycle.css", encoding="utf-8"
        ).read()
    )
    assert "cycle.css" in html
    for item in held.items.all():
        assert item.title[:40] in html
        assert item.change[:40] in html
    assert "Herkennen we dit?" in html and "Wat gaan we anders doen?" in html
    assert "Koude data" in html and "Warme data" in html
    assert "Wachtlijst bij Home-Start is te lang" in html  # promoted
    assert "Een vast gezicht per school." not in html  # not promoted
    assert "Bijstellen" in html and "Stoppen" in html
    for action in held.actions.all():
        assert action.description[:40].replace("'", "&#x27;") in html
    assert "Hoe zorgelijk vinden jullie dit?" in html and "gemiddeld 3,8" in html


def test_model_of_the_minutes(held, users):
    m = minutes(held, users["adviseur"])
    assert m.raw and m.reads_answers
    assert len(m.items) == 5
    first = m.items[0]
    assert [label for label, _v in first.answers][0] == "Herkennen we dit?"
    recognise = next(r for r in first.live if r.question.kind == "herkennen")
    assert [(b.label, b.count.value) for b in recognise.bars] == [
        ("Ja", 7),
        ("Deels", 4),
        ("Nee", 1),
    ]


def test_partner_sees_small_counts_suppressed(held, users):
    m = minutes(held, users["partner"])
    assert not m.raw and m.reads_answers  # invited; sharing "partners"
    recognise = next(r for r in m.items[0].live if r.question.kind == "herkennen")
    texts = {b.label: b.count.text for b in recognise.bars}
    assert texts["Ja"] == "7" and texts["Deels"] == "minder dan 5"
    assert all(b.percent is None for b in recognise.bars if not b.count.shown)


def test_hidden_answers_are_left_out(held):
    question = held.questions.get(kind="open")
    LiveAnswer.objects.filter(question=question, promoted=True).update(hidden=True)
    result = live_result(question, list(question.answers.all()), raw=True, reads=True)
    assert result.texts == []
    assert result.answers.value == 12 - 3


def test_sharing_level_own_team(held, users):
    held.sharing = SharingLevel.OWN
    held.save()
    assert may_read_answers(users["adviseur"], held)
    assert not may_read_answers(users["partner"], held)
    m = minutes(held, users["partner"])
    assert all(not text for _label, text in m.items[0].answers)
    assert all(not r.texts for im in m.items for r in im.live)


def test_partner_page_without_answers_when_not_shared(client, held, users):
    held.sharing = SharingLevel.OWN
    held.save()
    html = _get(client, users["partner"], "minutes", held).content.decode()
    assert "Wachtlijst bij Home-Start is te lang" not in html
    assert "worden niet met uw organisatie gedeeld" in html


def test_reader_of_an_unrelated_organisation_in_the_programme_by_association(held, users):
    org = Organisation.objects.create(name="Associatie", slug="assoc", kind="partner")
    reader = User.objects.create_user(username="lezer-assoc")
    Membership.objects.create(user=reader, organisation=org, role=Membership.Role.READER)
    assert not may_read_answers(reader, held)
    held.sharing = SharingLevel.ASSOCIATION
    held.save()
    assert may_read_answers(reader, held)


def test_csv_export(client, held, users):
    response = _get(client, users["adviseur"], "minutes_csv", held)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeffOnderdeel;Agendapunt;Wat;Waarde")
    assert f"Datum;{held.date:%d-%m-%Y}" in text
    assert "Bijstellen: Home-Start" in text
    assert "Wachtlijst bij Home-Start is te lang" in text
    assert "Gemiddelde;3,8" in text


def test_xlsx_export(client, held, users):
    response = _get(client, users["adviseur"], "minutes_xlsx", held)
    assert response.status_code == 200
    content = response.content
    assert numbers_without_format(content) == []
    ws = workbook_of(content).active
    assert ws["A1"].value == held.title
    dates = [c for row in ws.iter_rows() for c in row if c.is_date]
    assert dates and all(c.number_format == "DD-MM-YYYY" for c in dates)


def test_outsider_gets_404_everywhere(client, held, users):
    for name in ("minutes", "minutes_csv", "minutes_xlsx"):
        assert _get(client, users["buitenstaander"], name, held).status_code == 404


def test_detail_partial_links(held, users, rf):
    from django.template.loader import render_to_string

    html = render_to_string(
        "reflections/_reflection_cycle.html",
        {"reflection": held, "user": users["adviseur"], "can_steer": True},
    )
    assert reverse("reflections:minutes", args=[held.pk]) in html
    assert reverse("reflections:minutes_xlsx", args=[held.pk]) in html
    assert reverse("reflections:next_cycle", args=[held.programme_id]) in html
    partner_html = render_to_string(
        "reflections/_reflection_cycle.html",
        {"reflection": held, "user": users["partner"], "can_steer": False},
    )
    assert reverse("reflections:next_cycle", args=[held.programme_id]) not in partner_html
