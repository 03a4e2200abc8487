"""Pages of decisions and improvement actions: the forms posted from an agenda item (decision,
action), the look back on an earlier action, "Mijn verbeteracties" and the edit page of one
action. Thin: permissions, forms, a service call, a redirect."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duiding.core.versioning import save_or_stale
from duiding.reflections import decisions
from duiding.reflections.actions import selectors, services
from duiding.reflections.actions.forms import (
    ActionEditForm,
    ActionForm,
    DecisionForm,
    LookBackForm,
)
from duiding.reflections.models import AgendaItem, ImprovementAction
from duiding.reflections.permissions import action_or_404, reflection_or_404


def _item_url(reflection, item) -> str:
    """The item page (agenda part) when it exists, else the reflection or my actions."""
    for name, args in (
        ("reflections:item", [reflection.pk, item.pk]),
        ("reflections:detail", [reflection.pk]),
    ):
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return reverse("reflections:my_actions")


def _apply(error: ValidationError, form) -> None:
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


def _item(reflection, item_pk) -> AgendaItem:
    return get_object_or_404(AgendaItem, pk=item_pk, reflection=reflection)


def _refused(request, template, context):
    response = render(request, template, context, status=400)
    return response


@login_required
@require_POST
def decision_add(request, pk: int, item_pk: int):
    reflection = reflection_or_404(request.user, pk, edit=True)
    item = _item(reflection, item_pk)
    activity, result = decisions.subject_of(item)
    form = DecisionForm(request.POST, activity=activity, result=result)
    if form.is_valid():
        try:
            decisions.decision_record(
                reflection=reflection,
                item=item,
                user=request.user,
                choice=form.cleaned_data["choice"],
                reason=form.cleaned_data["reason"],
                result_indicator=form.cleaned_data.get("result_indicator"),
                new_target=form.cleaned_data.get("new_target"),
            )
        except ValidationError as error:
            _apply(error, form)
        else:
            messages.success(request, _("Het besluit is vastgelegd."))
            return redirect(_item_url(reflection, item))
    return _refused(
        request,
        "reflections/actions/decision_form.html",
        {"reflection": reflection, "item": item, "form": form, "back": _item_url(reflection, item)},
    )


@login_required
@require_POST
def action_add(request, pk: int, item_pk: int):
    reflection = reflection_or_404(request.user, pk, edit=True)
    item = _item(reflection, item_pk)
    form = ActionForm(request.POST, reflection=reflection)
    if form.is_valid():
        try:
            services.action_create(
                reflection=reflection,
                item=item,
                user=request.user,
                description=form.cleaned_data["description"],
                owner_organisation=form.cleaned_data["owner_organisation"],
                owner_user=form.cleaned_data.get("owner_user"),
                due_date=form.cleaned_data["due_date"],
            )
        except ValidationError as error:
            _apply(error, form)
        else:
            messages.success(request, _("De verbeteractie is vastgelegd."))
            return redirect(_item_url(reflection, item))
    return _refused(
        request,
        "reflections/actions/action_form.html",
        {"reflection": reflection, "item": item, "form": form, "back": _item_url(reflection, item)},
    )


@login_required
@require_POST
def action_look_back(request, pk: int, action_pk: int):
    """ "Zien we al effect?" on an earlier action that came back on this reflection's agenda."""
    reflection = reflection_or_404(request.user, pk, edit=True)
    action = get_object_or_404(ImprovementAction, pk=action_pk, agenda_items__reflection=reflection)
    form = LookBackForm(request.POST)
    back = request.POST.get("next") or ""
    if not back.startswith("/") or back.startswith("//"):
        try:
            back = reverse("reflections:detail", args=[reflection.pk])
        except NoReverseMatch:
            back = reverse("reflections:my_actions")
    if form.is_valid():
        services.action_look_back(
            action, reflection=reflection, user=request.user, note=form.cleaned_data["effect_note"]
        )
        messages.success(request, _("De terugblik is vastgelegd."))
        return redirect(back)
    return _refused(
        request,
        "reflections/actions/look_back_form.html",
        {"reflection": reflection, "action": action, "form": form, "back": back},
    )


@login_required
def my_actions(request):
    status = request.GET.get("status", "")
    actions = selectors.my_actions(request.user, status=status)
    return render(
        request,
        "reflections/actions/my_actions.html",
        {
            "actions": actions,
            "status": status,
            "statuses": ImprovementAction.Status.choices,
        },
    )


@login_required
def action_edit(request, pk: int):
    action = action_or_404(request.user, pk, edit=True)
    stale = None
    if request.method == "POST":
        form = ActionEditForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data

            def save():
                services.action_update(
                    action,
                    user=request.user,
                    expected_version=data.get("version"),
                    status=data["status"],
                    due_date=data["due_date"],
                    note=data.get("note", ""),
                )

            try:
                stale = save_or_stale(form, save)
            except ValidationError as error:
                _apply(error, form)
            else:
                if stale is None:
                    messages.success(request, _("De verbeteractie is opgeslagen."))
                    return redirect("reflections:my_actions")
    else:
        form = ActionEditForm(
            initial={
                "status": action.status,
                "due_date": action.due_date,
                "version": action.version,
            }
        )
    status = 409 if stale else (400 if request.method == "POST" else 200)
    return render(
        request,
        "reflections/actions/action_edit.html",
        {
            "action": action,
            "form": form,
            "stale": stale,
            "changes": action.changes.select_related("user").order_by("-at", "-pk"),
            "subject": selectors.subject_label(action),
            "figures": selectors.figures_since(action, request.user),
        },
        status=status,
    )
