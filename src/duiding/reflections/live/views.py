"""The facilitator's pages of the live session: the console (`live_control`), the projector and
its polled fragment, and the POST actions (start, end, add / open / close / reveal a question,
moderate an answer). Who may: `can_steer` (others who see the reflection: 403; the rest: 404)."""

from __future__ import annotations

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duiding.reflections.live import services
from duiding.reflections.live.forms import LiveQuestionForm
from duiding.reflections.models import AgendaItem, LiveAnswer, LiveQuestion, Status
from duiding.reflections.permissions import reflection_or_404


def join_link(request, reflection) -> str:
    return request.build_absolute_uri(
        reverse("reflections_public:session", kwargs={"code": reflection.join_code})
    )


def qr_svg(link: str) -> str:
    return segno.make(link, error="m", micro=False).svg_inline(
        scale=8, border=2, svgclass="live-qr", lineclass="live-qr__line", title=link
    )


def _console(pk: int):
    return redirect("reflections:live_control", pk=pk)


def _back(request, pk: int):
    """Back where the button was (the item page, the detail page) or to the console."""
    nxt = request.POST.get("next", "")
    if nxt.startswith("/duidingssessies/") and "//" not in nxt:
        return redirect(nxt)
    return _console(pk)


def _question_rows(reflection):
    rows = []
    for question in reflection.questions.select_related("item").order_by("order", "pk"):
        rows.append({"question": question, "count": question.answers.count()})
    return rows


@login_required
def live_control(request, pk: int):
    reflection = reflection_or_404(request.user, pk, edit=True)
    current = reflection.current_question
    context = {
        "reflection": reflection,
        "rows": _question_rows(reflection),
        "current": current,
        "summary": services.summary(current) if current else None,
        "answers": (
            current.answers.order_by("pk")
            if current and current.kind == LiveQuestion.Kind.OPEN
            else []
        ),
        "join_link": join_link(request, reflection),
        "running": reflection.status == Status.RUNNING,
        "items": reflection.items.filter(included=True).order_by("order", "pk"),
        "form": LiveQuestionForm(),
        "projector_version": services.answers_version(current, reflection),
        "next_question": services.next_question(reflection),
    }
    context["projector_summary"] = context["summary"]
    return render(request, "reflections/live/control.html", context)


@login_required
@require_POST
def live_start(request, pk: int):
    reflection = reflection_or_404(request.user, pk, edit=True)
    try:
        services.start_session(reflection, request.user)
        messages.success(
            request, _("De sessie is gestart. Deelnemers kunnen nu meedoen met de code.")
        )
    except services.LiveError as error:
        messages.error(request, error.message)
    return _back(request, pk)


@login_required
@require_POST
def live_end(request, pk: int):
    reflection = reflection_or_404(request.user, pk, edit=True)
    try:
        services.end_session(reflection, request.user)
        messages.success(request, _("De sessie is beëindigd. Er kunnen geen antwoorden meer bij."))
    except services.LiveError as error:
        messages.error(request, error.message)
    return _back(request, pk)


@login_required
def live_question_add(request, pk: int, item_pk: int):
    reflection = reflection_or_404(request.user, pk, edit=True)
    item = get_object_or_404(AgendaItem, pk=item_pk, reflection=reflection)
    form = LiveQuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        question = services.create_question(
            reflection, item, user=request.user, **form.question_settings()
        )
        messages.success(request, _("De vraag ‘%(text)s’ is toegevoegd.") % {"text": question.text})
        return _back(request, pk)
    return render(
        request,
        "reflections/live/question_form.html",
        {"reflection": reflection, "item": item, "form": form},
        status=400 if request.method == "POST" else 200,
    )


STATE_ACTIONS = {
    "open": lambda q, user: services.open_question(q, user),
    "close": lambda q, user: services.close_question(q, user),
    "reveal": lambda q, user: services.set_revealed(q, True, user),
    "hide": lambda q, user: services.set_revealed(q, False, user),
}


@login_required
@require_POST
def live_question_state(request, pk: int, question_pk: int):
    reflection = reflection_or_404(request.user, pk, edit=True)
    question = get_object_or_404(LiveQuestion, pk=question_pk, reflection=reflection)
    action = STATE_ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        messages.error(request, _("Onbekende actie; er is niets veranderd."))
        return _back(request, pk)
    try:
        action(question, request.user)
    except services.LiveError as error:
        messages.error(request, error.message)
    return _back(request, pk)


@login_required
@require_POST
def live_answer_moderate(request, pk: int, answer_pk: int):
    reflection = reflection_or_404(request.user, pk, edit=True)
    answer = get_object_or_404(LiveAnswer, pk=answer_pk, question__reflection=reflection)
    changes = {}
    for name in ("hidden", "promoted"):
        if name in request.POST:
            changes[name] = request.POST[name] == "1"
    if "group" in request.POST:
        changes["group"] = request.POST["group"]
    services.moderate_answer(answer, request.user, **changes)
    return _back(request, pk)


def _projector_context(request, reflection) -> dict:
    current = reflection.current_question
    if current is not None:
        current = LiveQuestion.objects.get(pk=current.pk)
    return {
        "reflection": reflection,
        "current": current,
        "summary": services.summary(current) if current else None,
        "version": services.answers_version(current, reflection),
    }


@login_required
def projector(request, pk: int):
    reflection = reflection_or_404(request.user, pk, edit=True)
    link = join_link(request, reflection)
    context = _projector_context(request, reflection)
    context.update({"join_link": link, "short_link": link.split("://", 1)[-1], "qr": qr_svg(link)})
    return render(request, "reflections/live/projector.html", context)


@login_required
def projector_fragment(request, pk: int):
    """The live part of the projector; 204 while its version (`v`) has not changed."""
    reflection = reflection_or_404(request.user, pk, edit=True)
    current = reflection.current_question
    version = services.answers_version(
        LiveQuestion.objects.get(pk=current.pk) if current else None, reflection
    )
    if request.GET.get("v") == version:
        return HttpResponse(status=204)
    return render(
        request, "reflections/live/_projector_live.html", _projector_context(request, reflection)
    )
