"""The question editor of a questionnaire: the questions with edit, remove and move up/down, and
adding a custom question of a kind (scale, single or multiple choice, number, short open text,
note). One question at a time, each a normal POST form that works without JavaScript, each saved
through `services.questions_save` with the version the page was opened from. When the current
version has answers, the page says before saving that a change makes a new version."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duiding.activities.forms import apply_errors
from duiding.core.versioning import StaleEdit, version_moved_on
from duiding.outcomes import services
from duiding.outcomes.definition import KINDS, kind_labels
from duiding.outcomes.permissions import questionnaire_or_404
from duiding.outcomes.questionnaire_forms import QuestionForm
from duiding.outcomes.sections import preview
from duiding.outcomes.views.questionnaires import context

# The service's problems with the question list are shown on the question's text.
QUESTION_ALIASES = {"questions": "label_nl"}


def _editor_context(request, questionnaire, **extra) -> dict:
    current = questionnaire.current
    return context(
        request,
        questionnaire.activity,
        questionnaire=questionnaire,
        current=current,
        items=preview(current.questions if current else []),
        next_version=services.next_version_number(questionnaire),
        **extra,
    )


@login_required
def question_editor(request, pk: int, stale=None, error=None):
    questionnaire = questionnaire_or_404(request.user, pk, edit=True)
    return render(
        request,
        "outcomes/question_editor.html",
        _editor_context(request, questionnaire, kinds=_kinds(), stale=stale, error=error),
        status=409 if stale else (400 if error else 200),
    )


def _kinds() -> list[tuple[str, str]]:
    labels = kind_labels()
    return [(k, labels[k]) for k in KINDS]


def _question_page(request, questionnaire, form, *, key=None, stale=None):
    return render(
        request,
        "outcomes/question_form.html",
        _editor_context(request, questionnaire, form=form, key=key, stale=stale),
        status=409 if stale else (400 if request.method == "POST" and form.errors else 200),
    )


def _saved(request, questionnaire, version, before: int) -> None:
    if version.number != before:
        messages.success(
            request,
            _("De vraag is opgeslagen in versie %(n)s. Eerdere antwoorden blijven bij hun versie.")
            % {"n": version.number},
        )
    else:
        messages.success(request, _("De vraag is opgeslagen."))


def _save(request, questionnaire, form, save):
    """Run a question save; a redirect on success, else the form page again."""
    before = questionnaire.current.number if questionnaire.current else 0
    try:
        version = save()
    except ValidationError as error:
        apply_errors(form, error, QUESTION_ALIASES)
    except StaleEdit as error:
        version_moved_on(form, error)
        return None, error
    else:
        _saved(request, questionnaire, version, before)
        return redirect("outcomes:question_editor", pk=questionnaire.pk), None
    return None, None


@login_required
def question_add(request, pk: int):
    questionnaire = questionnaire_or_404(request.user, pk, edit=True)
    kind = request.POST.get("kind") or request.GET.get("soort")
    if kind not in KINDS:
        return redirect("outcomes:question_editor", pk=questionnaire.pk)
    if request.method != "POST":
        initial = {"kind": kind, "version": questionnaire.version, "required": kind != "note"}
        if kind == "scale":
            initial.update(low=1, high=5)
        return _question_page(request, questionnaire, QuestionForm(kind=kind, initial=initial))
    form = QuestionForm(request.POST, kind=kind)
    if form.is_valid():
        done, stale = _save(
            request,
            questionnaire,
            form,
            lambda: services.question_add(
                questionnaire,
                form.question(),
                user=request.user,
                expected_version=form.cleaned_data.get("version"),
            ),
        )
        if done:
            return done
        if stale:
            return _question_page(request, questionnaire, form, stale=stale)
    return _question_page(request, questionnaire, form)


def _existing(questionnaire, key: str) -> dict:
    current = questionnaire.current
    question = current.question(key) if current else None
    if question is None:
        raise Http404
    return question


@login_required
def question_edit(request, pk: int, key: str):
    questionnaire = questionnaire_or_404(request.user, pk, edit=True)
    existing = _existing(questionnaire, key)
    kind = existing["kind"]
    if request.method != "POST":
        initial = QuestionForm.initial_for(existing, questionnaire.version)
        form = QuestionForm(kind=kind, existing=existing, initial=initial)
        return _question_page(request, questionnaire, form, key=key)
    form = QuestionForm(request.POST, kind=kind, existing=existing)
    if form.is_valid():
        done, stale = _save(
            request,
            questionnaire,
            form,
            lambda: services.question_update(
                questionnaire,
                key,
                form.question(),
                user=request.user,
                expected_version=form.cleaned_data.get("version"),
            ),
        )
        if done:
            return done
        if stale:
            return _question_page(request, questionnaire, form, key=key, stale=stale)
    return _question_page(request, questionnaire, form, key=key)


def _version_of(request) -> int | None:
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


@login_required
def question_remove(request, pk: int, key: str):
    """Asks for confirmation (GET); removes on POST."""
    questionnaire = questionnaire_or_404(request.user, pk, edit=True)
    existing = _existing(questionnaire, key)
    if request.method != "POST":
        return render(
            request,
            "outcomes/question_confirm_remove.html",
            _editor_context(request, questionnaire, question=preview([existing])[0]),
        )
    before = questionnaire.current.number
    try:
        version = services.question_remove(
            questionnaire, key, user=request.user, expected_version=_version_of(request)
        )
    except StaleEdit as stale:
        return question_editor(request, pk, stale=stale)
    except ValidationError as refused:
        return question_editor(request, pk, error=" ".join(refused.messages))
    if version.number != before:
        messages.success(
            request,
            _("De vraag is verwijderd in versie %(n)s. Eerdere antwoorden blijven bij hun versie.")
            % {"n": version.number},
        )
    else:
        messages.success(request, _("De vraag is verwijderd."))
    return redirect("outcomes:question_editor", pk=questionnaire.pk)


@require_POST
@login_required
def question_move(request, pk: int, key: str):
    questionnaire = questionnaire_or_404(request.user, pk, edit=True)
    _existing(questionnaire, key)
    step = -1 if request.POST.get("richting") == "omhoog" else 1
    try:
        services.question_move(
            questionnaire, key, step, user=request.user, expected_version=_version_of(request)
        )
    except StaleEdit as stale:
        return question_editor(request, pk, stale=stale)
    except ValidationError as refused:
        return question_editor(request, pk, error=" ".join(refused.messages))
    return redirect(f"{_editor_url(questionnaire)}#vraag-{key}")


def _editor_url(questionnaire) -> str:
    return reverse("outcomes:question_editor", args=[questionnaire.pk])


urlpatterns = [
    path("vragenlijst/<int:pk>/vragen/", question_editor, name="question_editor"),
    path("vragenlijst/<int:pk>/vragen/nieuw/", question_add, name="question_add"),
    path("vragenlijst/<int:pk>/vragen/<slug:key>/", question_edit, name="question_edit"),
    path(
        "vragenlijst/<int:pk>/vragen/<slug:key>/verwijderen/",
        question_remove,
        name="question_remove",
    ),
    path(
        "vragenlijst/<int:pk>/vragen/<slug:key>/verplaatsen/", question_move, name="question_move"
    ),
]
