"""The phone pages of a live session (no account), mounted at /d/ (`reflections_public`).

- `/d/`: type the join code (a wrong code: a Dutch message, 404).
- `/d/<code>/`: join (name optional, anonymous by default) — a `Participant` with a random token
  in an HttpOnly cookie, so a reconnect resumes — then the open question or "Wacht op de
  volgende vraag". An answer is a plain POST (works without JavaScript), acknowledged; refusals
  (twice, closed, ended, too long, not one of the options) in Dutch, nothing stored. Once the
  facilitator reveals the results, the phone shows the counts (never other questions or names).
- `/d/<code>/stand/`: polled by htmx every few seconds; 204 while nothing changed for this
  phone, else `HX-Refresh` (the page reloads itself). Without JavaScript: the reload button.
- No client address or user agent reaches these views (`core.middleware`).
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from duiding.reflections.live import services
from duiding.reflections.models import LiveQuestion, Status

COOKIE_AGE = 60 * 60 * 24  # a day: the meeting, a reconnect, not longer


def cookie_name(reflection) -> str:
    return f"duiding_d_{reflection.join_code}"


def _page(request, template: str, context: dict, status: int = 200):
    return render(request, f"reflections/live/{template}", context, status=status)


def _unknown(request, typed: str = ""):
    return _page(
        request,
        "join.html",
        {
            "typed": typed,
            "error": _(
                "Deze code kennen we niet. Kijk nog eens op het scherm in de zaal: de code heeft "
                "6 letters en cijfers."
            ),
        },
        status=404,
    )


def join_code(request):
    """The form to type the code (GET ?code=... goes to the session)."""
    if "code" in request.GET:
        typed = request.GET.get("code", "")
        reflection = services.reflection_by_code(typed)
        if reflection is None:
            return _unknown(request, typed[:20])
        return redirect("reflections_public:session", code=reflection.join_code)
    return _page(request, "join.html", {"typed": ""})


def phone_state(reflection, participant) -> str:
    """What the phone shows, as a key: it reloads when this changes."""
    question = reflection.current_question
    if question is None or participant is None:
        return f"{reflection.status}-none-{participant is not None}"
    answered = question.answers.filter(participant=participant).exists()
    key = f"{reflection.status}-{question.pk}-{question.state}-{int(question.revealed)}-{int(answered)}"
    if question.revealed:
        key += f"-{question.version}-{question.answers.count()}"
    return key


def _session_context(reflection, participant) -> dict:
    question = reflection.current_question
    showing = None
    if question is not None and participant is not None:
        answered = question.answers.filter(participant=participant).first()
        showing = {
            "question": question,
            "answered": answered,
            "open": question.state == LiveQuestion.State.OPEN
            and reflection.status == Status.RUNNING,
            "summary": services.summary(question) if question.revealed else None,
        }
        if question.kind == LiveQuestion.Kind.SCALE:
            showing["points"] = list(range(question.scale_min, question.scale_max + 1))
        if question.kind == LiveQuestion.Kind.RECOGNISE:
            showing["options"] = list(services.recognise_labels().items())
        if question.kind == LiveQuestion.Kind.CHOICE:
            showing["options"] = [(c, c) for c in question.choices]
    return {
        "reflection": reflection,
        "participant": participant,
        "showing": showing,
        "state": phone_state(reflection, participant),
        "max_length": services.OPEN_ANSWER_MAX,
        "ended": reflection.status == Status.DONE,
        "not_started": reflection.status == Status.PREPARED,
    }


def session(request, code: str):
    reflection = services.reflection_by_code(code)
    if reflection is None:
        return _unknown(request, code[:20])
    if reflection.join_code != code:
        return redirect("reflections_public:session", code=reflection.join_code)
    participant = services.participant_for(reflection, request.COOKIES.get(cookie_name(reflection)))
    error, status, typed = "", 200, {}
    if request.method == "POST":
        if request.POST.get("step") == "join" and participant is None:
            try:
                participant = services.join(reflection, request.POST.get("name", ""))
            except services.AnswerRefused as refused:
                error, status = refused.message, refused.status
            else:
                response = redirect("reflections_public:session", code=reflection.join_code)
                response.set_cookie(
                    cookie_name(reflection),
                    participant.token,
                    max_age=COOKIE_AGE,
                    httponly=True,
                    samesite="Lax",
                    secure=request.is_secure(),
                )
                return response
        elif participant is None:
            error, status = _("Meld je eerst aan voor deze sessie."), 403
        else:
            try:
                services.submit_answer(participant, request.POST.get("question"), request.POST)
            except services.AnswerRefused as refused:
                error, status = refused.message, refused.status
                typed = {"text": request.POST.get("text", "")[: services.OPEN_ANSWER_MAX * 2]}
            else:
                return redirect(
                    reverse_session(reflection) + "?ontvangen=1#antwoord", permanent=False
                )
    context = _session_context(reflection, participant)
    context.update(
        {"error": error, "typed": typed, "received": request.GET.get("ontvangen") == "1"}
    )
    return _page(request, "phone.html", context, status=status)


def reverse_session(reflection) -> str:
    return reverse("reflections_public:session", kwargs={"code": reflection.join_code})


def session_state(request, code: str):
    """204 while the phone's state (`s`) is unchanged, else a reload (HX-Refresh)."""
    reflection = services.reflection_by_code(code)
    if reflection is None:
        return HttpResponse(status=404)
    participant = services.participant_for(reflection, request.COOKIES.get(cookie_name(reflection)))
    if request.GET.get("s") == phone_state(reflection, participant):
        return HttpResponse(status=204)
    response = HttpResponse(status=200)
    response["HX-Refresh"] = "true"
    return response


urlpatterns = [
    path("", join_code, name="join"),
    path("<str:code>/", session, name="session"),
    path("<str:code>/stand/", session_state, name="session_state"),
]
