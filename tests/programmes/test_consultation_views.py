# ruff: noqa: F811 -- the shared fixtures are imported by name (tests/programmes/consultation_fixtures.py)
"""Consultation pages: asking a colleague, closing, the feedback inbox, comments per section —
each with the owner, the reviewer (open and closed), a partner member, another organisation
and an anonymous visitor."""

from __future__ import annotations

import pytest
from django.urls import reverse

from duiding.programmes.consultation import services
from duiding.programmes.models import Comment, FeedbackRequest, SectionStatus
from tests.markup import a11y_problems, assert_accessible
from tests.programmes.consultation_fixtures import asked, colleague, section  # noqa: F401


def _url(name, *args):
    return reverse(f"programmes:{name}", args=args)


# --- The consultation page -------------------------------------------------------------------


def test_owner_sees_form_requests_and_counts(client_as, adviseur, programme, colleague, asked):
    school = section(programme, name="Schoolprestaties")
    services.comment_create(section=school, author=colleague, text="Kijk naar armoede")
    response = client_as(adviseur).get(_url("consultation", programme.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="reviewer"' in html and "Anna Analist (CJG Rotterdam)" in html
    assert ">adviseur" not in html.split('name="reviewer"')[1].split("</select>")[0]
    assert "Kijk je mee naar de factoren?" in html
    assert _url("feedback_close", programme.pk, asked.pk) in html
    assert _url("section_comments", programme.pk, school.pk) in html
    assert_accessible(response)


def test_owner_asks_a_colleague(
    client_as, adviseur, programme, colleague, mailoutbox, django_capture_on_commit_callbacks
):
    school = section(programme, name="Schoolprestaties")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(adviseur).post(
            _url("consultation", programme.pk),
            {"reviewer": colleague.pk, "message": "Graag je blik", "sections": [school.pk]},
        )
    assert response.status_code == 302
    request = FeedbackRequest.objects.get()
    assert request.reviewer == colleague and request.requested_by == adviseur
    school.refresh_from_db()
    assert school.status == SectionStatus.SHOWN_TO_COLLEAGUE
    assert len(mailoutbox) == 1
    assert f"http://testserver{_url('consultation', programme.pk)}" in mailoutbox[0].body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"message": "Vraag"}, "Kies de collega die u om feedback vraagt."),
        ({"reviewer": "colleague", "message": "  "}, "Schrijf een vraag aan de collega."),
        ({"reviewer": "outsider", "message": "Vraag"}, "Kies een collega uit de lijst."),
        ({"reviewer": "adviseur", "message": "Vraag"}, "Kies een collega uit de lijst."),
    ],
)
def test_bad_request_is_refused_with_a_dutch_message(
    client_as, adviseur, programme, colleague, outsider, data, message
):
    users = {"colleague": colleague, "outsider": outsider, "adviseur": adviseur}
    if "reviewer" in data:
        data = {**data, "reviewer": users[data["reviewer"]].pk}
    response = client_as(adviseur).post(_url("consultation", programme.pk), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not FeedbackRequest.objects.exists()
    assert_accessible(response)


def test_second_open_request_to_the_same_colleague_is_refused(
    client_as, adviseur, programme, colleague, asked
):
    response = client_as(adviseur).post(
        _url("consultation", programme.pk), {"reviewer": colleague.pk, "message": "Nog eens"}
    )
    assert response.status_code == 400
    assert "heeft al een open feedbackverzoek" in response.content.decode()
    assert FeedbackRequest.objects.count() == 1


def test_reviewer_sees_own_request_without_form(client_as, programme, colleague, asked):
    response = client_as(colleague).get(_url("consultation", programme.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "vroeg u op" in html and 'name="reviewer"' not in html
    assert _url("feedback_close", programme.pk, asked.pk) not in html
    assert_accessible(response)


def test_partner_reads_the_consultation_but_cannot_ask(client_as, partner, programme, asked):
    client = client_as(partner)
    response = client.get(_url("consultation", programme.pk))
    assert response.status_code == 200
    assert 'name="reviewer"' not in response.content.decode()
    response = client.post(_url("consultation", programme.pk), {"message": "x"})
    assert response.status_code == 403


def test_only_the_owner_closes_and_reopens(
    client_as, adviseur, colleague, partner, programme, asked
):
    for user in (colleague, partner):
        response = client_as(user).post(_url("feedback_close", programme.pk, asked.pk))
        assert response.status_code == 403
    asked.refresh_from_db()
    assert asked.closed_at is None
    client = client_as(adviseur)
    assert client.get(_url("feedback_close", programme.pk, asked.pk)).status_code == 405
    response = client.post(_url("feedback_close", programme.pk, asked.pk))
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.closed_at is not None and asked.closed_by == adviseur
    response = client.post(_url("feedback_reopen", programme.pk, asked.pk))
    asked.refresh_from_db()
    assert response.status_code == 302 and asked.closed_at is None


@pytest.mark.parametrize("name", ["consultation", "conversations"])
def test_other_organisation_gets_404_and_anonymous_the_login(
    client, client_as, outsider, programme, asked, name
):
    url = _url(name, programme.pk)
    response = client.get(url)
    assert response.status_code == 302 and "/inloggen/" in response.url
    assert client_as(outsider).get(url).status_code == 404
    assert client_as(outsider).post(url, {"message": "x"}).status_code == 404


def test_outsider_cannot_close_a_request(client_as, outsider, programme, asked):
    response = client_as(outsider).post(_url("feedback_close", programme.pk, asked.pk))
    assert response.status_code == 404


# --- The feedback inbox ------------------------------------------------------------------------


def test_inbox_and_menu_show_open_requests(client_as, programme, colleague, asked):
    client = client_as(colleague)
    response = client.get(_url("feedback_inbox"))
    assert response.status_code == 200
    html = response.content.decode()
    assert programme.name in html and "Kijk je mee naar de factoren?" in html
    assert "Feedback (1 open verzoek)" in html
    assert_accessible(response)
    home = client.get(reverse("home:home")).content.decode()
    assert "1 open verzoek om feedback aan u" in home


def test_inbox_of_an_outsider_is_empty(client, client_as, outsider, programme, asked):
    response = client_as(outsider).get(_url("feedback_inbox"))
    assert response.status_code == 200
    assert programme.name not in response.content.decode()
    response = client.logout() or client.get(_url("feedback_inbox"))
    assert response.status_code == 302 and "/inloggen/" in response.url


# --- Comments per section -------------------------------------------------------------------------


def test_comments_page_and_fragment(client_as, adviseur, programme, colleague, asked):
    school = section(programme, name="Schoolprestaties")
    services.comment_create(section=school, author=colleague, text="Armoede ontbreekt")
    url = _url("section_comments", programme.pk, school.pk)
    client = client_as(adviseur)
    page = client.get(url)
    assert page.status_code == 200
    assert "<html" in page.content.decode() and "Armoede ontbreekt" in page.content.decode()
    assert_accessible(page)
    fragment = client.get(url, headers={"HX-Request": "true"})
    html = fragment.content.decode()
    assert fragment.status_code == 200 and "<html" not in html
    assert "Armoede ontbreekt" in html and "Markeer als verwerkt" in html
    problems = [p for p in a11y_problems(html) if "h1" not in p and "follows h0" not in p]
    assert not problems, problems


def test_reviewer_comments_while_open_and_not_after_close(
    client_as, adviseur, programme, colleague, asked
):
    school = section(programme, name="Schoolprestaties")
    url = _url("section_comments", programme.pk, school.pk)
    client = client_as(colleague)
    response = client.post(url, {"text": "Waarom niet ouderbetrokkenheid?"})
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.author == colleague and comment.feedback_request == asked
    html = client.get(url).content.decode()
    assert "Markeer als verwerkt" not in html  # the reviewer does not mark handled
    assert "Mijn opmerking verwijderen" in html

    services.feedback_request_close(feedback_request=asked, user=adviseur)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Waarom niet ouderbetrokkenheid?" in html and 'name="text"' not in html
    assert "Uw feedbackverzoek is gesloten" in html
    assert client.post(url, {"text": "Te laat"}).status_code == 403
    assert client.post(_url("comment_delete", programme.pk, comment.pk)).status_code == 403
    assert Comment.objects.count() == 1


def test_htmx_comment_returns_the_fragment(client_as, programme, colleague, asked):
    school = section(programme, name="Schoolprestaties")
    url = _url("section_comments", programme.pk, school.pk)
    response = client_as(colleague).post(url, {"text": "Via htmx"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "Via htmx" in html and "Uw opmerking is geplaatst." in html
    response = client_as(colleague).post(url, {"text": " "}, headers={"HX-Request": "true"})
    assert response.status_code == 400 and "Schrijf een opmerking." in response.content.decode()


def test_owner_marks_handled_with_a_note_reviewer_may_not(
    client_as, adviseur, programme, colleague, asked
):
    school = section(programme, name="Schoolprestaties")
    comment = services.comment_create(section=school, author=colleague, text="Punt")
    url = _url("comment_handle", programme.pk, comment.pk)
    assert client_as(colleague).post(url, {"note": "zelf"}).status_code == 403
    response = client_as(adviseur).post(url, {"note": "Factor armoede toegevoegd"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.handled_by == adviseur and comment.handled_note == "Factor armoede toegevoegd"
    html = client_as(adviseur).get(_url("consultation", programme.pk)).content.decode()
    assert "Factor armoede" not in html  # the consultation page shows counts, not notes
    page = client_as(adviseur).get(_url("section_comments", programme.pk, school.pk))
    assert "Factor armoede toegevoegd" in page.content.decode()
    too_long = client_as(adviseur).post(
        _url("comment_handle", programme.pk, comment.pk),
        {"note": "x" * 501},
        headers={"HX-Request": "true"},
    )
    assert too_long.status_code == 400 and "hoogstens 500" in too_long.content.decode()


def test_only_the_author_deletes_an_unhandled_comment(
    client_as, adviseur, programme, colleague, asked
):
    school = section(programme, name="Schoolprestaties")
    comment = services.comment_create(section=school, author=colleague, text="Punt")
    assert (
        client_as(adviseur).post(_url("comment_delete", programme.pk, comment.pk)).status_code
        == 403
    )
    services.comment_mark_handled(comment=comment, user=adviseur)
    response = client_as(colleague).post(_url("comment_delete", programme.pk, comment.pk))
    assert response.status_code == 302 and Comment.objects.filter(pk=comment.pk).exists()
    services.comment_mark_unhandled(comment=comment, user=adviseur)
    response = client_as(colleague).post(_url("comment_delete", programme.pk, comment.pk))
    assert response.status_code == 302 and not Comment.objects.exists()


def test_partner_reads_comments_only(client_as, partner, programme, colleague, asked):
    school = section(programme, name="Schoolprestaties")
    comment = services.comment_create(section=school, author=colleague, text="Zichtbaar")
    url = _url("section_comments", programme.pk, school.pk)
    client = client_as(partner)
    response = client.get(url)
    assert response.status_code == 200 and "Zichtbaar" in response.content.decode()
    assert 'name="text"' not in response.content.decode()
    assert client.post(url, {"text": "Mag niet"}).status_code == 403
    assert client.post(_url("comment_handle", programme.pk, comment.pk)).status_code == 403


def test_comments_hidden_from_other_organisations_and_anonymous(
    client, client_as, outsider, programme, colleague, asked
):
    school = section(programme, name="Schoolprestaties")
    comment = services.comment_create(section=school, author=colleague, text="Geheim")
    url = _url("section_comments", programme.pk, school.pk)
    assert client.get(url).status_code == 302
    assert client.post(_url("comment_handle", programme.pk, comment.pk)).status_code == 302
    outsider_client = client_as(outsider)
    assert outsider_client.get(url).status_code == 404
    assert outsider_client.post(url, {"text": "x"}).status_code == 404
    for name in ("comment_handle", "comment_unhandle", "comment_delete"):
        assert outsider_client.post(_url(name, programme.pk, comment.pk)).status_code == 404


def test_section_of_another_programme_is_404(client_as, adviseur, programme, colleague, asked):
    school = section(programme, name="Schoolprestaties")
    response = client_as(adviseur).get(_url("section_comments", programme.pk + 1, school.pk))
    assert response.status_code == 404


def test_reviewer_sees_only_their_own_request(client_as, adviseur, programme, colleague, asked):
    from duiding.accounts.models import Membership, User

    second = User.objects.create_user(username="tweede", first_name="Tweede", last_name="Lezer")
    Membership.objects.create(
        user=second, organisation=colleague.memberships.get().organisation, role="lezer"
    )
    services.feedback_request_create(
        programme=programme, requested_by=adviseur, reviewer=second, message="Vraag aan twee"
    )
    html = client_as(colleague).get(_url("consultation", programme.pk)).content.decode()
    assert "Kijk je mee naar de factoren?" in html and "Vraag aan twee" not in html
    html = client_as(adviseur).get(_url("consultation", programme.pk)).content.decode()
    assert "Kijk je mee naar de factoren?" in html and "Vraag aan twee" in html
